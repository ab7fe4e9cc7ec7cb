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
    plate = window.current_view  # asked on the plate that shows the point largest, blank
    scene = window.scenes[plate]
    assert plate in window.content.body.registry.plates and not any(m.isVisible() for m in scene.markers)
    click_at(*layout.position("CV6", plate))
    result = locate.result
    assert result.code == "CV4" and result.distance_cun == pytest.approx(1.5, abs=0.05)
    assert result.grade == "close" and "1.5 cun too high" in locate.feedback.text()
    assert "off the midline" not in locate.feedback.text()


def _study_window(qtbot, content, tmp_path, size):
    from viewer.app import create_window

    win = create_window(content=content, data_dir=tmp_path / "userdata", size=size)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(win.isActiveWindow)
    win.diagram.setFocus()  # where the focus is after a click on the body
    return win


def _start_muscle_deck(win, qtbot):
    """Ctrl+T, arrow keys in the deck box up to the muscles (near the end), click Start: as a user does it."""
    qtbot.keyClick(win, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: win.study.panel is not None and win.study.panel.isVisible(), timeout=3000)
    cards = win.study.panel.cards
    cards.deck.setFocus()
    qtbot.keyClick(cards.deck, Qt.Key.Key_End)
    for _ in range(cards.deck.count()):
        if cards.deck.currentText() == "Trigger-point muscles":
            break
        qtbot.keyClick(cards.deck, Qt.Key.Key_Up)
    assert cards.deck.currentText() == "Trigger-point muscles"
    qtbot.mouseClick(cards.start, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: cards.options[0].isVisible())
    return cards


@pytest.mark.parametrize("size", [(1600, 1000), (1366, 768)])
def test_long_answers_wrap_and_the_window_keeps_its_size(qtbot, content, tmp_path, size):
    """The muscle deck's long answers wrap inside the panel; the window and the body keep their size."""
    win = _study_window(qtbot, content, tmp_path, size)
    cards = _start_muscle_deck(win, qtbot)
    qtbot.wait(50)  # let any layout change reach the window (there must be none)
    assert (win.width(), win.height()) == size
    assert win.diagram.width() >= size[0] // 3 and win.diagram.height() >= 300
    dock = win.study_dock
    for button in cards.options:
        assert button.geometry().right() <= dock.width()
    longest = max(cards.options, key=lambda b: len(b.text()))
    assert longest.height() > 2 * longest.fontMetrics().height()  # several lines, none cut off


def test_a_layout_that_squeezed_the_body_is_not_restored(qtbot, content, tmp_path):
    """A saved layout (e.g. from an older version) leaving the body tiny is ignored at the next start."""
    from viewer.app import create_window

    first = create_window(content=content, data_dir=tmp_path, size=(1600, 1000))
    qtbot.addWidget(first)
    first.diagram.setMinimumSize(0, 0)  # as before the fix: nothing kept the body from shrinking
    first.show()
    first.resizeDocks([first.browse_dock, first.details_dock], [760, 780], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: first.diagram.width() < 100)
    first.close()
    second = create_window(content=content, data_dir=tmp_path, size=(1600, 1000))
    qtbot.addWidget(second)
    second.restore_layout()
    second.show()
    qtbot.waitExposed(second)
    # (the offscreen screen is 800 px wide, so the restored window is clamped to it)
    assert second.diagram.width() >= second.width() // 3 and second.browse_dock.width() < 500


def test_study_keys_work_with_the_focus_on_the_diagram_and_on_buttons(qtbot, content, tmp_path):
    """During a card session 1-4 answer and Space rates 'good' even when the diagram or the clicked
    Start button has the focus; the view does not switch and the session does not restart."""
    win = _study_window(qtbot, content, tmp_path, (1600, 1000))
    cards = _start_muscle_deck(win, qtbot)
    cards.start.setFocus()  # where a mouse click leaves it
    first = cards.question
    qtbot.keyClick(cards.start, Qt.Key.Key_1 + first.answer)
    assert "Right" in cards.feedback.text()
    qtbot.keyClick(cards.start, Qt.Key.Key_Space)
    assert cards.session is not None and cards.question.card_id != first.card_id
    assert len(win.study.store.reviews()) == 1  # Space rated the card; it did not start a new session
    view = win.current_view
    win.diagram.setFocus()
    second = cards.question
    wrong = (second.answer + 1) % 4
    qtbot.keyClick(win.diagram, Qt.Key.Key_1 + wrong)
    assert "Not quite" in cards.feedback.text() and len(win.study.store.reviews()) == 2
    third = cards.question
    qtbot.keyClick(win.diagram, Qt.Key.Key_1 + third.answer)
    qtbot.keyClick(win.diagram, Qt.Key.Key_H)  # rates 'hard'; would toggle 'where does it hurt?' otherwise
    assert not win.pain_action.isChecked() and len(win.study.store.reviews()) == 3
    assert win.current_view in (view, *content.muscles.muscles[third.ref].views)  # the card's muscle, not "1"


def test_locate_keys_work_after_clicking_the_body(qtbot, content, tmp_path):
    """After the click on the body (focus on the diagram) Space reveals a step and N asks the next point."""
    win = _study_window(qtbot, content, tmp_path, (1600, 1000))
    qtbot.keyClick(win, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: win.study.panel is not None and win.study.panel.isVisible(), timeout=3000)
    panel = win.study.panel
    qtbot.mouseClick(panel.tabBar(), Qt.MouseButton.LeftButton, pos=panel.tabBar().tabRect(1).center())
    locate = panel.locate
    assert panel.currentWidget() is locate
    qtbot.mouseClick(locate.start, Qt.MouseButton.LeftButton)
    code, view = locate.target
    x, y = win.content.layout.position(code, view, "left")
    pos = win.diagram.mapFromScene(x * 1000, y * 1000)
    qtbot.mouseClick(win.diagram.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert locate.result is not None
    win.diagram.setFocus()
    qtbot.keyClick(win.diagram, Qt.Key.Key_Space)
    assert locate.step == 1 and "<ol>" in locate.feedback.text()
    qtbot.keyClick(win.diagram, Qt.Key.Key_N)
    assert locate.result is None and locate.target is not None
    qtbot.keyClick(win.diagram, Qt.Key.Key_Escape)
    assert locate.target is None


def test_an_answered_card_shows_its_point_or_muscle_on_the_body(qtbot, content, tmp_path):
    """After a muscle card the muscle and its referral zones are shown; after a point card, the point."""
    win = _study_window(qtbot, content, tmp_path, (1600, 1000))
    cards = _start_muscle_deck(win, qtbot)
    muscle = cards.question.ref
    win.diagram.setFocus()
    qtbot.keyClick(win.diagram, Qt.Key.Key_1 + cards.question.answer)
    assert win.selection.code == f"m:{muscle}"
    kinds = {r.region.kind for r in win.scenes[win.current_view].triggers.visible_regions()}
    assert "essential" in kinds
    cards.deck.setFocus()
    qtbot.keyClick(cards.deck, Qt.Key.Key_Home)  # the Lung channel's points
    qtbot.mouseClick(cards.start, Qt.MouseButton.LeftButton)
    question = cards.question
    win.diagram.setFocus()
    qtbot.keyClick(win.diagram, Qt.Key.Key_1 + (question.answer + 1) % 4)
    assert win.selection.code == question.ref
    scene = win.scenes[win.current_view]
    assert [i.code for i in scene.selected_items()] and all(i.code == question.ref for i in scene.selected_items())
