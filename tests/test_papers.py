"""The teacher's papers (casebook.papers): the lesson plan and the key in both languages, found
where a checkout and a wheel keep them, rendered as pages of their own whose links lead to the
other papers."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from casebook import papers
from casebook.papers import PAPERS, by_address, by_link, paper, paper_body, paper_html

ROOT = Path(__file__).resolve().parents[1]


def test_each_kind_is_there_in_each_language_with_its_pair() -> None:
    assert {(p.kind, p.lang) for p in PAPERS} == {
        (kind, lang) for kind in ("guide", "key") for lang in ("nl", "en")
    }
    for one in PAPERS:
        assert one.other.kind == one.kind and one.other.lang != one.lang
        assert one.companion.lang == one.lang and one.companion.kind != one.kind
        assert by_address(one.path) is one and by_link(one.link) is one
    with pytest.raises(ValueError, match=r"`kind` must be one of \['guide', 'key'\]"):
        paper("answers", "nl")


def test_the_wheel_ships_every_paper() -> None:
    """A casebook installed from its wheel has no docs folder of a checkout: the papers go
    inside the package, where :func:`papers.docs_dir` looks first (the wheel itself:
    tests/test_data.py, tests/test_wheelhouse.py)."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    shipped = config["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    for one in PAPERS:
        assert shipped.get(f"docs/{one.file}") == f"casebook/docs/{one.file}", one.file
    assert papers.docs_dir() == ROOT / "docs"


@pytest.mark.parametrize("one", PAPERS, ids=lambda p: p.address)
def test_a_paper_is_a_page_in_its_language_whose_links_lead_to_papers(one: papers.Paper) -> None:
    page = paper_html(one, href=lambda other: f"@{other.address}", home="./")
    assert page.startswith("<!DOCTYPE html>") and f'<html lang="{one.lang}">' in page
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    assert "@media print" in page and ".cb-paper-bar { display: none" in page
    links = re.findall(r'href="([^"]+)"', page)
    assert not [h for h in links if h.endswith(".md")], "a link to a Markdown file is left"
    assert f"@{one.other.address}" in links and f"@{one.companion.address}" in links
    # every link to a paper shows the paper's name, not its file's
    assert not re.search(r">[a-z-]+\.md</a>", page)


def test_a_papers_markdown_is_text_and_its_file_links_are_named() -> None:
    one = paper("guide", "en")
    html = paper_body(
        one,
        lambda other: other.html_file,
        text="# T\n\n<script>x</script> [teacher-key.md](teacher-key.md) [the plan](docent.md#a)",
    )
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert '<a href="teacher-key.html">Teacher&#x27;s key</a>' in html
    assert '<a href="docent.html#a">the plan</a>' in html
