"""detente.ingest"""
