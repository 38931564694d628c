"""The real data: it validates, has the counts the booklet has, and every key resolves."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest

import casebook
from casebook.schema import descriptor as schema

CASE_IDS = ["doornakkers", "mom", "hambaken", "helmond_oost", "wijkpuntonderneming"]


def test_every_table_of_the_schema_is_a_casebook_attribute_with_a_loader(
    book: casebook.Casebook,
) -> None:
    names = [r["name"] for r in schema()["resources"]]
    assert list(casebook.TABLES) == names
    for name in names:
        assert getattr(book, name) is book.table(name)
        assert getattr(casebook, f"load_{name}")() is book.table(name)


def test_every_table_and_field_is_described() -> None:
    for resource in schema()["resources"]:
        assert resource["description"].startswith("Each row represents"), resource["name"]
        for field in resource["schema"]["fields"]:
            assert field.get("description"), (resource["name"], field["name"])
    dp = schema()
    assert dp["licenses"] and dp["sources"]


def test_case_ids_are_the_public_contract(book: casebook.Casebook) -> None:
    assert book.cases.sort_values("number")["case_id"].tolist() == CASE_IDS


@pytest.mark.parametrize(
    ("table", "count"),
    [
        ("cases", 5),
        ("tensions", 7),
        ("logics", 4),
        ("lessons", 27),
        ("main_lines", 4),
        ("voices", 4),
        ("reflections", 25),
        ("authors", 10),
        ("areas", 7),
    ],
)
def test_counts_match_the_booklet(book: casebook.Casebook, table: str, count: int) -> None:
    assert len(book.table(table)) == count


def test_lessons_run_from_0_to_26(book: casebook.Casebook) -> None:
    assert book.lessons["lesson_id"].tolist() == list(range(27))


def test_each_case_has_five_reflections(book: casebook.Casebook) -> None:
    counts = book.reflections.groupby("case_id").size()
    assert counts.to_dict() == dict.fromkeys(CASE_IDS, 5)


def test_areas_named_in_the_issue(book: casebook.Casebook) -> None:
    kinds = dict(zip(book.areas["name"], book.areas["kind"], strict=True))
    assert kinds == {
        "Doornakkers": "neighbourhood",
        "Groenewoud": "neighbourhood",
        "Kruiden- en Kleurenbuurt": "neighbourhood",
        "Tilburg": "city",
        "Hambaken": "neighbourhood",
        "Helmond-Oost": "neighbourhood",
        "Baardwijk / Laageinde / De Hoef": "neighbourhood",
    }


def test_every_area_has_figures_and_every_case_an_area(book: casebook.Casebook) -> None:
    assert set(book.indicators["area_id"]) == set(book.areas["area_id"])
    assert set(book.areas["case_id"]) == set(CASE_IDS)


def test_missing_is_missing_never_zero(book: casebook.Casebook) -> None:
    numeric = book.indicators[book.indicators["kind"] != "text"]
    assert not (numeric[["value", "low", "high"]] == 0).any().any()
    text = book.indicators[book.indicators["kind"] == "text"]
    assert text[["value", "low", "high"]].isna().all().all()
    assert text["text_nl"].notna().all() and text["text_en"].notna().all()


def test_ranges_and_approximations_keep_their_form(book: casebook.Casebook) -> None:
    ind = book.indicators.set_index(["area_id", "indicator"])
    hambaken = ind.loc[("hambaken", "mutation_rate")]
    assert (hambaken["kind"], hambaken["low"], hambaken["high"]) == ("range", 7, 8)
    assert pd.isna(hambaken["value"])
    kk = ind.loc[("kruiden_kleurenbuurt", "social_rent_share")]
    assert (kk["value"], bool(kk["approx"]), kk["printed"]) == (85, True, "bijna 85%")
    tilburg = ind.xs("tilburg", level="area_id")
    assert len(tilburg) == 7


def test_known_contradictions_are_recorded_with_a_note(book: casebook.Casebook) -> None:
    org = book.organisation.set_index("fact_id")
    assert org.loc["mom_budget", "value"] == 200000
    assert org.loc["mom_budget_per_partner", "value"] == 30000
    assert "33,333" in org.loc["mom_budget_per_partner", "note_en"]
    sections = book.sections.set_index("section_id")
    assert sections.loc["wijkpuntonderneming_evaluatie", ["page_contents", "page"]].tolist() == [
        37,
        38,
    ]
    assert sections.loc["mom_uitgelicht", ["page_contents", "page"]].tolist() == [17, 16]
    bodies = book.bodies.set_index("body_id")
    assert "disagree" in bodies.loc["doornakkers_wijkoverleg", "note_en"]


def test_printed_partner_counts_agree_with_the_partner_list(book: casebook.Casebook) -> None:
    printed = book.organisation[book.organisation["fact"] == "partner_count"].dropna(
        subset=["value"]
    )
    counted = casebook.partner_counts(book.partners)
    assert len(printed) == 2
    for _, row in printed.iterrows():
        assert counted[row["case_id"]] == row["value"], row["case_id"]


def test_inferred_years_are_marked(book: casebook.Casebook) -> None:
    tl = book.timeline.set_index("event_id")
    assert bool(tl.loc["doornakkers_collaboration_begins", "inferred"]) is True
    assert tl.loc["doornakkers_collaboration_begins", "year"] == 2003
    assert bool(tl.loc["mom_start", "inferred"]) is False


def test_datapackage_is_valid_json_with_keys(book: casebook.Casebook) -> None:
    dp = json.loads((casebook.package_data_dir() / "datapackage.json").read_text(encoding="utf-8"))
    for resource in dp["resources"]:
        assert resource["schema"]["primaryKey"], resource["name"]


def test_the_data_readme_describes_every_table() -> None:
    text = (casebook.package_data_dir() / "README.md").read_text(encoding="utf-8")
    firsts = [line.split("|")[1] for line in text.splitlines() if line.startswith("| `")]
    missing = [name for name in casebook.TABLES if not any(f"`{name}`" in c for c in firsts)]
    assert not missing, f"data/README.md has no row for {missing}"


# Function words that are Dutch and not English: three different ones in a sentence of an English
# cell (outside quotes and brackets, where the booklet's words stand) make it a Dutch sentence.
_DUTCH_WORDS = frozenset(
    [
        "de",
        "het",
        "een",
        "van",
        "en",
        "niet",
        "zijn",
        "wordt",
        "worden",
        "voor",
        "naar",
        "ook",
        "dat",
        "bij",
        "aan",
        "maar",
        "geen",
        "nog",
        "zich",
        "wel",
        "deze",
    ]
)
_QUOTED = re.compile(r"[\"“„][^\"“”]*[\"”]|['‘][^'‘’]*['’](?!\w)|\([^)]*\)")


def _outside_quotes(text: str) -> str:
    return _QUOTED.sub(" ", text)


def dutch_sentences(text: str) -> list[str]:
    """The sentences of an English text that read as Dutch: three different Dutch function words
    outside quotes and brackets ("Hart voor de wijk" or "Van de Veerdonk" alone is a name)."""
    found = []
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        words = set(re.findall(r"[a-zà-ÿ]+", _outside_quotes(sentence).lower()))
        if len(words & _DUTCH_WORDS) >= 3:
            found.append(sentence)
    return found


def untranslated(english: str, dutch: str, printed: list[str]) -> bool:
    """An English cell equal to its Dutch twin that is more than names and printed words: a
    lower-case word is left once quotes, brackets and the booklet's printed words are taken out."""
    if english != dutch:
        return False
    rest = _outside_quotes(english)
    for words in printed:
        rest = rest.replace(words, " ")
    return any(len(w) > 1 and w.islower() for w in re.findall(r"[^\W\d_]+", rest))


def _english_cells(book: casebook.Casebook) -> list[tuple[str, str, int, str, str]]:
    cells = []
    for name in casebook.TABLES:
        frame = book.table(name)
        for column in frame.columns:
            twin = column[: -len("_en")] + "_nl"
            if not column.endswith("_en") or twin not in frame.columns:
                continue
            for row, (en, nl) in enumerate(zip(frame[column], frame[twin], strict=True)):
                if isinstance(en, str):
                    cells.append((name, column, row, en, nl))
    return cells


def test_every_english_cell_is_english(book: casebook.Casebook) -> None:
    """No ``_en`` cell of any table is its ``_nl`` twin copied (names and printed words aside)
    or a Dutch sentence (issue 34: areas' doornakkers note_en was "Buurt in stadsdeel
    Tongelre.")."""
    printed = sorted(
        {
            v
            for t in ("indicators", "organisation", "evaluation_figures")
            for v in book.table(t)["printed"].dropna()
        },
        key=len,
        reverse=True,
    )
    cells = _english_cells(book)
    assert len(cells) > 400  # every table with _nl/_en columns is read
    copied = [c[:4] for c in cells if untranslated(c[3], c[4], printed)]
    dutch = [(*c[:3], s) for c in cells for s in dutch_sentences(c[3])]
    assert not copied, f"English cells equal to their Dutch twin: {copied}"
    assert not dutch, f"Dutch sentences in English cells: {dutch}"


def test_the_english_check_finds_copied_and_dutch_cells(book: casebook.Casebook) -> None:
    """The check above can fail: a Dutch summary in an English cell and a copied note are found,
    a name or a quoted Dutch word is not."""
    dutch = "Het eerste contract tekenden maar een paar partners; in 2011 werken de meeste mee."
    assert dutch_sentences(f"In short. {dutch}") == [dutch]
    assert untranslated("Buurt in stadsdeel Tongelre.", "Buurt in stadsdeel Tongelre.", [])
    assert not untranslated("Impulsfonds: p. 23.", "Impulsfonds: p. 23.", [])
    assert not untranslated("'Najaar 2010'.", "'Najaar 2010'.", [])
    assert not dutch_sentences("Provincial funding for Hart voor de wijk is on p. 37.")
    assert not dutch_sentences("Slowed down (het tempo van de bouw is verlaagd) in 2011.")


# Words of ours that said more or other than the booklet, found by reading the rows against it
# (issue 34): (table, key column, key, column, wrong words, what the booklet says instead).
WRONG_WORDS = [
    ("reflections", "reflection_id", "helmond_oost_4", "summary_en", "coarseness", "p. 32"),
    ("case_texts", "case_id", "doornakkers", "summary_nl", "Woonbedrijf koos", "p. 6"),
    ("case_texts", "case_id", "doornakkers", "summary_en", "Woonbedrijf chose", "p. 6"),
    ("case_texts", "case_id", "doornakkers", "summary_nl", "zorgt dat", "stimuleren, p. 6"),
    ("case_texts", "case_id", "doornakkers", "summary_en", "sees to it", "stimuleren, p. 6"),
    (
        "evaluation_findings",
        "finding_id",
        "doornakkers_f3",
        "summary_nl",
        "botst",
        "spanning, p. 10",
    ),
    (
        "evaluation_findings",
        "finding_id",
        "doornakkers_f3",
        "summary_en",
        "clashes",
        "spanning, p. 10",
    ),
    (
        "evaluation_findings",
        "finding_id",
        "wijkpuntonderneming_f2",
        "summary_nl",
        "Onduidelijk",
        "p. 38",
    ),
    ("evaluations", "evaluation_id", "wijkpuntonderneming_status", "evaluator", "Casade", "p. 38"),
    ("evaluations", "evaluation_id", "mom_mom_at_work", "evaluator", "MOM", "p. 16"),
    # The remaining case texts, reflections, highlights, figures' notes and voices (issue 34).
    ("case_texts", "case_id", "doornakkers", "summary_en", "sleeps until", "min of meer, p. 8"),
    ("case_texts", "case_id", "mom", "summary_nl", "geen formele partner is,", "in de MOM, p. 14"),
    ("case_texts", "case_id", "mom", "summary_nl", "moeten de partners", "van belang, p. 16"),
    ("case_texts", "case_id", "helmond_oost", "summary_nl", "en beter neergezet", "p. 29"),
    (
        "case_texts",
        "case_id",
        "wijkpuntonderneming",
        "summary_nl",
        "auditteam vond",
        "gevoel, p. 38",
    ),
    ("case_texts", "case_id", "wijkpuntonderneming", "summary_en", "is to develop", "pp. 34, 36"),
    ("reflections", "reflection_id", "helmond_oost_3", "summary_nl", "begint meestal", "p. 31"),
    ("reflections", "reflection_id", "helmond_oost_3", "summary_en", "usually starts", "p. 31"),
    ("reflections", "reflection_id", "helmond_oost_5", "summary_nl", "partijen stellen", "p. 32"),
    ("reflections", "reflection_id", "hambaken_4", "summary_en", "Hambaken tries", "oogt, p. 26"),
    ("reflections", "reflection_id", "wijkpuntonderneming_2", "summary_en", "are a poor", "p. 39"),
    (
        "reflections",
        "reflection_id",
        "wijkpuntonderneming_5",
        "summary_nl",
        "ze worden geen",
        "p. 40",
    ),
    ("highlights", "highlight_id", "mom_at_work_life", "summary_nl", "geen enkele", "p. 16"),
    ("highlights", "highlight_id", "doornakkers_omloop", "summary_en", "walking route", "p. 10"),
    ("voices", "voice_id", "arts", "summary_en", "horizon of six", "rond de 6 a 7, p. 13"),
    ("organisation", "fact_id", "mom_budget_per_partner", "note_en", "Contradicts", "p. 15"),
    (
        "partners",
        "partner",
        "Buurtplatform Doornakkers",
        "role_nl",
        "eindverantwoordelijkheid",
        "p. 9",
    ),
    # lessons, tension_evidence, main_lines and lesson_references read row by row; a key of
    # two columns is written "case_id+tension_id".
    ("lessons", "lesson_id", "4", "summary_nl", "casussen combineren beide", "p. 41"),
    ("lessons", "lesson_id", "4", "summary_en", "the cases combine both", "p. 41"),
    ("lessons", "lesson_id", "6", "summary_nl", "veel sterker", "'heel anders', p. 12"),
    ("lessons", "lesson_id", "6", "summary_en", "far more", "'heel anders', p. 12"),
    ("lessons", "lesson_id", "7", "summary_nl", "concurrent van", "rivaal, p. 42"),
    ("lessons", "lesson_id", "7", "summary_en", "competitor", "rival, p. 42"),
    ("lessons", "lesson_id", "8", "summary_nl", "niet vanzelf", "'Blijf eraf', p. 42"),
    ("lessons", "lesson_id", "8", "summary_en", "not automatically", "'Blijf eraf', p. 42"),
    ("lessons", "lesson_id", "11", "summary_nl", "zodat duidelijk wordt", "'iets makkelijker'"),
    ("lessons", "lesson_id", "12", "summary_nl", "vaak", "'soms', p. 43"),
    ("lessons", "lesson_id", "12", "summary_en", "often", "'soms', p. 43"),
    ("lessons", "lesson_id", "15", "summary_nl", "teambuilding of een aanjager nodig", "p. 43"),
    ("lessons", "lesson_id", "15", "summary_en", "or a driver is needed", "p. 43"),
    ("lessons", "lesson_id", "17", "summary_nl", "doet ook iets", "'lijkt', 'moet', p. 43"),
    ("lessons", "lesson_id", "17", "summary_en", "also contributes", "'lijkt', 'moet', p. 43"),
    ("lessons", "lesson_id", "24", "summary_nl", "als verhuurder", "instrumentarium, p. 45"),
    ("lessons", "lesson_id", "24", "summary_en", "as landlords", "instrumentarium, p. 45"),
    ("main_lines", "main_line_id", "3", "summary_nl", "tegen de systeemwereld", "'soms', p. 47"),
    ("main_lines", "main_line_id", "3", "summary_en", "from the system world", "'soms', p. 47"),
    ("lesson_references", "reference_id", "l02_mom", "note_en", "truly own", "'echt van', p. 41"),
    (
        "tension_evidence",
        "case_id+tension_id",
        "doornakkers+control",
        "summary_nl",
        "lopen dat",
        "p. 10",
    ),
    (
        "tension_evidence",
        "case_id+tension_id",
        "doornakkers+control",
        "summary_en",
        "check it",
        "p. 10",
    ),
    (
        "tension_evidence",
        "case_id+tension_id",
        "doornakkers+policy_cycle",
        "summary_nl",
        "In de hele",
        "p. 10",
    ),
    (
        "tension_evidence",
        "case_id+tension_id",
        "doornakkers+policy_cycle",
        "summary_en",
        "Across",
        "p. 10",
    ),
    (
        "tension_evidence",
        "case_id+tension_id",
        "doornakkers+power",
        "summary_nl",
        "wie investeert krijgt",
        "p. 9",
    ),
    (
        "tension_evidence",
        "case_id+tension_id",
        "doornakkers+power",
        "summary_en",
        "whoever invests gets",
        "p. 9",
    ),
    (
        "tension_evidence",
        "case_id+tension_id",
        "mom+funding",
        "summary_nl",
        "volgens Van de Veerdonk",
        "'Ik ken de case niet goed', p. 20",
    ),
    (
        "tension_evidence",
        "case_id+tension_id",
        "mom+funding",
        "summary_en",
        "according to Van de Veerdonk",
        "'Ik ken de case niet goed', p. 20",
    ),
    (
        "tension_evidence",
        "case_id+tension_id",
        "hambaken+policy_cycle",
        "summary_en",
        "awkward",
        "'niet handig', p. 23",
    ),
    (
        "tension_evidence",
        "case_id+tension_id",
        "wijkpuntonderneming+power",
        "summary_nl",
        "de coördinator heeft",
        "our reading, pp. 40, 43",
    ),
    (
        "tension_evidence",
        "case_id+tension_id",
        "wijkpuntonderneming+power",
        "summary_en",
        "the coordinator has",
        "our reading, pp. 40, 43",
    ),
    # The timeline and the figures' notes, read against their pages (issue 34).
    (
        "timeline",
        "event_id",
        "doornakkers_collaboration_begins",
        "note_nl",
        "Afgeleid: 'al",
        "ruwweg, p. 8",
    ),
    (
        "timeline",
        "event_id",
        "doornakkers_collaboration_begins",
        "note_en",
        "Inferred: 'al",
        "ruwweg, p. 8",
    ),
    ("timeline", "event_id", "mom_at_work_transfer", "note_nl", "nog geen besluit", "p. 16"),
    ("timeline", "event_id", "mom_at_work_transfer", "note_en", "not yet a decision", "p. 16"),
    ("timeline", "event_id", "helmond_oost_vision", "note_nl", "Ook op p. 31.", "lag er al, p. 29"),
    (
        "timeline",
        "event_id",
        "helmond_oost_vision",
        "note_en",
        "Also on p. 31.",
        "lag er al, p. 29",
    ),
    ("timeline", "event_id", "wijkpuntonderneming_audit", "note_nl", "een jaar na", "p. 38"),
    # a second reader's spot check (issue 34)
    ("glossary", "term_id", "projectencarrousel", "explanation_nl", "volgt, Volgens", "p. 4"),
    ("glossary", "term_id", "projectencarrousel", "explanation_en", "often how the system", "p. 4"),
    (
        "evaluation_findings",
        "finding_id",
        "doornakkers_f3",
        "summary_en",
        "work floor upwards",
        "'van onder naar boven', p. 10",
    ),
    (
        "evaluation_findings",
        "finding_id",
        "doornakkers_f8",
        "summary_nl",
        "missen nogal eens",
        "'ervaren dat', p. 10",
    ),
    (
        "evaluation_findings",
        "finding_id",
        "wijkpuntonderneming_f1",
        "summary_nl",
        "Missie en doelen moeten",
        "'Aandachtspunten', p. 38",
    ),
    (
        "case_texts",
        "case_id+part",
        "hambaken+organisatie",
        "summary_nl",
        "Het werd een zoektocht",
        "'voortdurende zoektocht', p. 22",
    ),
    (
        "evaluation_findings",
        "finding_id",
        "wijkpuntonderneming_f1",
        "summary_nl",
        "het auditteam vindt",
        "'heeft gevoel dat', p. 38",
    ),  # fmt: skip
    ("timeline", "event_id", "wijkpuntonderneming_audit", "note_en", "one year after", "p. 38"),
    ("evaluation_figures", "figure_id", "mom_at_work_long_term", "note_nl", "Aandeel", "p. 16"),
    ("evaluation_figures", "figure_id", "mom_at_work_long_term", "note_en", "Share of", "p. 16"),
    # the check's conditions and readings and the four-logics positions read row by row
    (
        "condition_readings",
        "condition_id+case_id",
        "activism+mom",
        "summary_en",
        "work floor",
        "werkvloer, p. 17",
    ),
    (
        "condition_readings",
        "condition_id+case_id",
        "learning_structure+hambaken",
        "summary_nl",
        "niet te laat kwam",
        "p. 26",
    ),
    (
        "condition_readings",
        "condition_id+case_id",
        "learning_structure+hambaken",
        "summary_en",
        "did not come too late",
        "p. 26",
    ),
    (
        "condition_readings",
        "condition_id+case_id",
        "tasks_and_means+wijkpuntonderneming",
        "summary_nl",
        "slagkracht is laag",
        "p. 38",
    ),
    (
        "condition_readings",
        "condition_id+case_id",
        "tasks_and_means+wijkpuntonderneming",
        "summary_nl",
        "onduidelijk wie",
        "p. 38",
    ),
    (
        "condition_readings",
        "condition_id+case_id",
        "tasks_and_means+wijkpuntonderneming",
        "summary_en",
        "drive is low",
        "p. 38",
    ),
    (
        "condition_readings",
        "condition_id+case_id",
        "tasks_and_means+wijkpuntonderneming",
        "summary_en",
        "unclear who",
        "p. 38",
    ),
    (
        "condition_readings",
        "condition_id+case_id",
        "backing+doornakkers",
        "summary_en",
        "lack cover",
        "ervaren, p. 10",
    ),
    (
        "condition_readings",
        "condition_id+case_id",
        "result_agreements+doornakkers",
        "summary_en",
        "90% was met",
        "p. 10",
    ),
    ("conditions", "condition_id", "room_for_doers", "question_nl", "voor iedereen", "p. 11"),
    ("conditions", "condition_id", "activism", "question_en", "and personal", "warme, p. 20"),
    (
        "logic_positions",
        "case_id+axis_id",
        "doornakkers+instrumental_cultural",
        "rationale_nl",
        "een analytische",
        "p. 27",
    ),
    (
        "logic_positions",
        "case_id+axis_id",
        "hambaken+instrumental_cultural",
        "rationale_nl",
        "staan wederkerigheid",
        "p. 23",
    ),
    (
        "logic_positions",
        "case_id+axis_id",
        "wijkpuntonderneming+institutional_situational",
        "rationale_en",
        "to the tenants",
        "p. 37",
    ),
    (
        "indicators",
        "area_id+indicator",
        "baardwijk_laageinde_de_hoef+household_composition",
        "text_en",
        "evenly distributed",
        "gelijke verdeling, p. 34",
    ),
    (
        "indicators",
        "area_id+indicator",
        "baardwijk_laageinde_de_hoef+household_composition",
        "text_nl",
        "zijn gelijk verdeeld.",
        "gelijke verdeling, p. 34",
    ),
    (
        "indicator_definitions",
        "indicator",
        "affordable_rent_share",
        "label_en",
        "Share of affordable rent",
        "betaalbare huur, p. 21",
    ),
    (
        "indicator_definitions",
        "indicator",
        "corporation_units_build_years",
        "description_nl",
        "Eerste en laatste bouwjaar",
        "gebouwd tussen, p. 34",
    ),
    (
        "indicator_definitions",
        "indicator",
        "corporation_units_build_years",
        "description_en",
        "First and last building year",
        "gebouwd tussen, p. 34",
    ),
    (
        "indicator_definitions",
        "indicator",
        "age_under18_share",
        "description_nl",
        "Percentage inwoners",
        "18-, p. 14",
    ),
    (
        "indicator_definitions",
        "indicator",
        "age_under18_share",
        "description_en",
        "Percentage of inhabitants",
        "18-, p. 14",
    ),
    ("tensions", "tension_id", "information", "name_en", "image forming", "beeldvorming, p. 4"),
]

# The four 'meekijkers' (p. 5) have one English name in every table and every interface text.
MEEKIJKERS_EN = "outside reviewer"
OTHER_NAMES = ("outside voice", "outside reader", "critical friend")


def test_the_meekijkers_have_one_english_name(book: casebook.Casebook) -> None:
    from casebook.text import TEXT

    found = [(key, text["en"]) for key, text in TEXT.items() if "en" in text]
    for name in casebook.TABLES:
        table = book.table(name)
        for column in [c for c in table.columns if c.endswith("_en")]:
            found += [(f"{name}.{column}", str(cell)) for cell in table[column].dropna()]
    wrong = [(where, cell) for where, cell in found if any(o in cell.lower() for o in OTHER_NAMES)]
    assert not wrong, f"call them '{MEEKIJKERS_EN}s' everywhere: {wrong}"
    assert MEEKIJKERS_EN in book.table("glossary").set_index("term_id").loc["meekijkers", "term_en"]
    assert TEXT["tab.voices"]["en"] == "Outside reviewers"


def test_age_shares_name_no_base_the_booklet_does_not_print(book: casebook.Casebook) -> None:
    """'17,7% 65+' and '25% 18-' (p. 14), '10,5% 55+' (p. 21), '65plussers (19%)' (p. 28): the
    booklet never says of which total, so no age share claims one; 'of the inhabitants' is our
    reading and the definitions say so."""
    ind = book.table("indicators")
    ages = ind[ind["indicator"].str.startswith("age_") & ind["indicator"].str.endswith("_share")]
    assert len(ages) >= 6
    assert ages["base"].isna().all(), ages.loc[ages["base"].notna(), ["area_id", "indicator"]]
    defs = book.table("indicator_definitions").set_index("indicator")
    for indicator in ("age_under18_share", "age_65plus_share"):
        assert "onze lezing" in defs.loc[indicator, "description_nl"]
        assert "our reading" in defs.loc[indicator, "description_en"]


@pytest.mark.parametrize(("table", "key", "value", "column", "wrong", "booklet"), WRONG_WORDS)
def test_words_the_booklet_does_not_support_stay_out(
    book: casebook.Casebook, table: str, key: str, value: str, column: str, wrong: str, booklet: str
) -> None:
    frame = book.table(table)
    keys = key.split("+")
    cells = frame.loc[(frame[keys].astype(str) == value.split("+")).all(axis=1), column]
    assert len(cells), (table, value)
    assert not any(wrong in cell for cell in cells), f"{table} {value} {column}: {booklet}"
