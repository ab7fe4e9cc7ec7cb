"""Study: questions, the FSRS schedule of a scripted session, SQLite persistence, locate-the-point."""
from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

import pytest
from fsrs import Rating, State

from viewer.atlas.study import (
    Deck,
    StudySession,
    StudyStore,
    decks,
    make_question,
    score_locate,
)

T0 = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)


class Clock:
    def __init__(self):
        self.now = T0

    def __call__(self):
        return self.now


def test_questions_have_four_options_with_the_right_answer(content):
    """Each kind of card offers four distinct options, one of them right, reproducibly."""
    pool = content.atlas.meridians["ST"].points
    q = make_question(content, "code_to_name:ST36", pool)
    assert q.options[q.answer] == "Zúsānlǐ · Leg Three Li" and len(set(q.options)) == 4
    assert make_question(content, "code_to_name:ST36", pool) == q
    h = make_question(content, "hanzi_to_point:ST36", pool)
    assert "足三里" in h.prompt and h.options[h.answer] == "ST36"
    m = make_question(content, "point_to_meridian:ST36", pool)
    assert m.options[m.answer] == "Stomach Meridian of Foot-Yangming"
    r = make_question(content, "referral_to_muscle:quadratus_lumborum", tuple(content.muscles.muscles))
    assert r.options[r.answer] == "Quadratus lumborum"


def test_decks_cover_channels_regions_and_muscles(content):
    """There is a deck per channel, per region and one for the muscles."""
    ids = {d.id for d in decks(content)}
    assert {"meridian:LU", "meridian:GV", "region:knee", "muscles:all"} <= ids


def test_a_scripted_session_produces_the_expected_schedule(content, tmp_path):
    """Good on a new card -> due in 10 min (learning); Again -> 1 min; after two Goods it graduates."""
    clock = Clock()
    store = StudyStore(tmp_path)
    deck = Deck("custom:test", "test", ("LI4", "ST36"), ("code_to_name",))
    session = StudySession(content, store, deck, clock=clock)

    first = session.next_question()
    assert first.card_id == "code_to_name:LI4"
    session.answer(first, first.answer)
    card = store.card(first.card_id)
    assert card.state == State.Learning and card.due == T0 + timedelta(minutes=10)

    second = session.next_question()
    assert second.card_id == "code_to_name:ST36"
    session.answer(second, (second.answer + 1) % 4)
    assert store.card(second.card_id).due == T0 + timedelta(minutes=1)

    assert session.next_question() is None  # nothing due yet, no new cards left
    clock.now = T0 + timedelta(minutes=2)
    assert session.next_question().card_id == "code_to_name:ST36"
    clock.now = T0 + timedelta(minutes=11)
    again = session.next_question()
    assert again.card_id == "code_to_name:ST36"  # the earlier due date comes first
    session.answer(again, again.answer)
    li4 = session.next_question()
    assert li4.card_id == "code_to_name:LI4"
    session.answer(li4, li4.answer)
    graduated = store.card("code_to_name:LI4")
    assert graduated.state == State.Review and graduated.due >= clock.now + timedelta(days=1)
    assert [r[1] for r in store.reviews("custom:test")] == [Rating.Good, Rating.Again, Rating.Good, Rating.Good]
    assert session.summary.answered == 4 and session.summary.correct == 3
    progress = store.progress(deck, clock.now)
    assert progress == {"total": 2, "new": 0, "due": 0, "learning": 1, "review": 1}


def test_reviews_survive_reopening_and_a_damaged_database_is_kept_aside(content, tmp_path):
    """A new store sees earlier reviews; garbage in the file is detected, kept aside, replaced."""
    store = StudyStore(tmp_path)
    deck = Deck("custom:x", "x", ("LU1",), ("code_to_name",))
    session = StudySession(content, store, deck, clock=Clock())
    q = session.next_question()
    session.answer(q, q.answer)
    store.close()
    assert len(StudyStore(tmp_path).reviews()) == 1
    (tmp_path / "study.sqlite3").write_bytes(b"this is not a database" * 100)
    fresh = StudyStore(tmp_path)
    assert fresh.reviews() == [] and "damaged" in fresh.note
    assert any(p.name.startswith("study.sqlite3.corrupt-") for p in tmp_path.iterdir())


def test_a_failed_write_leaves_no_half_review(content, tmp_path, monkeypatch):
    """Card state and review are written in one transaction: if the review insert fails, neither lands."""
    store = StudyStore(tmp_path)
    deck = Deck("custom:y", "y", ("LU1",), ("code_to_name",))
    session = StudySession(content, store, deck, clock=Clock())
    q = session.next_question()
    store.conn.execute("DROP TABLE reviews")
    session.answer(q, q.answer)  # reported, not raised: the window keeps running
    assert store.card(q.card_id) is None and "could not be saved" in store.note


def test_locate_scoring_uses_proportional_cun(content):
    """A click 1 forearm cun from PC6 scores 1 cun ('good'); on the spot is 'excellent'; far is 'missed'."""
    x, y = content.layout.position("PC6", "front", "left")
    scale = content.body.view("front").scales["forearm"]
    exact = score_locate(content, "PC6", "front", x, y)
    assert exact.distance_cun == pytest.approx(0.0) and exact.grade == "excellent" and exact.rating == Rating.Easy
    one = score_locate(content, "PC6", "front", x, y - scale)
    assert one.distance_cun == pytest.approx(1.0, abs=1e-3) and one.grade == "good"
    mirrored = score_locate(content, "PC6", "front", -x, y - 1.5 * scale)  # the other arm counts too
    assert mirrored.distance_cun == pytest.approx(1.5, abs=1e-3) and mirrored.grade == "close"
    far = score_locate(content, "PC6", "front", 0.0, 0.1)
    assert far.grade == "missed" and far.rating == Rating.Again
    assert [n for n, _ in exact.landmarks] == ["wrist_crease_mid", "elbow_crease_mid"]
    assert exact.steps[0] == "First find the middle of the wrist crease and the middle of the elbow crease."


def test_locate_misses_are_measured_in_the_cun_that_placed_the_point(content):
    """Asked for CV4 (3 cun below the navel), a click on CV6 (1.5 below) is 1.5 cun too high, not 2.1."""
    on_cv6 = score_locate(content, "CV4", "front", *content.layout.position("CV6", "front"))
    assert on_cv6.distance_cun == pytest.approx(1.5, abs=0.01) and on_cv6.miss_words() == "1.5 cun too high"
    # KI14 is 2 cun below the navel, 0.5 cun off the midline: 1 cun too high and 0.5 out from CV4
    on_ki14 = score_locate(content, "CV4", "front", *content.layout.position("KI14", "front", "left"))
    assert on_ki14.miss_words() == "1.0 cun too high, 0.5 cun off the midline"
    assert on_ki14.distance_cun == pytest.approx(math.hypot(1.0, 0.5), abs=0.01)
    # from ST25 (2 cun beside the navel) to CV12 (4 cun above it): upper-abdomen cun up, nipple cun across
    on_cv12 = score_locate(content, "ST25", "front", *content.layout.position("CV12", "front"))
    assert on_cv12.miss_words() == "4.0 cun too high, 2.0 cun too far in"
    # across the navel both abdominal scales count: CV4 (3 below) to CV12 (4 above) is 7 cun
    assert score_locate(content, "CV4", "front", *content.layout.position("CV12", "front")).distance_cun == \
        pytest.approx(7.0, abs=0.01)
    # a limb point in its own cun: ST36 is 3 cun below ST35 along the leg, ST40 8 cun above the ankle
    on_st35 = score_locate(content, "ST36", "front", *content.layout.position("ST35", "front", "left"))
    assert on_st35.miss_words() == "3.0 cun too high"
    assert score_locate(content, "PC6", "front", *content.layout.position("PC6", "front", "right")).miss_words() \
        == "right on the spot"


def test_locate_drill_schedules_by_the_score(content, tmp_path):
    """A missed click makes the point due again in a minute; an exact one sends it days ahead."""
    from viewer.atlas.study import LocateDrill

    clock = Clock()
    store = StudyStore(tmp_path)
    drill = LocateDrill(content, store, Deck("custom:l", "l", ("PC6", "ST36"), ("locate",)), clock=clock)
    from viewer.atlas.plates import from_whole_figure

    code, view = drill.next_point()  # asked on the regional plate that shows it largest
    assert code == "PC6" and view in content.body.registry.plates and content.layout.markers_of("PC6", view)
    result = drill.answer("PC6", view, *from_whole_figure(view, 0.0, 0.1))  # a click on the head
    assert result.grade == "missed" and store.card("locate:PC6").due == T0 + timedelta(minutes=1)
    code, view = drill.next_point()
    assert code == "ST36" and view in content.body.registry.plates
    x, y = content.layout.position("ST36", view)  # a one-sided plate shows one leg
    assert drill.answer("ST36", view, x, y).grade == "excellent"
    assert store.card("locate:ST36").due >= T0 + timedelta(days=1)
