"""Main text and metadata from a saved web page, with trafilatura (no network)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["HtmlExtract", "extract_html"]


@dataclass(frozen=True, slots=True)
class HtmlExtract:
    """What trafilatura found in a page. ``text`` has one paragraph per ``\\n\\n`` block."""

    text: str
    title: str | None = None
    date: str | None = None
    author: str | None = None
    sitename: str | None = None
    url: str | None = None

    def meta(self) -> dict[str, Any]:
        """Author and site name, for ``Document.meta`` (empty values left out)."""
        return {k: v for k, v in (("author", self.author), ("sitename", self.sitename)) if v}


def extract_html(html: str, url: str | None = None) -> HtmlExtract | None:
    """Extract the article from ``html``; ``None`` when the page has no main text.

    Navigation, cookie banners, comment sections, related-story boxes and footers are
    left out (``include_comments=False``, precision favoured over recall).
    """
    import trafilatura  # imported here: only pages need it

    found = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        favor_precision=True,
        deduplicate=False,
    )
    if found is None:
        return None
    get = found.get if isinstance(found, dict) else lambda key: getattr(found, key, None)
    raw = get("text") or ""
    text = "\n\n".join(line.strip() for line in raw.splitlines() if line.strip())
    if not text:
        return None
    return HtmlExtract(
        text=text,
        title=get("title") or None,
        date=get("date") or None,
        author=get("author") or None,
        sitename=get("sitename") or None,
        url=get("url") or url,
    )
