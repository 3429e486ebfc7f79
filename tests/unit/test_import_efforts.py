"""An import of several activity files asks each run's own effort before anything is stored."""

from __future__ import annotations

import html as markup
import json
from datetime import UTC, datetime

from calculators.activity_files import activity_id
from tests.fixtures.activity import fit_writer
from tests.unit.test_readiness_page import ask, chosen, error

INTERVALS = datetime(2026, 11, 18, 17, 0, tzinfo=UTC)
EASY = datetime(2026, 11, 20, 7, 0, tzinfo=UTC)
FILES = chosen(
    ("intervals.fit", fit_writer.activity(start=INTERVALS, seconds=3360, meters=11_000, hr=158)),
    ("easy.fit", fit_writer.activity(start=EASY, seconds=2700, meters=7_500, hr=None)),
)
VALUES = {"entry": "activity", "activity_file": FILES}
HARD, SOFT = f"import_rpe_{activity_id(INTERVALS)}", f"import_rpe_{activity_id(EASY)}"


def efforts(**boxes: str) -> dict[str, str]:
    """The preview's run boxes as the glue sends them: one JSON value (``data-collect``)."""
    return {"import_efforts": json.dumps(boxes)}


def stored_rpe(reply: dict[str, object]) -> dict[str, float]:
    assert reply["ok"], reply
    return {op["id"]: op["value"]["rpe"] for op in reply["ops"]}  # type: ignore[attr-defined]


def test_several_runs_are_shown_with_a_labelled_effort_box_each_and_nothing_is_stored() -> None:
    """Even with the form's one effort chosen, several runs are previewed first: each box names its run by its
    date in words, distance and time, with the file's average heart rate as a hint, and nothing is stored."""
    reply = ask("save", VALUES | {"import_rpe": "5"})
    assert reply["ok"] and reply["ops"] == [], reply
    page = markup.unescape(reply["html"])
    assert "Nothing is saved yet: choose how hard these 2 runs felt below" in page
    assert "The run of Wednesday 18 November, 11.00 km in 56:00: how hard did it feel? (RPE)" in page
    assert "Average heart rate 158 bpm, from the file." in page
    assert "The run of Friday 20 November, 7.50 km in 45:00" in page and "No heart rate in the file." in page
    assert f'name="{HARD}" data-collect="import_efforts"' in page and f'name="{SOFT}"' in page
    # The form's choice is kept as the box that fills the blanks, and the boxes' button imports them.
    assert '<option value="5" selected>' in page and 'data-action="save"' in page


def test_each_run_keeps_its_own_effort_and_a_blank_one_takes_the_same_for_all() -> None:
    reply = ask("save", VALUES | {"import_rpe": "3"} | efforts(**{HARD: "8", SOFT: ""}), args={"efforts": True})
    assert stored_rpe(reply) == {activity_id(INTERVALS): 8.0, activity_id(EASY): 3.0}
    assert "RPE 8" in reply["html"] and "RPE 3" in reply["html"]


def test_a_run_without_an_effort_is_named_and_nothing_is_stored() -> None:
    field, message = error(ask("save", VALUES | efforts(**{HARD: "8"}), args={"efforts": True}))
    assert field == SOFT
    # Worded as its box's label asks, so the status line does not put the label in front of it again.
    assert message.startswith("The run of Friday 20 November, 7.50 km in 45:00: how hard did it feel? Choose from 1")
    assert "from 1 (" in message and "to 10 (" in message


def test_an_effort_out_of_range_is_refused_with_the_range_not_clamped() -> None:
    field, message = error(ask("save", VALUES | efforts(**{HARD: "11", SOFT: "3"}), args={"efforts": True}))
    assert field == HARD
    assert "Wednesday 18 November" in message and "between 1 and 10" in message


def test_one_file_with_the_forms_effort_is_stored_at_once() -> None:
    """One run and one effort: that effort is the run's own, so there is nothing to ask."""
    one = chosen(("intervals.fit", fit_writer.activity(start=INTERVALS, seconds=3360, meters=11_000, hr=158)))
    assert stored_rpe(ask("save", {"entry": "activity", "activity_file": one, "import_rpe": "7"})) == {
        activity_id(INTERVALS): 7.0
    }


def test_efforts_the_page_sent_garbled_store_nothing() -> None:
    for garbled in ("{", '["8"]', json.dumps({HARD: 8})):
        field, message = error(ask("save", VALUES | {"import_efforts": garbled}, args={"efforts": True}))
        assert field == "import_efforts" and "import the files again" in message


ONE = chosen(("intervals.fit", fit_writer.activity(start=INTERVALS, seconds=3360, meters=11_000, hr=158)))


def test_one_run_without_an_effort_marks_its_own_box_as_the_one_to_fill_and_offers_no_same_for_all() -> None:
    """A lone run's preview had a "Same for all runs left blank" box beside the run's own, and nothing said which
    box the import waited for: its box is now the one the page takes the reader to (data-opened), marked invalid
    and described by the line under it, which says what it needs."""
    page = markup.unescape(ask("save", {"entry": "activity", "activity_file": ONE})["html"])
    assert "Same for all" not in page and 'name="import_rpe"' not in page
    needed = f"sl-{HARD}-needed"
    box = page.split(f'<select name="{HARD}"', 1)[1].split(">", 1)[0]
    assert "data-opened" in box and 'aria-invalid="true"' in box and f'aria-describedby="{needed}"' in box
    line = page.split(f'id="{needed}">', 1)[1].split("</p>", 1)[0]
    assert line.startswith("The run of Wednesday 18 November, 11.00 km in 56:00: how hard did it feel? Choose from 1")
    assert 'data-action="save"' in page and "Import this run" in page
    chosen_here = ask("save", {"entry": "activity", "activity_file": ONE} | efforts(**{HARD: "6"}))["html"]
    assert "aria-invalid" not in chosen_here.split(f'<select name="{HARD}"', 1)[1].split(">", 1)[0]  # filled


def test_one_run_imported_with_its_box_still_empty_is_refused_with_the_line_its_box_shows() -> None:
    """The same words as under the box, so the page shows them once; no "Same for all" box to point to."""
    preview = markup.unescape(ask("save", {"entry": "activity", "activity_file": ONE})["html"])
    field, message = error(ask("save", {"entry": "activity", "activity_file": ONE} | efforts(), args={"efforts": True}))
    assert field == HARD and "Same for all" not in message
    assert f'id="sl-{HARD}-needed">{message}</p>' in preview
