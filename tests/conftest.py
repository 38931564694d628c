"""Shared fixtures: the real data, a writable copy of it, and small synthetic tables."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

import casebook

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seed" / "koppelen-en-doorschakelen.txt"


@pytest.fixture(scope="session")
def book() -> casebook.Casebook:
    """The casebook's own data, validated."""
    return casebook.load()


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the real data directory."""
    target = tmp_path / "data"
    shutil.copytree(casebook.package_data_dir(), target)
    return target


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The booklet's text; tests that need it are skipped in a clone without ../shared."""
    if not SEED.is_file():
        pytest.skip(f"the booklet's text is not available at {SEED}")
    return SEED.read_text(encoding="utf-8")


@pytest.fixture
def small_indicators() -> pd.DataFrame:
    """A tiny indicators table: two areas, one with both inputs of a derivation, one without."""
    rows = [
        ("c1", "a1", "corporation_units", "number", 50.0, False, 3),
        ("c1", "a1", "dwellings", "number", 200.0, False, 4),
        ("c1", "a1", "inhabitants", "number", 900.0, True, 4),
        ("c1", "a1", "households", "number", 400.0, False, 4),
        ("c2", "a2", "corporation_units", "number", 80.0, False, 9),
        ("c2", "a2", "mutation_rate", "range", None, False, 9),
    ]
    frame = pd.DataFrame(
        rows, columns=["case_id", "area_id", "indicator", "kind", "value", "approx", "page"]
    )
    return frame.astype({"value": "Float64", "approx": "boolean", "page": "Int64"})
