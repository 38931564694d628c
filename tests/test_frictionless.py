"""The data package is a real Frictionless package: the reference validator (``frictionless
validate``, from PyPI) accepts ``data/datapackage.json`` and rejects a broken copy, so that other
tools can read our data as we promise."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import casebook

FRICTIONLESS = Path(sys.executable).with_name("frictionless")


def _validate(package: Path) -> dict:
    if not FRICTIONLESS.exists():
        pytest.fail(f"the reference validator is missing: {FRICTIONLESS}")
    done = subprocess.run(
        [str(FRICTIONLESS), "validate", "--json", str(package)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    return json.loads(done.stdout)


def _errors(report: dict) -> list[tuple[str, str]]:
    """(table, error type) of every error the validator names."""
    return [(task["name"], error["type"]) for task in report["tasks"] for error in task["errors"]]


def test_the_reference_validator_accepts_the_package() -> None:
    report = _validate(casebook.package_data_dir() / "datapackage.json")
    assert report["valid"], _errors(report)[:10]
    assert {task["name"] for task in report["tasks"]} == set(casebook.TABLES)


def _edit(path: Path, row: int, column: str, value: str) -> None:
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    rows[row][rows[0].index(column)] = value
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def test_the_reference_validator_rejects_a_broken_copy(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(casebook.package_data_dir(), data)
    _edit(data / "cases.csv", 1, "number", "een")  # not an integer
    _edit(data / "areas.csv", 1, "kind", "village")  # not one of the enum
    _edit(data / "indicators.csv", 1, "area_id", "nowhere")  # no such area
    report = _validate(data / "datapackage.json")
    assert not report["valid"]
    found = set(_errors(report))
    assert ("cases", "type-error") in found
    assert ("areas", "constraint-error") in found
    assert ("indicators", "foreign-key") in found
