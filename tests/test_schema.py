"""Tests of casebook.schema: the one registry of tables and enumerations, read from the data
package, and the orderings the pages rely on."""

from __future__ import annotations

import json

import pytest

from casebook import check, compare, evaluations, logics, schema


def _package() -> dict:
    path = schema.package_data_dir() / schema.SCHEMA_FILE
    return json.loads(path.read_text(encoding="utf-8"))


def test_tables_and_descriptions_come_from_the_package() -> None:
    resources = _package()["resources"]
    assert tuple(r["name"] for r in resources) == schema.TABLES
    assert [schema.description(n) for n in schema.TABLES] == [r["description"] for r in resources]
    assert schema.BOOKLET_PAGES == _package()["x_casebook"]["booklet_pages"] == 47
    assert schema.BOOKLET_DATE == 2011 + 4 / 12  # May 2011


def test_enumerations_are_read_not_retyped() -> None:
    assert schema.enum("evaluation_findings", "theme_group") == evaluations.THEME_GROUPS
    assert compare.GROUPS[:-1] == schema.enum("indicator_definitions", "group")
    assert schema.enum("logics", "axis_id") == logics.AXES
    assert set(evaluations.FACTS) - {"partners"} == set(schema.enum("organisation", "fact"))


def test_the_orderings_the_pages_show_are_deliberate() -> None:
    # The evaluation themes run from the residents' view to the building and learning.
    assert evaluations.THEME_GROUPS == (
        "demand_orientation",
        "vision_to_practice",
        "professional_autonomy",
        "collaboration",
        "governance",
        "results",
        "services",
        "building",
        "learning",
    )
    # Organisation facts: how many partners, then who they are, then form, people and money,
    # and the start last.
    assert evaluations.FACTS[:3] == ("partner_count", "partners", "legal_form")
    assert evaluations.FACTS[-1] == "start"
    # Findings and readings are colour scales: good to bad, and nothing known to fully met.
    assert evaluations.VALENCES == ("positive", "mixed", "negative", "not_evaluated")
    assert check.READINGS == ("not_assessed", "not_met", "partly", "met")
    # The casebook's own derived figures come after the booklet's groups.
    assert compare.GROUPS[-1] == "derived"


def test_unknown_names_say_what_is_valid() -> None:
    with pytest.raises(KeyError, match="choose one of cases, areas"):
        schema.resource("wijken")
    with pytest.raises(KeyError, match="no field 'colour'"):
        schema.enum("cases", "colour")
    with pytest.raises(KeyError, match="no enumeration"):
        schema.enum("cases", "name")
