"""Tests of casebook.validate: broken data is rejected, every problem named by file, row, column."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import casebook
from casebook import DataError, Problem
from casebook.cli import main as cli_main

CORPUS = Path(__file__).resolve().parent / "corpus"
ENTRIES = sorted(p.name for p in CORPUS.iterdir() if p.is_dir())


def _broken_dir(name: str, data_copy: Path) -> tuple[Path, dict]:
    entry = CORPUS / name
    expect = json.loads((entry / "expect.json").read_text(encoding="utf-8"))
    for path in entry.iterdir():
        if path.name != "expect.json":
            shutil.copyfile(path, data_copy / path.name)
    if expect["delete"]:
        (data_copy / expect["delete"]).unlink()
    return data_copy, expect


def test_the_corpus_is_large_enough() -> None:
    assert len(ENTRIES) >= 40


@pytest.mark.parametrize("name", ENTRIES)
def test_broken_file_gives_a_data_error_naming_file_row_and_column(
    name: str, data_copy: Path
) -> None:
    folder, expect = _broken_dir(name, data_copy)
    with pytest.raises(DataError) as info:
        casebook.load(folder)
    problems = info.value.problems
    assert len(problems) == expect["problems"], "\n".join(map(str, problems))
    matching = [p for p in problems if p.file == expect["file"] and expect["match"] in p.message]
    assert matching, f"no problem in {expect['file']} matching {expect['match']!r}:\n{info.value}"
    problem = matching[0]
    if expect["row"] is not None:
        assert problem.row == expect["row"]
    if expect["column"] is not None:
        assert problem.column == expect["column"]
    # The message a teacher reads names the file, and the row and column where there is one.
    text = str(info.value)
    assert expect["file"] in text
    if expect["row"] is not None:
        assert f"row {expect['row']}" in text
    if expect["column"] is not None:
        assert f"column '{expect['column']}'" in text


@pytest.mark.parametrize("name", ENTRIES)
def test_validate_exits_1_on_broken_data(
    name: str, data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The command's own code (casebook.cli.main) for every corpus entry, in this process: a
    Python start and a pandas import per entry cost half a minute of the suite; the command as
    a process is run below, once on broken and once on good data."""
    folder, expect = _broken_dir(name, data_copy)
    assert cli_main(["validate", str(folder)]) == 1  # an exception would fail the test
    assert expect["file"] in capsys.readouterr().err


def test_validate_command_exits_1_on_broken_data(data_copy: Path) -> None:
    folder, expect = _broken_dir(next(iter(ENTRIES)), data_copy)
    run = subprocess.run(
        [sys.executable, "-m", "casebook.cli", "validate", str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 1
    assert expect["file"] in run.stderr
    assert "Traceback" not in run.stderr


def test_validate_command_exits_0_on_the_real_data() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "casebook.cli", "validate"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert "OK" in run.stdout and f"{len(casebook.TABLES)} tables" in run.stdout


def test_every_problem_is_listed_not_just_the_first(data_copy: Path) -> None:
    lines = (data_copy / "tensions.csv").read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].replace(",1,", ",one,", 1)
    lines[2] = lines[2].replace(",2,", ",two,", 1)
    (data_copy / "tensions.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (data_copy / "voices.csv").write_text("voice_id\n", encoding="utf-8")
    with pytest.raises(DataError) as info:
        casebook.load(data_copy)
    where = {(p.file, p.row, p.column) for p in info.value.problems}
    assert ("tensions.csv", 2, "number") in where
    assert ("tensions.csv", 3, "number") in where
    assert any(p.file == "voices.csv" for p in info.value.problems)
    assert len(info.value.problems) >= 10


def test_a_missing_folder_is_named(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="this data folder does not exist"):
        casebook.load(tmp_path / "nowhere")


def test_nothing_half_loaded_is_cached(data_copy: Path) -> None:
    good = casebook.load(data_copy)
    path = data_copy / "cases.csv"
    original = path.read_text(encoding="utf-8")
    path.write_text(original.replace("doornakkers,1,", "doornakkers,x,", 1), encoding="utf-8")
    with pytest.raises(DataError, match="not a whole number"):
        casebook.load(data_copy)
    path.write_text(original, encoding="utf-8")
    again = casebook.load(data_copy)
    assert again.cases.equals(good.cases)


def test_problem_reads_as_one_sentence() -> None:
    problem = Problem("cases.csv", 4, "case_id", "'X' is not a valid id")
    assert str(problem) == "cases.csv, row 4, column 'case_id': 'X' is not a valid id"
    assert str(Problem("tensions.csv", None, None, "is missing")) == "tensions.csv: is missing"


def test_a_byte_order_mark_from_a_spreadsheet_is_accepted(data_copy: Path) -> None:
    path = data_copy / "tensions.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert len(casebook.load(data_copy).tensions) == 7


def test_a_bad_byte_after_a_lone_carriage_return_is_named() -> None:
    """Found by hypothesis: a line ended by a lone \\r (old Mac files) before a byte that is not
    UTF-8 made the row/column lookup itself fail; now the row and column are named."""
    from casebook.validate import _decode

    text, problem = _decode(b"case_id,name\r1,ab\x80c\r\n", "cases.csv")
    assert text == "" and problem is not None
    assert (problem.row, problem.column) == (2, "name") and "0x80" in problem.message
