"""Check the data against the booklet's own text: every printed figure stands on its page.

The booklet's text lies outside the repository (../shared); without it these tests are skipped.
Pages are found from anchors: the first words of each page, searched in order.
"""

from __future__ import annotations

import re

import pandas as pd
import pytest

import casebook

# First words of each page, in order; page 7 holds pictures and is not told apart from page 6.
PAGE_ANCHORS = {
    2: "Inhoudsopgave",
    3: "Over wijken en buurten is inmiddels",
    4: "Spanningen in de praktijk We zijn allemaal",
    5: "Spanningen productief maken: bruggen tussen leef",
    6: "Wijk Doornakkers Kenmerken",
    8: "Organisatie Alliantieteam geeft leiding",
    9: "De Alliantie was er zoals gezegd niet zomaar",
    10: "Evaluatie Doornakkers is sinds",
    11: "Opdrachtgeverschap Voor alle samenwerkingsverbanden",
    12: "Interafhankelijkheid Een opgave als in deze case",
    13: "Adviseur aan het woord Gertjan Arts",
    14: "Wijken Groenewoud en Kruiden- en Kleu",
    15: "Organisatie Samenwerking Is de Maatschappelijke",
    16: "Dienstverlening Vergeleken met de andere wijkpraktijken",
    17: "Evaluatie De MOM is in oktober 2008",
    18: "Monitor met mate",
    19: "De kracht van taal en verhaal",
    20: "Directeur aan het woord",
    21: "Wijk Hambaken",
    22: "Organisatie Samenwerking Zayaz, Divers",
    23: "Personele, financiële, juridische feiten De wijkonderneming heeft geen",
    24: "Evaluatie De wijkonderneming is een SEV-experiment",
    25: "Samenwerken over samenwerkingsgrenzen heen",
    26: "Wederkerig adequaat",
    27: "Student aan het woord",
    28: "Wijk Helmond-Oost",
    29: "Organisatie Samenwerking De wijkvisie voor Helmond-Oost",
    30: "Uitgelicht: het ‘project’ Leefbaarheid Leefbaarheid als",
    31: "Wie schakelt, verbindt, verankert wat?",
    32: "Grofmazigheid",
    33: "Wetenschapper aan het woord",
    34: "Wijk Baardwijk / Laageinde / De Hoef",
    35: "Organisatie Samenwerking Is de wijkpuntonderneming",
    36: "Organisatie Er zijn grote verschillen",
    37: "Uitgelicht: Hart voor de wijk Sinds de opening",
    38: "Evaluatie Casade participeert",
    39: "Knooppunt verknopen",
    40: "Organisch… Het wijkpunt BaLaDe",
    41: "De lessen In dit boekje zijn vijf",
    42: "groot of zo klein als je aankunt. Is in deze wijk",
    43: "Les 11: Formuleer de resultaten goed Wat is goed?",
    44: "Les 18: Bewaak de voordeur",
    45: "foto’s, columns, artikelen bij andere cases",
    46: "De lessen op een rij",
    47: "Er waren ooit overvloedige tijden",
}
# The page markers printed in the text itself ("... | 9") must fall on their own page.
MARKERS = {9: "(Eindhoven) | 9", 10: "(Eindhoven) | 10", 19: "(Tilburg) | 19", 46: "De Lessen | 46"}


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _variants(text: str) -> list[str]:
    """Words broken at a line end ('Til- burg') read both joined and with their hyphen."""
    return [text, text.replace("- ", "-"), re.sub(r"(\w)- (\w)", r"\1\2", text)]


@pytest.fixture(scope="module")
def pages(seed_text: str) -> dict[int, str]:
    text = _norm(seed_text)
    starts = {1: 0}
    pos = 0
    for page, anchor in PAGE_ANCHORS.items():
        found = text.find(anchor, pos)
        assert found > pos, f"anchor of page {page} not found after page {page - 1}"
        starts[page] = pos = found
    ordered = sorted(starts.items())
    chunks = {}
    for (page, start), (_, end) in zip(ordered, [*ordered[1:], (None, len(text))], strict=True):
        chunks[page] = text[start:end]
    chunks[7] = chunks[6]
    return chunks


def test_page_markers_fall_on_their_page(pages: dict[int, str]) -> None:
    for page, marker in MARKERS.items():
        assert any(marker in v for v in _variants(pages[page])), page


def _printed_rows(book: casebook.Casebook):
    for table in ("indicators", "organisation", "evaluation_figures"):
        frame = book.table(table)
        for _, row in frame.dropna(subset=["printed"]).iterrows():
            yield table, row["printed"], int(row["page"])


def test_every_printed_figure_stands_on_its_page(
    book: casebook.Casebook, pages: dict[int, str]
) -> None:
    checked, wrong = 0, []
    for table, printed, page in _printed_rows(book):
        if not any(printed in v for v in _variants(pages[page])):
            elsewhere = [p for p, t in pages.items() if any(printed in v for v in _variants(t))]
            wrong.append(f"{table}: {printed!r} not on p. {page} (found on {elsewhere})")
        checked += 1
    assert checked >= 100
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize(
    ("table", "column"),
    [
        ("reflections", "title"),
        ("highlights", "title"),
        ("bodies", "name"),
        ("partners", "partner"),
    ],
)
def test_names_and_titles_stand_on_their_page(
    book: casebook.Casebook, pages: dict[int, str], table: str, column: str
) -> None:
    wrong = []
    for _, row in book.table(table).iterrows():
        name = _norm(str(row[column])).split(" (")[0]
        if table == "partners":  # 'Gemeente' alone is what most pages print
            name = name.removeprefix("Gemeente ")
        chunk = pages[int(row["page"])]
        if not any(name.lower() in v.lower() for v in _variants(chunk)):
            wrong.append(f"{name!r} not on p. {row['page']}")
    assert not wrong, "\n".join(wrong)


def test_lesson_titles_stand_on_their_page(book: casebook.Casebook, pages: dict[int, str]) -> None:
    wrong = []
    for _, row in book.lessons.iterrows():
        heading = f"Les {row['lesson_id']}"
        title = row["title_nl"]
        chunk = pages[int(row["page"])]
        if not any(title in v and heading in v for v in _variants(chunk)):
            wrong.append(f"Les {row['lesson_id']}: {title!r} not on p. {row['page']}")
    assert not wrong, "\n".join(wrong)


def test_tension_names_stand_on_page_4(book: casebook.Casebook, pages: dict[int, str]) -> None:
    for name in book.tensions["name_nl"]:
        assert any(name.lower() in v.lower() for v in _variants(pages[4])), name


def test_timeline_years_appear_on_their_page(
    book: casebook.Casebook, pages: dict[int, str]
) -> None:
    wrong = []
    for _, row in book.timeline[~book.timeline["inferred"]].iterrows():
        if str(row["year"]) not in pages[int(row["page"])]:
            wrong.append(f"{row['event_id']}: {row['year']} not on p. {row['page']}")
    assert not wrong, "\n".join(wrong)


_WORDS = {
    "een": 1,
    "twee": 2,
    "drie": 3,
    "vier": 4,
    "vierde": 4,
    "vijf": 5,
    "zes": 6,
    "zeven": 7,
    "acht": 8,
    "tien": 10,
    "vijftien": 15,
    "zestien": 16,
}


def _numbers(printed: str) -> set[float]:
    """The numbers in a phrase as Dutch prints them: 7.915, 17,7, '1,1 miljoen', 'zestien'."""
    found: set[float] = set()
    for match in re.finditer(r"(\d{1,3}(?:\.\d{3})+|\d+(?:,\d+)?)(\s*miljoen)?", printed):
        number = float(match.group(1).replace(".", "").replace(",", "."))
        found.add(number * 1_000_000 if match.group(2) else number)
    found |= {float(n) for w, n in _WORDS.items() if re.search(rf"\b{w}\b", printed.lower())}
    return found


def test_values_match_what_is_printed(book: casebook.Casebook) -> None:
    """Every figure in a value, low or high column can be read off its printed phrase."""
    checked, wrong = 0, []
    for table in ("indicators", "organisation", "evaluation_figures"):
        frame = book.table(table)
        if "inferred" in frame:
            frame = frame[~frame["inferred"]]
        for _, row in frame.dropna(subset=["printed"]).iterrows():
            numbers = _numbers(row["printed"])
            for col in ("value", "low", "high"):
                if not pd.isna(row[col]):
                    checked += 1
                    if float(row[col]) not in numbers:
                        wrong.append(f"{table}: {col}={row[col]} not in {row['printed']!r}")
    assert checked >= 90
    assert not wrong, "\n".join(wrong)


def test_condition_terms_stand_on_their_page(
    book: casebook.Casebook, pages: dict[int, str]
) -> None:
    """The collaboration check names Tops (p. 11), Van Delden (p. 20) and lessons by their page."""
    authors = {"tops_arise": "Tops", "tops_last": "Tops", "van_delden": "Van Delden"}
    wrong = []
    for row in book.conditions.to_dict("records"):
        chunk = pages[int(row["page"])].lower()
        needed = [row["term"].lower(), authors.get(row["framework"], "les").lower()]
        if not all(any(n in v for v in _variants(chunk)) for n in needed):
            wrong.append(f"{row['condition_id']}: {needed} not on p. {row['page']}")
    assert not wrong, "\n".join(wrong)


def test_condition_readings_rest_on_the_cases_own_pages(book: casebook.Casebook) -> None:
    """A reading of a case cites pages of that case's chapter (its evaluation or reflection)."""
    chapters = {
        "doornakkers": range(6, 14),
        "mom": range(14, 21),
        "hambaken": range(21, 28),
        "helmond_oost": range(28, 34),
        "wijkpuntonderneming": range(34, 41),
    }
    for row in book.condition_readings.to_dict("records"):
        cited = [int(p) for p in row["pages"].split(", ")]
        assert all(p in chapters[row["case_id"]] for p in cited), row
