"""Study panel: keyboard-first cards with a summary, and locate-the-point on the blank body."""
from __future__ import annotations

import pytest
from fsrs import Rating
from PySide6.QtCore import Qt


def open_study(window, qtbot):
    window.raise_panel("study")
    qtbot.waitUntil(lambda: window.study.panel is not None and window.study.panel.isVisible(), timeout=3000)
    return window.study.panel


def test_cards_are_answered_from_the_keyboard_and_end_with_a_summary(window, qtbot):
    """Enter starts; the right number key then Space rates Good; a wrong key explains; a summary follows."""
    cards = open_study(window, qtbot).cards
    cards.deck.setCurrentIndex(cards.deck.findText("HT Heart"))
    cards.setFocus()
    qtbot.keyClick(cards, Qt.Key.Key_Return)
    assert cards.question is not None and cards.options[0].isVisible()
    first = cards.question
    qtbot.keyClick(cards, Qt.Key.Key_1 + first.answer)
    assert "Right" in cards.feedback.text()
    qtbot.keyClick(cards, Qt.Key.Key_Space)
    assert cards.question is not None and cards.question.card_id != first.card_id
    wrong = (cards.question.answer + 1) % 4
    answer_text = cards.question.options[cards.question.answer]
    qtbot.keyClick(cards, Qt.Key.Key_1 + wrong)
    assert "Not quite" in cards.feedback.text() and answer_text in cards.feedback.text()
    for _ in range(200):  # answer everything else right until the session ends
        if cards.question is None:
            break
        qtbot.keyClick(cards, Qt.Key.Key_1 + cards.question.answer)
        qtbot.keyClick(cards, Qt.Key.Key_E)
    assert cards.question is None and cards.prompt.text() == "Session finished."
    assert "right (" in cards.feedback.text()
    assert "due now" in cards.progress.text()
    assert len(window.study.store.reviews()) >= 3


def test_locate_the_point_on_a_blank_body_then_step_by_step(window, qtbot):
    """N names a point and blanks the body; a click is scored in cun; Space reveals landmarks and route."""
    locate = open_study(window, qtbot).locate
    window.study.panel.setCurrentWidget(locate)
    locate.deck.setCurrentIndex(locate.deck.findText("PC Pericardium"))
    locate.setFocus()
    qtbot.keyClick(locate, Qt.Key.Key_N)
    code, view = locate.target
    assert code == "PC1" and window.current_view == view
    scene = window.scenes[view]
    assert not any(m.isVisible() for m in scene.markers)
    x, y = window.content.layout.position(code, view, "left")
    scene.spotClicked.emit(x, y)
    assert "Excellent: 0.0 cun" in locate.feedback.text()
    assert len(scene._locate_items) == 3  # the click, the route to the spot, the true spot
    qtbot.keyClick(locate, Qt.Key.Key_Space)
    assert len(scene._locate_items) > 3 and "First find" in locate.feedback.text()
    qtbot.keyClick(locate, Qt.Key.Key_Escape)
    assert scene._locate_items == [] and any(m.isVisible() for m in scene.markers)


def test_favourites_become_a_custom_deck(window, qtbot):
    """Points starred before opening Study appear as the 'My favourites' deck, first in the list."""
    for code in ("LI4", "ST36"):
        window.select(code)
        window.favourite_action.trigger()
    cards = open_study(window, qtbot).cards
    deck = cards.deck.itemData(0)
    assert deck.title == "My favourites (2 points)" and deck.refs == ("LI4", "ST36")


def test_no_hanzi_cards_without_a_cjk_font(window, qtbot, monkeypatch):
    """If no font can draw hanzi, the session leaves out the hanzi cards instead of showing boxes."""
    from viewer.ui import fonts

    monkeypatch.setattr(fonts, "cjk_family", lambda: None)
    cards = open_study(window, qtbot).cards
    cards.deck.setCurrentIndex(cards.deck.findText("HT Heart"))
    cards.start_session()
    assert "hanzi_to_point" not in cards.session.deck.kinds
    seen = set()
    while cards.question is not None:
        seen.add(cards.question.kind)
        assert not any("\u4e00" <= ch <= "\u9fff" for ch in cards.question.prompt)
        cards.choose(cards.question.answer)
        cards.rate(Rating.Easy)
    assert seen and "hanzi_to_point" not in seen


def test_locate_clicks_on_the_blank_body_are_scored_in_local_cun(window, qtbot):
    """Mouse clicks on the blank body: asked for CV4, a click on CV6 is '1.5 cun too high', not 2.1 cun."""
    locate = open_study(window, qtbot).locate
    window.study.panel.setCurrentWidget(locate)
    locate.deck.setCurrentIndex(locate.deck.findText("CV Conception Vessel"))
    layout = window.content.layout

    def click_at(x, y):
        window.diagram.zoom_by(6.0 / window.diagram.zoom)
        window.diagram.centerOn(x * 1000, y * 1000)
        pos = window.diagram.mapFromScene(x * 1000, y * 1000)
        qtbot.mouseClick(window.diagram.viewport(), Qt.MouseButton.LeftButton, pos=pos)

    locate.setFocus()
    qtbot.keyClick(locate, Qt.Key.Key_N)
    while locate.target[0] != "CV4":  # answer CV1 .. CV3 on the spot, with the mouse
        code, view = locate.target
        click_at(*layout.position(code, view))
        assert "Excellent" in locate.feedback.text() and "right on the spot" in locate.feedback.text().lower()
        locate.setFocus()
        qtbot.keyClick(locate, Qt.Key.Key_N)
    scene = window.scenes["front"]
    assert window.current_view == "front" and not any(m.isVisible() for m in scene.markers)
    click_at(*layout.position("CV6", "front"))
    result = locate.result
    assert result.code == "CV4" and result.distance_cun == pytest.approx(1.5, abs=0.05)
    assert result.grade == "close" and "1.5 cun too high" in locate.feedback.text()
    assert "off the midline" not in locate.feedback.text()
