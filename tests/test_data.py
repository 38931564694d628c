"""The library's public functions: loading, caching, loaders, derived figures, overview."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pandas as pd
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


def test_loaders_return_the_tables_and_say_what_a_row_is(book: casebook.Casebook) -> None:
    for name in casebook.TABLES:
        loader = getattr(casebook, f"load_{name}")
        assert loader() is book.table(name)
        assert loader.__doc__.startswith("Each row represents"), name


def test_derived_figures_are_computed_and_labelled(small_indicators: pd.DataFrame) -> None:
    derived = casebook.derived_indicators(small_indicators)
    share = derived[derived["indicator"] == "corporation_unit_share"]
    assert share["area_id"].tolist() == ["a1"]  # a2 has no dwellings: no row, not zero
    assert share["value"].iloc[0] == pytest.approx(25.0)
    assert share["formula"].iloc[0] == "corporation_units / dwellings × 100"
    assert share["pages"].iloc[0] == "3, 4"
    assert derived["derived"].all()
    pph = derived[derived["indicator"] == "persons_per_household"].iloc[0]
    assert pph["value"] == pytest.approx(2.25)
    assert bool(pph["approx"]) is True  # an approximate input makes an approximate result


def test_derived_figures_on_the_real_data(book: casebook.Casebook) -> None:
    derived = casebook.derived_indicators(book.indicators).set_index(["indicator", "area_id"])[
        "value"
    ]
    assert derived[("corporation_unit_share", "hambaken")] == pytest.approx(1639 / 2191 * 100)
    assert derived[("persons_per_household", "tilburg")] == pytest.approx(204863 / 98710)
    assert ("corporation_unit_share", "doornakkers") not in derived.index
    # derived figures are never stored as if printed
    assert not set(casebook.derive.DERIVATIONS) & set(book.indicators["indicator"])


def test_case_overview_in_both_languages(book: casebook.Casebook) -> None:
    nl = casebook.case_overview(book, lang="nl")
    en = casebook.case_overview(book, lang="en")
    assert nl.index.tolist() == [1, 2, 3, 4, 5]
    assert list(nl.columns) == ["Casus", "Stad", "Wijk(en)", "Organisatievorm", "Pagina's"]
    assert list(en.columns) == ["Case", "City", "Neighbourhood(s)", "Organisational form", "Pages"]
    assert nl.loc[2, "Wijk(en)"] == "Groenewoud / Kruiden- en Kleurenbuurt"  # Tilburg is a city
    assert nl.loc[1, "Pagina's"] == "6–12"
    assert en.loc[5, "Organisational form"].startswith("Facility service provider")


def test_language_is_checked(book: casebook.Casebook) -> None:
    with pytest.raises(
        ValueError, match=r"`lang` must be one of \['nl', 'en'\], but 'de' was passed"
    ):
        casebook.case_overview(book, lang="de")


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
    # Installed from the wheel, away from the checkout, the package finds its own data.
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "-t", str(target), str(wheel)],
        check=True,
        capture_output=True,
    )
    code = "import casebook; b = casebook.load(); print(b.data_dir, len(b.lessons))"
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
    assert run.stdout.strip() == f"{target / 'casebook' / 'data'} 27"


def test_data_summary_counts_every_table(book: casebook.Casebook) -> None:
    summary = casebook.data_summary(book)
    assert summary.index.tolist() == [r for r in summary.index if r in casebook.TABLES]
    assert len(summary) == len(casebook.TABLES)
    assert summary.loc["lessons", "rows"] == 27
    assert summary.loc["cases", "what a row is"].startswith("one of the five collaborations")
