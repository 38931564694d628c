"""The notebooks' prose, one language per cell: every markdown cell is tagged ``lang-nl`` or
``lang-en`` (the app shows only the reader's language, the handout keeps only its own), the
cells come in Dutch/English pairs with the same structure, and a cell is in the language its
tag says. Code cells that show one language are tagged likewise."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from casebook.app import notebooks_dir
from casebook.pages import LIVE, notebooks

# the reading pages and the teacher's live page: the app shows each in the reader's language
PAGES = (*notebooks(), LIVE.notebook)

# the commonest function words: a cell's share of the other language's is the tell
_WORDS = {
    "nl": {"de", "het", "een", "en", "van", "dat", "niet", "op", "voor", "met", "je", "die", "wat"},
    "en": {"the", "and", "of", "to", "that", "with", "for", "you", "this", "what", "which"},
}


def _cells(name: str) -> list[dict]:
    return json.loads((notebooks_dir() / name).read_text(encoding="utf-8"))["cells"]


def _lang(cell: dict) -> str | None:
    tags = [t for t in cell.get("metadata", {}).get("tags", []) if t.startswith("lang-")]
    assert len(tags) <= 1, f"a cell with two language tags: {tags}"
    return tags[0].removeprefix("lang-") if tags else None


def _share(text: str, lang: str) -> float:
    words = re.findall(r"[a-zà-ÿ']+", re.sub(r"\*[^*]+\*|\([^)]*\)|`[^`]*`", " ", text.lower()))
    return sum(w in _WORDS[lang] for w in words) / max(len(words), 1)


def _target(href: str) -> str:
    """A link's target; a teacher's paper by its kind (each language links its own file)."""
    from casebook.papers import by_link

    paper = by_link(href) if href.endswith(".md") else None
    return f"paper:{paper.kind}" if paper else href


def _shape(text: str) -> tuple:
    """Headings (level), list items, links (targets) and page references of a cell."""
    return (
        re.findall(r"^(#+) ", text, re.M),
        len(re.findall(r"^\s*(?:[-*]|\d+\.) ", text, re.M)),
        sorted(_target(href) for href in re.findall(r"\]\(([^)]+)\)", text)),
        sorted(re.findall(r"p\. ?(\d+(?:[–-]\d+)?)", text)),
    )


@pytest.mark.parametrize("name", PAGES)
def test_prose_comes_in_language_pairs(name: str) -> None:
    cells = _cells(name)
    prose = [c for c in cells if c["cell_type"] == "markdown"]
    assert prose, f"{name} has no prose"
    assert [_lang(c) for c in prose] == ["nl", "en"] * (len(prose) // 2), (
        f"{name}: every markdown cell needs a lang-nl or lang-en tag, Dutch first, then English"
    )
    for nl, en in zip(prose[::2], prose[1::2], strict=True):
        nl_text, en_text = "".join(nl["source"]), "".join(en["source"])
        assert _shape(nl_text) == _shape(en_text), f"{name}: a pair differs:\n{nl_text[:200]}"
        assert _share(nl_text, "en") < 0.04, f"{name}: English in a Dutch cell:\n{nl_text[:200]}"
        assert _share(en_text, "nl") < 0.04, f"{name}: Dutch in an English cell:\n{en_text[:200]}"


@pytest.mark.parametrize("name", PAGES)
def test_code_cells_for_one_language_are_tagged(name: str) -> None:
    for cell in _cells(name):
        if cell["cell_type"] != "code":
            continue
        source, lang = "".join(cell["source"]), _lang(cell)
        spoken = re.findall(r'lang="(nl|en)"', source)
        if "_view(" in source or "case_reader(" in source:  # views follow the title bar's switch
            assert lang is None, f"{name}: a view is tagged {lang}: {source}"
        elif spoken:
            assert lang == spoken[0], f"{name}: {source!r} is tagged {lang}"


def test_the_checks_find_an_untagged_cell_and_a_cell_in_the_wrong_language() -> None:
    assert _share("De wijk en het boekje: wat je ziet.", "nl") > 0.3
    assert _share("The neighbourhood and the booklet: what you see.", "en") > 0.3
    assert _share("De wijk (*the booklet*) in het boekje.", "en") == 0
    assert _shape("## Kop\n\n1. a\n2. b [x](01_casussen.ipynb) p. 16") == (
        ["##"],
        2,
        ["01_casussen.ipynb"],
        ["16"],
    )
    with pytest.raises(AssertionError):
        _lang({"metadata": {"tags": ["lang-nl", "lang-en"]}})
    assert _lang({"metadata": {}}) is None
    assert Path(notebooks_dir()).is_dir()


# Claims of ours the booklet does not make, found by reading the prose against it (issue 34):
# (notebook, language, wrong words, what the booklet says instead).
WRONG_CLAIMS = [
    ("03_vier_logicas.ipynb", "nl", "Geen van de vier polen is goed of fout", "Primaat, p. 41"),
    ("03_vier_logicas.ipynb", "en", "None of the four poles is right or wrong", "Primaat, p. 41"),
    ("03_vier_logicas.ipynb", "nl", "Het boekje gebruikt twee assen", "vier logica's, p. 4"),
    ("03_vier_logicas.ipynb", "en", "The booklet uses two axes", "vier logica's, p. 4"),
    ("00_start.ipynb", "nl", "In 2011 bezocht", "no date of the visits, tot mei 2011, p. 5"),
    ("00_start.ipynb", "en", "In 2011 a group", "no date of the visits, tot mei 2011, p. 5"),
    ("00_start.ipynb", "nl", "en gemeenten op een nieuwe manier", "soms ook met gemeenten, p. 3"),
    ("00_start.ipynb", "en", "and municipalities had found", "soms ook met gemeenten, p. 3"),
    ("04_evaluaties.ipynb", "nl", "hield cijfers bij", "no one named as counting, p. 16"),
    ("04_evaluaties.ipynb", "en", "kept figures", "no one named as counting, p. 16"),
    ("04_evaluaties.ipynb", "nl", "onderzocht de Hambaken", "the wijkonderneming, p. 24"),
    ("04_evaluaties.ipynb", "en", "examined Hambaken", "the wijkonderneming, p. 24"),
    ("04_evaluaties.ipynb", "nl", "niet wetenschappelijk kunt", "zoek niet naar, p. 5"),
    ("04_evaluaties.ipynb", "en", "cannot be compared", "zoek niet naar, p. 5"),
    (
        "04_evaluaties.ipynb",
        "nl",
        "twee meekijkers nodig achten",
        "schatting/wenselijk, pp. 13, 20",
    ),
    (
        "04_evaluaties.ipynb",
        "en",
        "reviewers consider necessary",
        "schatting/wenselijk, pp. 13, 20",
    ),
    ("06_check_je_samenwerking.ipynb", "nl", "(er ligt een opgave", "the alliance, p. 11"),
    ("06_check_je_samenwerking.ipynb", "en", "(a task that puts", "the alliance, p. 11"),
    ("06_check_je_samenwerking.ipynb", "nl", "vastleggen wat er moet", "bedenken, p. 20"),
    ("06_check_je_samenwerking.ipynb", "en", "laying down what must", "bedenken, p. 20"),
]


@pytest.mark.parametrize(("name", "lang", "wrong", "booklet"), WRONG_CLAIMS)
def test_a_claim_the_booklet_does_not_make_stays_out(
    name: str, lang: str, wrong: str, booklet: str
) -> None:
    prose = " ".join(
        "".join(c["source"])
        for c in _cells(name)
        if _lang(c) == lang and c["cell_type"] == "markdown"
    )
    assert prose, name
    assert wrong not in prose, f"{name} ({lang}) says {wrong!r}; the booklet: {booklet}"
