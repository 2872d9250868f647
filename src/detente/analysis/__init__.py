"""detente.analysis: summaries computed over the event store."""

from detente.analysis.dyads import actor_network, describe_dyad, dyad_summary, strongest_dyads

__all__ = ["actor_network", "describe_dyad", "dyad_summary", "strongest_dyads"]
