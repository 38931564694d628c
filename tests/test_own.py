"""Tests of casebook.own and its commands: a reader's own neighbourhood beside the five cases."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import casebook
from casebook.compare import indicator_table, select
from casebook.errors import DataError
from casebook.own import OWN_DIR, TEMPLATE_COLUMNS, own_areas_in, read_own_area, template_csv
from casebook.text import TEXT
from casebook.views.compare import CompareView
from tests.helpers import EXAMPLE, ROOT, _edit, said_in_both_languages

TEMPLATE = ROOT / "templates" / "eigen_wijk_sjabloon.csv"


def test_the_shipped_template_is_the_one_the_casebook_writes(book: casebook.Casebook) -> None:
    assert TEMPLATE.read_text(encoding="utf-8") == template_csv(book)
    lines = TEMPLATE.read_text(encoding="utf-8").splitlines()
    assert lines[0].split(",") == TEMPLATE_COLUMNS
    assert len(lines) == 1 + len(book.indicator_definitions)
    # an empty template holds no figures, and says so
    with pytest.raises(DataError, match="no figures are filled in"):
        read_own_area(TEMPLATE.read_bytes(), filename="sjabloon.csv", book=book)


def test_the_example_is_read_with_every_kind_of_figure(book: casebook.Casebook) -> None:
    area = read_own_area(EXAMPLE.read_bytes(), filename="voorbeeld.csv", book=book)
    assert area.name == "Voorbeeldwijk (fictief)" and area.area_id.startswith("own_")
    rows = area.rows.set_index("indicator")
    assert rows.loc["inhabitants", "value"] == 4200 and rows.loc["inhabitants", "kind"] == "number"
    assert rows.loc["owner_occupied_share", "kind"] == "range"
    assert (rows.loc["owner_occupied_share", "low"], rows.loc["owner_occupied_share", "high"]) == (
        30,
        35,
    )
    assert bool(rows.loc["mutation_rate", "approx"]) is True
    assert rows.loc["dwelling_types", "kind"] == "text"
    assert rows["page"].isna().all()  # not from the booklet
    assert len(rows) == 8  # empty rows are not reported, not zero


def test_a_filled_in_neighbourhood_appears_in_the_comparison(book: casebook.Casebook) -> None:
    area = read_own_area(EXAMPLE.read_bytes(), filename="voorbeeld.csv", book=book)
    table = indicator_table(book, lang="en", own=[area])
    mine = table[table["area_id"] == area.area_id]
    assert set(mine["area_kind"]) == {"own"}
    assert set(mine["area"]) == {"Voorbeeldwijk (fictief) (your own data)"}
    rows = select(table, areas=["doornakkers", area.area_id], indicators=["inhabitants"], lang="en")
    assert rows["value"].tolist()[1] == 4200
    # derived figures are computed for own data too, from its own inputs only
    derived = mine[mine["derived"].astype(bool)].set_index("indicator")
    assert derived.loc["persons_per_household", "value"] == pytest.approx(2.1)
    # the booklet's areas are untouched
    assert len(table[table["area_kind"] != "own"]) == len(indicator_table(book, lang="en"))


@pytest.mark.parametrize(
    ("cells", "row", "column", "message"),
    [
        ({"inhabitants": {"value": "veel"}}, 2, "value", "'veel' is not a number"),
        ({"inhabitants": {"value": "2.450"}}, 2, "value", "not a whole number"),
        ({"social_rent_share": {"value": "140"}}, 9, "value", "not a percentage"),
        ({"households": {"value": "-5"}}, 3, "value", "is negative"),
        ({"inhabitants": {"unit": "percent"}}, 2, "unit", "the unit of 'inhabitants' is 'count'"),
        ({"inhabitants": {"indicator": "happiness"}}, 2, "indicator", "not an indicator"),
        ({"owner_occupied_share": {"low": "40"}}, 11, "low", "low 40 is greater than high 35"),
        ({"owner_occupied_share": {"high": ""}}, 11, "high", "a range needs both low and high"),
        ({"inhabitants": {"low": "1"}}, 2, "value", "either a value or a range"),
        ({"mutation_rate": {"approx": "misschien"}}, 32, "approx", "is not yes or no"),
        ({"dwelling_types": {"value": "3"}}, 6, "text", "fill in only the text column"),
        ({"inhabitants": {"text": "veel"}}, 2, "text", "is a figure"),
        ({"households": {"area_name": "Andere wijk"}}, 3, "area_name", "one file holds one"),
        ({"inhabitants": {"area_name": ""}}, 2, "area_name", "needs a name"),
        ({"corporation_units_build_years": {"value": "1492"}}, 20, "value", "not a year"),
    ],
)
def test_a_broken_file_is_refused_naming_row_and_column(
    book: casebook.Casebook, cells: dict, row: int, column: str, message: str
) -> None:
    with pytest.raises(DataError) as err:
        read_own_area(_edit(**cells), filename="mijn_wijk.csv", book=book)
    problems = err.value.problems
    assert any(
        p.file == "mijn_wijk.csv" and p.row == row and p.column == column and message in p.message
        for p in problems
    ), [str(p) for p in problems]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"wijk,inwoners\nNoord,100\n", "not a filled-in neighbourhood template"),
        ("ü".encode("latin-1"), "not UTF-8"),
        (b"x" * 300_000, "too large"),
        (EXAMPLE.read_bytes().replace(b",", b";"), "separated by semicolons"),
    ],
)
def test_a_file_that_is_no_template_is_refused(
    book: casebook.Casebook, content: bytes, message: str
) -> None:
    with pytest.raises(DataError, match=message):
        read_own_area(content, filename="x.csv", book=book)


def test_a_ragged_row_and_a_duplicate_are_named(book: casebook.Casebook) -> None:
    text = EXAMPLE.read_text(encoding="utf-8").splitlines()
    text.append(text[1])  # inhabitants again
    text.append("Voorbeeldwijk (fictief),x,households")
    with pytest.raises(DataError) as err:
        read_own_area("\n".join(text).encode(), filename="x.csv", book=book)
    found = {(p.row, p.column) for p in err.value.problems}
    assert (len(text) - 1, "indicator") in found  # the repeated inhabitants row
    assert (len(text), None) in found  # too few cells


def test_a_teachers_folder_keeps_the_good_files_and_names_the_bad(
    book: casebook.Casebook, data_copy: Path
) -> None:
    folder = data_copy / OWN_DIR
    folder.mkdir()
    shutil.copy(EXAMPLE, folder / "a_goed.csv")
    (folder / "b_kapot.csv").write_bytes(_edit(inhabitants={"value": "veel"}))
    teacher = casebook.load(data_copy)
    found = own_areas_in(data_copy, teacher)
    assert [a.filename for a in found.areas] == [f"{OWN_DIR}/a_goed.csv"]
    assert [str(p) for e in found.refused for p in e.problems] == [
        f"{OWN_DIR}/b_kapot.csv, row 2, column 'value': 'veel' is not a number"
    ]
    view = CompareView(teacher)
    assert [o.name for o in view.own] == ["Voorbeeldwijk (fictief)"]
    assert "b_kapot.csv" in view.own_status.value and view.figure is not None


# --- refusals in the reader's language ------------------------------------------------------

_LINES = EXAMPLE.read_bytes().splitlines(keepends=True)
# One file per way of refusing a file: the key of the catalogue it is said with.
REFUSED: dict[str, bytes] = {
    "own.error.too_large": b"x" * 300_000,
    "own.error.not_utf8": "ü".encode("latin-1"),
    "upload.not_csv": b'area_name,indicator\n"Noord',
    "own.error.empty": b"",
    "upload.semicolons": EXAMPLE.read_bytes().replace(b",", b";"),
    "own.error.not_template": b"wijk,inwoners\nNoord,100\n",
    "upload.cells": EXAMPLE.read_bytes() + b"Voorbeeldwijk (fictief),x,households\n",
    "own.error.unknown_indicator": _edit(inhabitants={"indicator": "happiness"}),
    "own.error.twice": EXAMPLE.read_bytes() + _LINES[1],
    "own.error.unit": _edit(inhabitants={"unit": "percent"}),
    "own.error.no_name": _edit(inhabitants={"area_name": ""}),
    "own.error.long_name": _edit(inhabitants={"area_name": "x" * 81}),
    "own.error.approx": _edit(mutation_rate={"approx": "misschien"}),
    "own.error.statement": _edit(dwelling_types={"value": "3"}),
    "own.error.long_text": _edit(dwelling_types={"text": "x" * 301}),
    "own.error.figure": _edit(inhabitants={"text": "veel"}),
    "upload.not_number": _edit(inhabitants={"value": "veel"}),
    "own.error.value_and_range": _edit(inhabitants={"low": "1"}),
    "own.error.half_range": _edit(owner_occupied_share={"high": ""}),
    "figure.low_above_high": _edit(owner_occupied_share={"low": "40"}),
    "figure.negative.count": _edit(households={"value": "-5"}),
    "figure.negative.EUR": _edit(rent_mean={"value": "-450"}),
    "figure.not_percentage": _edit(social_rent_share={"value": "140"}),
    "own.error.not_whole": _edit(inhabitants={"value": "2.450"}),
    "own.error.not_year": _edit(corporation_units_build_years={"value": "1492"}),
    "own.error.two_areas": _edit(households={"area_name": "Andere wijk"}),
    "own.error.no_figures": TEMPLATE.read_bytes(),
}
# Refused only in a teacher's folder (test_a_teachers_folder_says_why_in_both_languages).
REFUSED_IN_FOLDER = {"own.error.unreadable", "own.error.area_twice"}


@pytest.mark.parametrize("key", sorted(REFUSED))
def test_every_refusal_is_said_in_both_languages(book: casebook.Casebook, key: str) -> None:
    with pytest.raises(DataError) as err:
        read_own_area(REFUSED[key], filename="mijn_wijk.csv", book=book)
    problems = err.value.problems
    assert key in {p.key for p in problems}, [str(p) for p in problems]
    for problem in problems:  # every placeholder filled in both languages, or text() raises
        said_in_both_languages(problem)


def test_the_refusals_cover_every_key_of_own() -> None:
    """Every way own.py refuses a file is tried above, in both languages."""
    tried = set(REFUSED) | REFUSED_IN_FOLDER
    assert {k for k in tried if k.startswith("own.error.")} == {
        k for k in TEXT if k.startswith("own.error.")
    }


@pytest.mark.parametrize(
    ("key", "nl", "en"),
    [
        (
            "upload.not_number",
            "mijn_wijk.csv, rij 2, kolom 'value': 'veel' is geen getal",
            "mijn_wijk.csv, row 2, column 'value': 'veel' is not a number",
        ),
        (
            "figure.not_percentage",
            "mijn_wijk.csv, rij 9, kolom 'value': 140 is geen percentage tussen 0 en 100",
            "mijn_wijk.csv, row 9, column 'value': 140 is not a percentage between 0 and 100",
        ),
        (
            "figure.low_above_high",
            "mijn_wijk.csv, rij 11, kolom 'low': low 40 is groter dan high 35",
            "mijn_wijk.csv, row 11, column 'low': low 40 is greater than high 35",
        ),
        (
            "figure.negative.EUR",
            "mijn_wijk.csv, rij 18, kolom 'value': -450 is negatief, en een bedrag in euro kan "
            "niet negatief zijn",
            "mijn_wijk.csv, row 18, column 'value': -450 is negative, which a EUR figure cannot be",
        ),
        (
            "own.error.unit",
            "mijn_wijk.csv, rij 2, kolom 'unit': de eenheid van 'inhabitants' is 'count', niet "
            "'percent'",
            "mijn_wijk.csv, row 2, column 'unit': the unit of 'inhabitants' is 'count', not "
            "'percent'",
        ),
        (
            "upload.semicolons",
            "mijn_wijk.csv, rij 1: de kolommen zijn gescheiden door puntkomma's; sla het bestand "
            "op als 'CSV UTF-8 (door komma's gescheiden)'",
            "mijn_wijk.csv, row 1: the columns are separated by semicolons; save it as "
            "'CSV UTF-8 (comma-separated)'",
        ),
        (
            "own.error.no_figures",
            "mijn_wijk.csv: er zijn geen cijfers ingevuld (vul value, low en high, of text in)",
            "mijn_wijk.csv: no figures are filled in (fill in value, low and high, or text)",
        ),
    ],
)
def test_a_refusal_in_dutch_and_in_english(
    book: casebook.Casebook, key: str, nl: str, en: str
) -> None:
    with pytest.raises(DataError) as err:
        read_own_area(REFUSED[key], filename="mijn_wijk.csv", book=book)
    (problem,) = err.value.problems
    assert (problem.text("nl"), problem.text("en")) == (nl, en)


def test_the_shared_rules_are_said_as_the_data_layer_says_them() -> None:
    """The figure rules and the semicolon check are shared with casebook.validate, as text keys:
    in English a reader reads what `casebook validate` prints."""
    from casebook.text import t
    from casebook.validate import figure_bounds

    def said(unit: str, **figure: float | None) -> set[str]:
        return {t(key, "en", **values) for _, key, values in figure_bounds(unit, **figure)}

    assert said("percent", value=140, low=40, high=35) | said(
        "count", value=-5, low=None, high=None
    ) | said("EUR", value=-450, low=None, high=None) == {
        "low 40 is greater than high 35",
        "140 is not a percentage between 0 and 100",
        "-5 is negative, which a count figure cannot be",
        "-450 is negative, which a EUR figure cannot be",
    }
    assert TEXT["upload.semicolons"]["en"] == (
        "the columns are separated by semicolons; save it as 'CSV UTF-8 (comma-separated)'"
    )


def test_a_teachers_folder_says_why_in_both_languages(
    book: casebook.Casebook, data_copy: Path
) -> None:
    folder = data_copy / OWN_DIR
    folder.mkdir()
    shutil.copy(EXAMPLE, folder / "a.csv")
    shutil.copy(EXAMPLE, folder / "b.csv")  # the same neighbourhood again
    (folder / "c.csv").mkdir()  # cannot be read as a file
    found = own_areas_in(data_copy, casebook.load(data_copy))
    problems = {p.key: p for e in found.refused for p in e.problems}
    assert set(problems) == REFUSED_IN_FOLDER
    for problem in problems.values():
        said_in_both_languages(problem)
    assert problems["own.error.area_twice"].text("nl") == (
        f"{OWN_DIR}/b.csv, kolom 'area_name': de wijk 'Voorbeeldwijk (fictief)' staat al in een "
        "ander bestand"
    )
    assert (
        problems["own.error.unreadable"]
        .text("nl")
        .startswith(f"{OWN_DIR}/c.csv: kan niet worden gelezen (")
    )


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "casebook.cli", *args], capture_output=True, text=True, timeout=120
    )


def test_casebook_validate_checks_a_filled_in_file(tmp_path: Path) -> None:
    good = _cli("validate", str(EXAMPLE))
    assert good.returncode == 0 and "Voorbeeldwijk (fictief)" in good.stdout
    bad = tmp_path / "mijn_wijk.csv"
    bad.write_bytes(_edit(social_rent_share={"value": "140"}))
    run = _cli("validate", str(bad))
    assert run.returncode == 1
    assert "row 9, column 'value': 140 is not a percentage between 0 and 100" in run.stderr


def test_casebook_template_writes_the_template(tmp_path: Path) -> None:
    out = tmp_path / "t.csv"
    run = _cli("template", "--out", str(out))
    assert run.returncode == 0 and out.read_text(encoding="utf-8") == TEMPLATE.read_text(
        encoding="utf-8"
    )


def test_validate_of_a_data_folder_reports_its_own_neighbourhoods(data_copy: Path) -> None:
    folder = data_copy / OWN_DIR
    folder.mkdir()
    shutil.copy(EXAMPLE, folder / "a.csv")
    assert _cli("validate", str(data_copy)).returncode == 0
    (folder / "b.csv").write_bytes(b"wijk\n")
    run = _cli("validate", str(data_copy))
    assert run.returncode == 1 and f"{OWN_DIR}/b.csv" in run.stderr
