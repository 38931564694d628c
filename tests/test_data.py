"""Tests of casebook.data: loading, the cache, where the data is found, dtypes, the wheel."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import casebook
from casebook.data import resolve_data_dir


def test_load_is_cached_and_reloads_when_a_file_changes(data_copy: Path) -> None:
    first = casebook.load(data_copy)
    assert casebook.load(data_copy) is first
    path = data_copy / "tensions.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("Besluitvorming,Decision making", "Besluitvorming,Decisions"), encoding="utf-8"
    )
    os.utime(path, ns=(1, 1))
    second = casebook.load(data_copy)
    assert second is not first
    assert "Decisions" in second.tensions["name_en"].tolist()


def test_environment_variable_points_at_another_copy(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(casebook.ENV_VAR, str(data_copy))
    assert resolve_data_dir() == data_copy.resolve()
    assert casebook.load().data_dir == data_copy.resolve()
    monkeypatch.delenv(casebook.ENV_VAR)
    assert resolve_data_dir() == casebook.package_data_dir()


def test_data_is_found_from_any_working_directory(tmp_path: Path) -> None:
    code = "import casebook; print(len(casebook.load().cases))"
    run = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True
    )
    assert run.stdout.strip() == "5"


def test_tables_have_nullable_dtypes(book: casebook.Casebook) -> None:
    ind = book.indicators
    assert ind["value"].dtype == "Float64"
    assert ind["approx"].dtype == "boolean"
    assert ind["page"].dtype == "Int64"
    assert ind["case_id"].dtype == "string"


def test_table_names_are_checked(book: casebook.Casebook) -> None:
    with pytest.raises(KeyError, match="'nope' is not a casebook table"):
        book.table("nope")


def test_the_wheel_carries_the_data(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[1]
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(tmp_path),
            str(root),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert build.returncode == 0, build.stderr[-2000:]
    wheel = next(tmp_path.glob("casebook-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    for table in casebook.TABLES:
        assert f"casebook/data/{table}.csv" in names
    assert "casebook/data/datapackage.json" in names
    from casebook.papers import PAPERS  # the teacher's papers, pages of the app and the book

    assert not [p.file for p in PAPERS if f"casebook/docs/{p.file}" not in names]
    # Installed from the wheel, away from the checkout, the package finds its own data.
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "-t", str(target), str(wheel)],
        check=True,
        capture_output=True,
    )
    code = (
        "import casebook; from casebook import papers; b = casebook.load(); "
        "print(b.data_dir, len(b.lessons), papers.docs_dir())"
    )
    env = {**os.environ, "PYTHONPATH": str(target)}
    env.pop(casebook.ENV_VAR, None)
    run = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert run.stdout.strip() == f"{target / 'casebook' / 'data'} 27 {target / 'casebook' / 'docs'}"


def test_what_is_derived_from_a_book_is_built_once_and_handed_out_as_a_copy(
    book: casebook.Casebook,
) -> None:
    from casebook import compare, evaluations
    from casebook.cases import case_parts
    from casebook.data import per_book

    made: list[int] = []
    assert per_book(book, ("test", 1), lambda: made.append(1) or len(made)) == 1
    assert per_book(book, ("test", 1), lambda: made.append(1) or len(made)) == 1
    assert per_book(book, ("test", 2), lambda: made.append(1) or len(made)) == 2
    # a caller that changes what it was handed changes nothing for the next caller
    table = compare.indicator_table(book, lang="en")
    table["display"] = "changed"
    assert table.attrs["lang"] == "en"
    assert (compare.indicator_table(book, lang="en")["display"] != "changed").all()
    org = evaluations.organisation_table(book, cases=["mom"], lang="nl")
    org.iloc[0, 0] = "changed"
    assert evaluations.organisation_table(book, cases=["mom"], lang="nl").iloc[0, 0] != "changed"
    parts = case_parts(book, "mom", lang="nl")
    parts["opgave"] = "changed"
    assert case_parts(book, "mom", lang="nl")["opgave"] != "changed"


def test_recent_keeps_the_last_few_and_builds_each_once() -> None:
    """casebook.data.Recent: what a page shows for a state of its controls, for every reader;
    bounded (the least recently used goes), and one build per key while it is kept."""
    import threading

    from casebook.data import Recent

    kept, built = Recent(size=3), []

    def make(key: int) -> int:
        built.append(key)
        return key * 10

    assert [kept.get(k, lambda k=k: make(k)) for k in (1, 2, 3, 1)] == [10, 20, 30, 10]
    assert built == [1, 2, 3] and len(kept) == 3
    kept.get(4, lambda: make(4))  # 2 was used least recently: it goes
    assert len(kept) == 3
    kept.get(1, lambda: make(1))
    kept.get(2, lambda: make(2))
    assert built == [1, 2, 3, 4, 2]
    many, seen = Recent(size=1000), []

    def reader(start: int) -> None:
        seen.extend(
            many.get(k % 50, lambda k=k: k % 50) == k % 50 for k in range(start, start + 500)
        )

    threads = [threading.Thread(target=reader, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(many) == 50 and len(seen) == 4000 and all(seen)
