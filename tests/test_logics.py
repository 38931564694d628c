"""The four logics and seven tensions: data, pure functions, placements files, charts, the view."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pandas as pd
import pytest

import casebook
from casebook import logics
from casebook.charts import logics as plane
from casebook.logics import AXES, PlacementError
from casebook.views import LogicsView

CASES = ["doornakkers", "mom", "hambaken", "helmond_oost", "wijkpuntonderneming"]


def _upload(name: str, content: bytes) -> dict:
    return {
        "name": name,
        "type": "text/csv",
        "size": len(content),
        "content": memoryview(content),
        "last_modified": dt.datetime.now(dt.UTC),
    }


# --- data -----------------------------------------------------------------------------------


def test_every_case_has_a_reading_on_both_axes(book: casebook.Casebook) -> None:
    pos = book.logic_positions
    assert len(pos) == 10
    assert set(zip(pos["case_id"], pos["axis_id"], strict=True)) == {
        (c, a) for c in CASES for a in AXES
    }
    assert pos["position"].between(-1, 1).all()
    assert pos["rationale_nl"].notna().all() and pos["rationale_en"].notna().all()


def test_the_reading_is_marked_as_interpretation(book: casebook.Casebook) -> None:
    resources = {r["name"]: r for r in casebook.schema.descriptor()["resources"]}
    for name in ("logic_positions", "tension_evidence", "lesson_logics", "lesson_tensions"):
        assert (
            "interpretation" in resources[name]["description"]
            or "reading" in resources[name]["description"]
        )


def test_every_lesson_speaks_to_a_logic_and_every_tension_has_evidence(
    book: casebook.Casebook,
) -> None:
    assert set(book.lesson_logics["lesson_id"]) == set(range(27))
    assert set(book.tension_evidence["tension_id"]) == set(book.tensions["tension_id"])
    assert set(book.lesson_tensions["tension_id"]) == set(book.tensions["tension_id"])


def test_reading_and_matrix(book: casebook.Casebook) -> None:
    reading = logics.reading(book)
    assert reading["case_id"].tolist() == CASES
    assert reading["name"].tolist()[:2] == ["Doornakkers", "MOM"]
    assert reading.loc[1, AXES[1]] == pytest.approx(0.7)
    matrix = logics.tension_matrix(book)
    assert matrix.shape == (7, 5) and list(matrix.columns) == CASES
    assert matrix.loc["power", "mom"] == 3 and matrix.loc["funding", "doornakkers"] == 0
    assert int((matrix > 0).to_numpy().sum()) == len(book.tension_evidence)


def test_evidence_has_pages_or_is_none(book: casebook.Casebook) -> None:
    found = logics.evidence(book, case_id="mom", tension_id="power", lang="en")
    assert found is not None and (found["strength"], found["pages"]) == (3, "17")
    assert found["summary"].startswith("The MOM steers without power")
    assert logics.evidence(book, case_id="doornakkers", tension_id="funding") is None


# --- placements files ------------------------------------------------------------------------


def _placements(**overrides: tuple[float, float]) -> pd.DataFrame:
    positions = {c: (0.0, 0.0) for c in CASES} | overrides
    return logics.placements_frame(positions, name="Sam")


def test_save_and_read_round_trip(tmp_path: Path) -> None:
    frame = _placements(mom=(0.8, 0.6))
    path = logics.save_placements(frame, tmp_path / "sam.csv")
    back = logics.read_placements(path.read_bytes(), filename="sam.csv", case_ids=CASES)
    assert back.set_index("case_id").loc["mom", list(AXES)].tolist() == [0.8, 0.6]
    assert set(back["name"]) == {"Sam"} and set(back["file"]) == {"sam.csv"}
    assert [p.name for p in tmp_path.iterdir()] == ["sam.csv"]


def test_a_crash_while_saving_leaves_the_old_file_and_no_half_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "sam.csv"
    logics.save_placements(_placements(), target)
    before = target.read_bytes()

    def crash(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", crash)
    with pytest.raises(OSError, match="No space left"):
        logics.save_placements(_placements(mom=(1.0, 1.0)), target)
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["sam.csv"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"name,score\nSam,3\n", "not a placements file from the casebook"),
        ("ü".encode("latin-1"), "not UTF-8"),
        (b"", "not a placements file"),
        (
            b"casebook_placements,name,case_id,institutional_situational,instrumental_cultural,saved_at\n",
            "holds no placements",
        ),
        (
            b"casebook_placements,name,case_id,institutional_situational,instrumental_cultural,saved_at\n"
            b"1,Sam,atlantis,0,0,\n",
            "row 2: unknown case 'atlantis'",
        ),
        (
            b"casebook_placements,name,case_id,institutional_situational,instrumental_cultural,saved_at\n"
            b"1,Sam,mom,1.5,0,\n",
            "row 2, column 'institutional_situational': 1.5 is off the axis",
        ),
        (
            b"casebook_placements,name,case_id,institutional_situational,instrumental_cultural,saved_at\n"
            b"1,Sam,mom,nan,0,\n",
            "off the axis",
        ),
        (
            b"casebook_placements,name,case_id,institutional_situational,instrumental_cultural,saved_at\n"
            b"1,Sam,mom,veel,0,\n",
            "'veel' is not a number",
        ),
        (
            b"casebook_placements,name,case_id,institutional_situational,instrumental_cultural,saved_at\n"
            b"1,Sam,mom,0,0,\n1,Sam,mom,0.5,0,\n",
            "row 3: case 'mom' is placed twice",
        ),
        (
            b"casebook_placements,name,case_id,institutional_situational,instrumental_cultural,saved_at\n"
            b"2,Sam,mom,0,0,\n",
            "unknown format version '2'",
        ),
        (
            b"casebook_placements,name,case_id,institutional_situational,instrumental_cultural,saved_at\n"
            b"1,Sam,mom,0\n",
            "expected 6 cells, found 4",
        ),
        (b"x" * 200_000, "too large"),
    ],
)
def test_bad_placements_files_are_refused_with_file_and_reason(
    content: bytes, message: str
) -> None:
    with pytest.raises(PlacementError, match=message) as info:
        logics.read_placements(content, filename="klas/anna.csv", case_ids=CASES)
    assert str(info.value).startswith("klas/anna.csv")


def test_a_class_loads_the_good_files_and_names_the_bad(tmp_path: Path) -> None:
    good_a = logics.placements_csv(_placements(mom=(0.8, 0.6))).encode()
    good_b = logics.placements_csv(_placements(mom=(0.2, 0.2))).encode()
    loaded = logics.read_class(
        [("a.csv", good_a), ("b.csv", good_b), ("wrong.csv", b"hello\n"), ("empty.csv", b"")],
        case_ids=CASES,
    )
    assert len(loaded.placements) == 10
    assert [r.split(":")[0] for r in loaded.refused] == ["wrong.csv", "empty.csv"]
    summary = logics.class_summary(loaded.placements, logics.reading(casebook.load())).set_index(
        "case_id"
    )
    assert summary.loc["mom", "n"] == 2
    assert summary.loc["mom", f"{AXES[0]}_mean"] == pytest.approx(0.5)
    assert summary.loc["mom", f"{AXES[0]}_sd"] == pytest.approx(0.3)
    assert summary.loc["mom", f"{AXES[1]}_casebook"] == pytest.approx(0.7)


def test_names_in_files_are_cleaned() -> None:
    frame = logics.placements_frame({"mom": (0, 0)}, name="<script>alert(1)</script> Sam")
    assert "<" not in frame["name"].iloc[0] and "Sam" in frame["name"].iloc[0]


# --- charts -------------------------------------------------------------------------------


def test_plane_shows_reader_then_reading_with_arrows(book: casebook.Casebook) -> None:
    reading = logics.reading(book)
    reader = reading.copy()
    reader[AXES[0]] = 0.0
    reader[AXES[1]] = 0.0
    hidden = plane.logics_plane(reading, reader=reader, reveal=False, lang="nl")
    assert [tr.name for tr in hidden.data] == ["Jouw plaatsing"]
    shown = plane.logics_plane(reading, reader=reader, reveal=True, lang="nl")
    assert [tr.name for tr in shown.data] == ["Jouw plaatsing", "Lezing van de casebook"]
    arrows = [a for a in shown.layout.annotations if a.showarrow]
    assert len(arrows) == 5
    mom = next(a for a in arrows if a.x == pytest.approx(0.5))
    assert (mom.ax, mom.ay, mom.y) == (0.0, 0.0, pytest.approx(0.7))
    corners = {a.text for a in shown.layout.annotations if a.text and a.text.startswith("<i>")}
    assert "<i>situationeel + cultureel</i>" in corners and len(corners) == 4
    assert "interpretatie" in shown.layout.annotations[0].text


def test_tension_heatmap_marks_the_chosen_cell(book: casebook.Casebook) -> None:
    matrix = logics.tension_matrix(book)
    names_t = dict(zip(book.tensions["tension_id"], book.tensions["name_en"], strict=True))
    names_c = dict(zip(book.cases["case_id"], book.cases["short_name"], strict=True))
    fig = plane.tensions_heatmap(
        matrix, tension_names=names_t, case_names=names_c, selected=("power", "mom"), lang="en"
    )
    heat = fig.data[0]
    assert heat.text[5][1] == "central" and heat.text[6][0] == "—"
    frame = fig.layout.shapes[0]
    assert (frame.x0, frame.y0) == (0.5, 4.5)


# --- the view -----------------------------------------------------------------------------


def test_view_sliders_reveal_and_reset(book: casebook.Casebook, tmp_path: Path) -> None:
    view = LogicsView(book, lang="nl", save_dir=tmp_path)
    assert [tr.name for tr in view.figure.data] == ["Jouw plaatsing"]
    view.sliders["mom"][0].value = 0.8
    view.sliders["hambaken"][1].value = -0.4
    reader = view.figure.data[0]
    assert reader.x[1] == pytest.approx(0.8) and reader.y[2] == pytest.approx(-0.4)
    view.reveal.click()
    assert view.revealed and len(view.figure.data) == 2
    assert view.reveal.description == "Verberg de lezing"
    assert (
        "Waarom de casebook de cases zo leest" in view.reading_html.value
        and "p. 15, 18" in view.reading_html.value
    )
    view.reset.click()
    assert not view.revealed and view.sliders["mom"][0].value == 0
    assert view.reading_html.value == ""


def test_view_saves_atomically_and_offers_a_download(
    book: casebook.Casebook, tmp_path: Path
) -> None:
    view = LogicsView(book, lang="en", save_dir=tmp_path / "saves")
    view.name.value = "Sam"
    view.sliders["mom"][0].value = 0.5
    view.save.click()
    first = view.saved_path
    view.save.click()
    assert (
        first is not None and view.saved_path != first
    )  # a second save never overwrites the first
    assert sorted(p.name for p in (tmp_path / "saves").iterdir()) == sorted(
        [first.name, view.saved_path.name]
    )
    back = logics.read_placements(first.read_bytes(), filename=first.name, case_ids=CASES)
    assert back.set_index("case_id").loc["mom", AXES[0]] == 0.5
    assert "Saved in" in view.save_status.value and "download=" in view.download.value


def test_view_reports_a_failed_save(book: casebook.Casebook, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    view = LogicsView(book, lang="en", save_dir=blocker / "sub")
    assert view.save_placements() is None
    assert "Could not save" in view.save_status.value


def test_view_tension_choice_shows_evidence(book: casebook.Casebook, tmp_path: Path) -> None:
    view = LogicsView(book, lang="nl", save_dir=tmp_path)
    view.case.value = "hambaken"
    view.tension.value = "funding"
    assert "centraal" in view.evidence_html.value and "p. 23, 25" in view.evidence_html.value
    view.case.value = "doornakkers"
    assert "geen voorbeeld" in view.evidence_html.value
    view.language.value = "en"
    assert "no example" in view.evidence_html.value
    assert dict(view.tension.options)["Funding"] == "funding"


def test_view_class_mode_with_good_and_bad_files(book: casebook.Casebook, tmp_path: Path) -> None:
    view = LogicsView(book, lang="nl", save_dir=tmp_path)
    good = logics.placements_csv(_placements(mom=(0.8, 0.6))).encode()
    view.upload.value = (
        _upload("anna.csv", good),
        _upload("foto.csv", b"\x89PNG\r\n"),
        _upload("b.csv", good),
    )
    assert view.class_load is not None and len(view.class_load.placements) == 10
    assert (
        "foto.csv" in view.class_status.value
        and "2 bestand(en) geladen, 10 plaatsingen" in view.class_status.value
    )
    assert (
        view.class_figure is not None and "Gemiddelde van de klas" in view.class_figure.data[1].name
    )
    assert "<table" in view.class_table.value
    view.upload.value = (_upload("only_bad.csv", b"nope"),)
    assert view.class_figure is None and "Nog geen plaatsingen" in view.class_table.value
