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
from casebook.views.compare import CompareView
from tests.helpers import EXAMPLE, ROOT, _edit

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
