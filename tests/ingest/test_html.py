"""Article text and metadata from saved pages (tests/ingest/data/page_*.html)."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.ingest.html import HtmlExtract, extract_html

DATA = Path(__file__).parent / "data"

PAGES = {
    "page_article.html": {
        "story": [
            "Negotiators from Armenia and Azerbaijan resumed talks on their shared border",
            "The delegations discussed a prisoner exchange",
            "Foreign ministry spokeswoman Lena Hartmann said both sides had agreed",
            "the hardest questions about the final border line remained open.",
        ],
        "junk": [
            "cookies",
            "Home",
            "ADVERTISEMENT",
            "Cheap flights",
            "Win a luxury cruise",
            "Share on Facebook",
            "Pop star cancels",
            "Lottery jackpot",
            "Related stories",
            "truthseeker77",
            "never work",
            "mortgage deals",
            "Copyright",
            "Privacy policy",
        ],
        "meta": {
            "title": "Border talks resume after six-month pause",
            "date": "2023-05-09",
            "author": "Mara Jensen",
            "sitename": "The Daily Ledger",
            "url": "https://ledger.example/world/2023/05/09/border-talks-resume",
        },
    },
    "page_divs.html": {
        "story": [
            "Farmers blocked several motorways around the capital with tractors",
            "Traffic jams stretched for more than forty kilometres",
            "Agriculture Minister Joost Verhoeven said he understood the anger",
            "Farm unions said they would continue the protests",
        ],
        "junk": [
            "Log in",
            "Weather",
            "Puzzles",
            "Sign up for our morning newsletter",
            "delivered straight to your inbox",
            "Most read",
            "folding tablet",
            "three months for just one euro",
            "Advertise with us",
        ],
        "meta": {
            "title": "Farmers block motorways in fertiliser protest",
            "date": "2022-11-15",
            "author": "Pieter de Graaf",
            "sitename": "Northern Courier",
        },
    },
    "page_comments.html": {
        "story": [
            "Parliament approved a new electoral law on Wednesday",
            "by 98 votes to 61",
            "Interior Minister Helga Strand told lawmakers",
            "ask the constitutional court to review it.",
        ],
        "junk": [
            "Your privacy",
            "214 partners",
            "Search the site",
            "Recommended for you",
            "Singer teases",
            "Join the conversation",
            "OldTimer",
            "disgrace",
            "About time",
            "keep the discussion civil",
            "Follow us on Twitter",
        ],
        "meta": {
            "title": "Parliament lowers voting age to sixteen",
            "date": "2021-06-02",
            "sitename": "Capital Gazette Online",
        },
    },
}


@pytest.fixture(scope="module", params=sorted(PAGES))
def page(request: pytest.FixtureRequest) -> tuple[str, HtmlExtract]:
    found = extract_html((DATA / request.param).read_text(encoding="utf-8"))
    assert found is not None
    return request.param, found


def test_html_keeps_story(page: tuple[str, HtmlExtract]) -> None:
    name, found = page
    for sentence in PAGES[name]["story"]:
        assert sentence in found.text


def test_html_drops_page_junk(page: tuple[str, HtmlExtract]) -> None:
    name, found = page
    for junk in PAGES[name]["junk"]:
        assert junk not in found.text, junk


def test_html_metadata(page: tuple[str, HtmlExtract]) -> None:
    name, found = page
    for field, value in PAGES[name]["meta"].items():
        assert getattr(found, field) == value


def test_html_paragraphs_are_blocks(page: tuple[str, HtmlExtract]) -> None:
    _, found = page
    assert found.text.count("\n\n") >= 3
    assert "\n\n\n" not in found.text


@pytest.mark.parametrize("html", ["", "<html><body></body></html>", "<html><head></head></html>"])
def test_html_without_article_gives_none(html: str) -> None:
    assert extract_html(html) is None
