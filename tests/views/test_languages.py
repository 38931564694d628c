"""Every view speaks one language at a time: in Dutch no English sentence of ours is visible,
in English no Dutch one, except names, titles and the booklet's printed words.

"Ours" is everything the casebook says in two languages: the interface texts (casebook.text)
and every ``*_nl`` / ``*_en`` cell of the data that differs between the two. The visible text of
a view is read from its widgets (HTML as text, labels, options, tab titles) and its charts
(titles, notes, axis titles, tick labels, hover texts)."""

from __future__ import annotations

import html
import json
import re
import string
from pathlib import Path
from typing import Any

import ipywidgets as widgets
import pytest

import casebook
from casebook.text import TEXT
from casebook.views.chart import Chart
from tests.test_views_fuzz import ROOT, _views

VIEWS = ["start", "reader", "compare", "logics", "evaluations", "lessons", "check", "glossary"]
# Dutch that stays Dutch in the English interface: the booklet's titles and terms are facts.
KEPT_DUTCH = {"title_nl", "term_nl"}
MIN_WORDS = 3  # shorter texts are names, labels like "Start", or the same word in both


def _words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def _clean(text: str) -> str:
    text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    return re.sub(r"\s+", " ", text).strip()


def other_language_texts(book: casebook.Casebook, lang: str) -> set[str]:
    """Texts of ours in the other language that differ from their counterpart in ``lang``."""
    other = "en" if lang == "nl" else "nl"
    found: set[str] = set()
    for texts in TEXT.values():
        if texts[other] == texts[lang]:
            continue
        for literal, *_ in string.Formatter().parse(texts[other]):  # the fixed pieces
            if literal and _words(literal) >= MIN_WORDS:
                found.add(_clean(literal))
    for name in casebook.TABLES:
        frame = book.table(name)
        for column in frame.columns:
            if not column.endswith(f"_{other}") or (lang == "en" and column in KEPT_DUTCH):
                continue
            twin = column[: -len(other)] + lang
            for value, counterpart in zip(
                frame[column], frame.get(twin, [None] * len(frame)), strict=True
            ):
                same = isinstance(counterpart, str) and counterpart == value
                if isinstance(value, str) and not same and _words(value) >= MIN_WORDS:
                    found.add(_clean(value))
    return found


def printed_words(book: casebook.Casebook) -> list[str]:
    """The words that print a figure, as the booklet prints them (longest first)."""
    cells = {
        _clean(v)
        for name in ("indicators", "organisation", "evaluation_figures")
        for v in book.table(name)["printed"].dropna()
    }
    return sorted(cells, key=len, reverse=True)


def _figure_texts(spec: Any) -> list[str]:
    if isinstance(spec, str):
        return [spec]
    if isinstance(spec, dict):
        return [t for k, v in spec.items() if k not in ("uid", "meta") for t in _figure_texts(v)]
    if isinstance(spec, list):
        return [t for v in spec for t in _figure_texts(v)]
    return []


def visible_text(root: widgets.Widget) -> str:
    """What a reader can read in a view: HTML as text, labels, options, titles, chart texts."""
    parts: list[str] = []
    stack, seen = [root], set()
    while stack:
        w = stack.pop()
        if id(w) in seen:
            continue
        seen.add(id(w))
        for attr in ("description", "placeholder", "tooltip"):
            value = getattr(w, attr, None)
            if isinstance(value, str):
                parts.append(value)
        if isinstance(w, widgets.HTML):
            parts.append(w.value)
        if hasattr(w, "_options_labels"):
            parts += list(w._options_labels)
        if isinstance(w, widgets.Tab):
            parts += list(w.titles)
        if isinstance(w, Chart) and w.figure:
            parts += _figure_texts(json.loads(json.dumps(w.figure)))
        stack.extend(getattr(w, "children", ()))
    return _clean(" \n ".join(parts))


def leaks(text: str, others: set[str]) -> list[str]:
    return sorted(o for o in others if o in text)


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("name", VIEWS)
def test_a_view_shows_one_language(name: str, lang: str, tmp_path: Path) -> None:
    book = casebook.load()
    view = _views(tmp_path)[name]()
    if view.lang != lang:
        view.language.value = lang
    text = visible_text(view.widget)
    for quoted in printed_words(book):  # the booklet's own words are quoted, in Dutch
        text = text.replace(quoted, " ")
    found = leaks(text, other_language_texts(book, lang))
    assert not found, f"{name} in {lang} shows text of the other language: {found[:5]}"


def _refuse(view: Any) -> None:
    """Hand the view a broken file, as a reader would, so that it shows why it refused it."""
    if hasattr(view, "add_own_file"):  # compare
        view.add_own_file(
            "kapot.csv", (ROOT / "templates" / "eigen_wijk_sjabloon.csv").read_bytes()
        )
        view.add_own_file("kapot2.csv", b"wijk,inwoners\nNoord,100\n")
    elif hasattr(view, "load_answers_file"):  # check
        view.load_answers_file("kapot.json", b'{"format": "casebook-check/1", "answers": [2]}')
    else:  # logics
        view.load_class_files([("a.csv", b"name,score\n"), ("b.csv", "ü".encode("latin-1"))])


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("name", ["compare", "logics", "check"])
def test_a_refused_file_is_said_in_one_language(name: str, lang: str, tmp_path: Path) -> None:
    """Why a file was refused is said in the page's language, and again in the other after a
    switch (the view is opened in the other language and switched)."""
    book = casebook.load()
    view = _views(tmp_path)[name]()
    view.language.value = "en" if lang == "nl" else "nl"
    _refuse(view)
    view.language.value = lang
    text = visible_text(view.widget)
    for quoted in printed_words(book):
        text = text.replace(quoted, " ")
    assert "kapot" in text or "a.csv" in text  # the refusal is shown
    found = leaks(text, other_language_texts(book, lang))
    assert not found, f"{name} in {lang} shows text of the other language: {found[:5]}"


def test_the_check_finds_a_sentence_of_the_other_language(book: casebook.Casebook) -> None:
    others = other_language_texts(book, "nl")
    sentence = book.cases["summary_en"].iloc[0]
    page = widgets.VBox([widgets.HTML(f"<p>{html.escape(sentence)}</p>")])
    assert leaks(visible_text(page), others) == [_clean(sentence)]
