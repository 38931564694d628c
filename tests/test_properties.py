"""Issue 10: property-based tests of the loader. Tables are changed cell by cell, as the schema
describes them: valid changes load and read back exactly; invalid ones raise a DataError that
names file, row and column; nothing else is ever raised, and nothing is ever half loaded."""

from __future__ import annotations

import csv
import io
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import casebook
from casebook.errors import DataError
from casebook.schema import descriptor as schema
from casebook.validate import read_package
from tests.hostile import FREE_TEXT

SCHEMA = schema()
RESOURCES = {r["name"]: r for r in SCHEMA["resources"]}
FILES = {r["path"] for r in SCHEMA["resources"]} | {"datapackage.json"}
SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


TYPED = sorted(
    (name, f["name"], f["type"])
    for name, r in RESOURCES.items()
    for f in r["schema"]["fields"]
    if f["type"] in ("integer", "number", "boolean")
)
ENUMS = sorted(
    (name, f["name"], tuple(f["constraints"]["enum"]))
    for name, r in RESOURCES.items()
    for f in r["schema"]["fields"]
    if "enum" in f.get("constraints", {})
)
REQUIRED = sorted(
    (name, f["name"])
    for name, r in RESOURCES.items()
    for f in r["schema"]["fields"]
    if f.get("constraints", {}).get("required")
)
# Text as teachers paste it: any letters, digits, punctuation, markup, quotes, commas and
# line breaks (no control characters other than tab and newline, no surrogates).
TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), whitelist_characters="\n\t"),
    min_size=1,
    max_size=80,
).filter(lambda s: s.strip() != "")


def _read(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh))


def _write(path: Path, rows: list[list[str]]) -> None:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    target = tmp_path_factory.mktemp("props") / "data"
    shutil.copytree(casebook.package_data_dir(), target)
    yield target


class Edit:
    """Change one cell of one table; undo it afterwards."""

    def __init__(self, folder: Path, table: str) -> None:
        self.path = folder / RESOURCES[table]["path"]
        self.original = self.path.read_bytes()
        self.rows = _read(self.path)

    def set(self, row: int, column: str, value: str) -> int:
        """Set the cell; returns the spreadsheet row number (header = 1)."""
        index = row % (len(self.rows) - 1) + 1
        self.rows[index][self.rows[0].index(column)] = value
        _write(self.path, self.rows)
        return index + 1

    def get(self, row: int, column: str) -> str:
        """The cell as it stands now (the same row numbering as :meth:`set`)."""
        return self.rows[row % (len(self.rows) - 1) + 1][self.rows[0].index(column)]

    def undo(self) -> None:
        self.path.write_bytes(self.original)


def _load(folder: Path) -> dict:
    return read_package(folder, SCHEMA)


@SETTINGS
@given(data=st.data())
def test_any_text_in_a_free_text_cell_loads_and_reads_back(folder: Path, data) -> None:
    table, column = data.draw(st.sampled_from(FREE_TEXT), label="cell")
    text = data.draw(TEXT, label="text")
    row = data.draw(st.integers(min_value=0, max_value=10_000), label="row")
    edit = Edit(folder, table)
    try:
        number = edit.set(row, column, text)
        twin = _twin(table, column)
        if twin is not None and not edit.get(row, twin).strip():
            edit.set(row, twin, "x")  # a text in two languages is in both or in neither
        tables = _load(folder)
        assert tables[table][column].iloc[number - 2] == text
    finally:
        edit.undo()


def _twin(table: str, column: str) -> str | None:
    """The other language's column of a two-language text (note_nl -> note_en), if any."""
    stem, _, lang = column.rpartition("_")
    names = {f["name"] for f in RESOURCES[table]["schema"]["fields"]}
    other = {"nl": f"{stem}_en", "en": f"{stem}_nl"}.get(lang)
    return other if other in names else None


def _is_number(text: str, kind: str) -> bool:
    if kind == "integer":
        return re.fullmatch(r"-?\d+", text) is not None
    if kind == "number":
        return re.fullmatch(r"-?\d+(\.\d+)?([eE][-+]?\d+)?", text.strip()) is not None
    return text in {"true", "false", "True", "False", "TRUE", "FALSE", "1", "0"}


def _assert_named(folder: Path, table: str, column: str, row: int, value: str) -> None:
    """Put ``value`` in one cell: the DataError must name that file, row and column."""
    edit = Edit(folder, table)
    try:
        number = edit.set(row, column, value)
        with pytest.raises(DataError) as err:
            _load(folder)
    finally:
        edit.undo()
    where = {(p.file, p.row, p.column) for p in err.value.problems}
    assert (RESOURCES[table]["path"], number, column) in where, str(err.value)


ROW = st.integers(min_value=0, max_value=10_000)


@SETTINGS
@given(data=st.data())
def test_a_cell_that_is_not_of_its_type_is_named(folder: Path, data) -> None:
    table, column, kind = data.draw(st.sampled_from(TYPED), label="cell")
    text = data.draw(TEXT.filter(lambda s: not _is_number(s, kind)), label="text")
    _assert_named(folder, table, column, data.draw(ROW, label="row"), text)


@SETTINGS
@given(data=st.data())
def test_a_value_outside_its_enum_is_named(folder: Path, data) -> None:
    table, column, allowed = data.draw(st.sampled_from(ENUMS), label="cell")
    text = data.draw(TEXT.filter(lambda s: s not in allowed), label="text")
    _assert_named(folder, table, column, data.draw(ROW, label="row"), text)


@SETTINGS
@given(data=st.data())
def test_a_blank_required_cell_is_named(folder: Path, data) -> None:
    table, column = data.draw(st.sampled_from(REQUIRED), label="cell")
    blank = data.draw(st.sampled_from(["", " ", "\t", "  "]), label="blank")
    _assert_named(folder, table, column, data.draw(ROW, label="row"), blank)


@SETTINGS
@given(
    table=st.sampled_from(sorted(RESOURCES)),
    content=st.one_of(
        st.binary(max_size=400),
        st.text(max_size=400).map(lambda s: s.encode("utf-8", "surrogatepass")),
    ),
    keep_head=st.booleans(),
)
def test_any_bytes_in_any_file_end_in_a_table_or_a_data_error(
    folder: Path, table: str, content: bytes, keep_head: bool
) -> None:
    """The loader never raises anything but DataError, and never returns part of the data."""
    path = folder / RESOURCES[table]["path"]
    original = path.read_bytes()
    if keep_head:  # the real header and first rows, then garbage: a damaged or cut-off file
        content = original[: len(original) // 3] + content
    try:
        path.write_bytes(content)
        try:
            tables = _load(folder)
        except DataError as err:
            assert err.problems
            assert {p.file for p in err.problems} <= FILES
        else:
            assert set(tables) == set(RESOURCES)  # all or nothing
    finally:
        path.write_bytes(original)


def test_after_an_error_the_good_data_loads_whole(folder: Path) -> None:
    """Nothing half-loaded is kept: once the file is repaired the whole casebook loads."""
    edit = Edit(folder, "indicators")
    edit.set(3, "value", "veel")
    with pytest.raises(DataError):
        casebook.load(folder)
    edit.undo()
    book = casebook.load(folder)
    assert len(book.indicators) == len(casebook.load().indicators)
