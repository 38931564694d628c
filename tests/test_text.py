"""The text catalogue: every key in both languages, no key unused, numbers as readers write them."""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest

from casebook.i18n import LANGS
from casebook.text import TEXT, format_figure, format_number, t

PACKAGE = Path(__file__).resolve().parents[1] / "casebook"


def test_every_key_has_both_languages_and_the_same_placeholders() -> None:
    fields = string.Formatter()
    for key, texts in TEXT.items():
        assert set(texts) == set(LANGS), f"{key!r} has {sorted(texts)}, not {list(LANGS)}"
        assert all(texts[lang].strip() for lang in LANGS), f"{key!r} has an empty text"
        names = [{f for _, f, _, _ in fields.parse(texts[lang]) if f} for lang in LANGS]
        assert names[0] == names[1], f"{key!r}: the languages fill in different {names}"


def used_strings(package: Path) -> set[str]:
    """Every string constant in the package's code, f-string pieces included."""
    found: set[str] = set()
    for path in package.rglob("*.py"):
        if path.name == "text.py" and path.parent == package:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                found.add(node.value)
    return found


def dead_keys(keys: list[str], used: set[str]) -> list[str]:
    """Keys no code asks for: neither written out nor built from a prefix ('mode.' + m)."""
    prefixes = {s for s in used if s.endswith((".", "_")) and "." in s}
    return [k for k in keys if k not in used and not any(k.startswith(p) for p in prefixes)]


def test_no_key_is_dead() -> None:
    dead = dead_keys(list(TEXT), used_strings(PACKAGE))
    assert not dead, f"no code uses these texts; remove them or use them: {dead}"


# The families of keys that say why a reader's file is refused (casebook.errors.Problem).
REFUSAL_FAMILIES = ("problem.", "upload.", "own.error.", "check.error.", "logics.error.")


def missing_keys(used: set[str], keys: set[str]) -> list[str]:
    """Refusal keys the code writes out that the catalogue lacks (a prefix such as
    'figure.negative.' is completed at run time, and is no key itself)."""
    return sorted(
        s for s in used if s.startswith(REFUSAL_FAMILIES) and not s.endswith(".") and s not in keys
    )


def test_every_refusal_key_in_the_code_is_in_the_catalogue() -> None:
    """A missing key fails only when its refusal happens; this finds it before a reader does.
    (That each one is said in both languages with every placeholder filled is tested where it
    is raised: tests/test_own.py, tests/test_check.py, tests/test_logics.py.)"""
    assert not missing_keys(used_strings(PACKAGE), set(TEXT))


def test_a_missing_refusal_key_is_found() -> None:
    used = {"upload.not_utf8", "figure.negative.", "check.error.gone", "casebook.views"}
    assert missing_keys(used, set(TEXT)) == ["check.error.gone"]


def test_a_dead_key_is_found() -> None:
    used = {"control.language", "mode."}
    assert dead_keys(["control.language", "mode.one", "msg.gone"], used) == ["msg.gone"]


def test_an_unknown_key_or_language_is_an_error() -> None:
    with pytest.raises(KeyError):
        t("no.such.key", "nl")
    with pytest.raises(ValueError, match="must be one of"):
        t("control.language", "de")


@pytest.mark.parametrize(
    ("kwargs", "nl", "en"),
    [
        ({"unit": "percent", "value": 17.7}, "17,7%", "17.7%"),
        ({"unit": "count", "value": 204863}, "204.863", "204,863"),
        ({"unit": "percent", "value": 85, "approx": True}, "≈ 85%", "≈ 85%"),
        ({"unit": "percent", "low": 7, "high": 8}, "7–8%", "7–8%"),
        ({"unit": "EUR", "low": 275, "high": 530}, "€ 275–530", "€ 275–530"),
        ({"unit": "year", "low": 1945, "high": 1989}, "1945–1989", "1945–1989"),
        ({"unit": "count", "value": 125, "qualifier": "more_than"}, "> 125", "> 125"),
        ({"unit": "percent"}, "niet vermeld", "not reported"),
    ],
)
def test_figures_are_written_as_readers_write_them(kwargs: dict, nl: str, en: str) -> None:
    assert format_figure(lang="nl", **kwargs) == nl
    assert format_figure(lang="en", **kwargs) == en


def test_format_number_keeps_needed_decimals() -> None:
    assert format_number(2.31, "en") == "2.31"
    assert format_number(7.0, "nl") == "7"
    assert format_number(2.3148, "nl", decimals=2) == "2,31"


# Facts the interface texts must not claim, found by reading them against the booklet (issue 34):
# (key, language, wrong words, what the booklet says instead).
WRONG_TEXTS = [
    ("eval.note.horizon", "nl", "die het boekje en twee meekijkers noemen", "pp. 13, 20, 46"),
    ("eval.note.horizon", "en", "two outside reviewers say", "pp. 13, 20, 46"),
    ("eval.booklet", "nl", "boekje (mei", "no publication date, tot mei 2011, p. 5"),
    ("eval.booklet", "en", "booklet (May", "no publication date, tot mei 2011, p. 5"),
    ("start.contents.cases", "nl", "de bezoekers", "onze onderlinge reflectie, p. 5"),
    ("start.contents.cases", "en", "the visitors", "onze onderlinge reflectie, p. 5"),
]


@pytest.mark.parametrize(("key", "lang", "wrong", "booklet"), WRONG_TEXTS)
def test_a_fact_the_booklet_does_not_give_stays_out(
    key: str, lang: str, wrong: str, booklet: str
) -> None:
    assert wrong not in TEXT[key][lang], f"{key} ({lang}) says {wrong!r}; the booklet: {booklet}"
