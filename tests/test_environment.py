"""Issue 10: environment.yml (conda, Binder, JupyterHub) and pyproject.toml pin the same stack,
and constraints.txt agrees with both."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
PIN = re.compile(r"^([A-Za-z0-9_.\-]+)==([^\s;]+)$")


def _pins(lines: list[str]) -> dict[str, str]:
    out = {}
    for line in lines:
        m = PIN.match(line.strip())
        if m:
            out[m.group(1).lower().replace("_", "-")] = m.group(2)
    return out


def test_environment_yml_pins_the_same_stack_as_pyproject() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    deps = env["dependencies"]
    pip = next(d["pip"] for d in deps if isinstance(d, dict) and "pip" in d)
    stack = _pins(project["dependencies"])
    assert stack, "pyproject.toml pins no runtime dependencies"
    assert _pins(pip) == stack
    # the same interpreter line, and the rest from the same constraints and this folder
    python = next(d for d in deps if isinstance(d, str) and d.startswith("python="))
    minimum = re.search(r">=\s*(\d+\.\d+)", project["requires-python"]).group(1)
    assert python == f"python={minimum}"
    assert "--constraint constraints.txt" in pip and "--editable ." in pip


def test_constraints_agree_with_every_pin() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pinned = _pins(project["dependencies"]) | _pins(project["optional-dependencies"]["test"])
    constraints = _pins((ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines())
    differ = {n: (v, constraints.get(n)) for n, v in pinned.items() if constraints.get(n) != v}
    assert not differ, f"pyproject pin vs constraints.txt: {differ}"
