"""The safety layer on screen: its switch and key, its defaults (dry-needling view, presentation, patient
view), the legend, and the 'what lies beneath' notes in the details and comparison panels."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


def _shown(window, view=None):
    scene = window.scenes[view or window.current_view]
    return list(scene.safety.visible_items())


def _press(window, qtbot, key):
    window.diagram.setFocus()
    qtbot.keyClick(window.diagram, key)


def test_off_on_the_plain_acupoint_plate_and_toggled_by_its_key(window, qtbot):
    """At start the acupoint plate shows no safety shapes; S shows them, S again hides them."""
    window.set_view("back")
    assert not window.safety_action.isChecked()
    assert _shown(window) == []
    _press(window, qtbot, Qt.Key.Key_S)
    assert window.safety_action.isChecked()
    shown = _shown(window)
    structures = {i.structure.id for i in shown if hasattr(i, "structure")}
    assert {"pleura", "kidney", "sciatic", "popliteal", "vertebral_artery"} <= structures
    assert any(i.text() == "pleura" for i in shown if hasattr(i, "text"))  # labelled
    _press(window, qtbot, Qt.Key.Key_S)
    assert _shown(window) == [] and not window.safety_action.isChecked()


def test_the_switch_reaches_every_view_including_those_built_later(window, qtbot):
    _press(window, qtbot, Qt.Key.Key_S)
    window.set_view("side")
    assert {i.structure.id for i in _shown(window) if hasattr(i, "structure")} >= {"pleura", "sciatic",
                                                                                   "common_fibular"}


def test_on_in_the_dry_needling_view_until_the_user_says_otherwise(window, qtbot):
    """Showing trigger points (T) shows the layer; the user's own S then wins."""
    window.set_view("back")
    _press(window, qtbot, Qt.Key.Key_T)
    assert window.view_state.layers.trigger_points and window.safety_action.isChecked() and _shown(window)
    _press(window, qtbot, Qt.Key.Key_S)
    assert _shown(window) == []
    _press(window, qtbot, Qt.Key.Key_T)
    _press(window, qtbot, Qt.Key.Key_T)
    assert _shown(window) == []  # still the user's choice


def test_presentation_mode_turns_it_on_and_leaving_restores_it(window, qtbot):
    window.set_view("back")
    assert _shown(window) == []
    window.presentation_action.trigger()
    assert window.presentation.active
    assert window.safety_action.isChecked() and _shown(window)
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.presentation.active
    assert _shown(window) == [] and not window.safety_action.isChecked()


def test_the_patient_view_never_shows_it(window, qtbot):
    _press(window, qtbot, Qt.Key.Key_S)
    assert _shown(window)
    window.patient_action.trigger()
    assert window.patient_view.active and _shown(window) == []
    window.patient_action.trigger()
    assert _shown(window)


def test_the_legend_lists_the_safety_key_while_the_layer_is_on(window, qtbot):
    def names():
        return [name for _code, name in window.legend.entries]

    assert "Artery or vein" not in names()
    _press(window, qtbot, Qt.Key.Key_S)
    assert {"Lung, pleura, kidney (beneath)", "Artery or vein", "Nerve"} <= set(names())
    window.set_view("side")  # a new view rebuilds the legend: the key stays
    assert "Nerve" in names()
    _press(window, qtbot, Qt.Key.Key_S)
    assert "Nerve" not in names()


def test_the_shortcut_is_unique_and_listed_in_the_reference(window):
    from PySide6.QtGui import QAction

    from viewer.ui.shortcuts import menu_shortcuts

    keys = [a.shortcut().toString() for a in window.findChildren(QAction) if not a.shortcut().isEmpty()]
    assert keys.count("S") == 1
    assert any(keys_ == "S" and "Safety" in entry for _menu, keys_, entry in menu_shortcuts(window))


def test_details_name_what_lies_beneath_with_depth_and_direction(window):
    window.select("BL42")
    html = window.details.toHtml()
    assert "What lies beneath" in html and "Lungs and pleura" in html and "pinned between two fingers" in html
    window.select("tp:UT1")
    text = window.details.toPlainText()
    assert "What lies beneath" in text and "pincer grip" in text and "1.5–2 cm" in text
    window.select("m:quadratus_lumborum")
    assert "Kidney" in window.details.toPlainText()
    window.select("LI4")
    assert "What lies beneath" not in window.details.toPlainText()


def test_the_comparison_panel_names_it_in_context(window):
    window.compare_dock.show()
    window.compare_dock.raise_()
    window.compare.set_voice("student")
    window.select("BL40")
    QApplication.processEvents()
    text = window.compare.browser.toPlainText()
    assert "Beneath: Over the popliteal artery and vein, tibial nerve" in text and "Safe:" in text
    window.select("LI4")
    QApplication.processEvents()
    assert "Beneath:" not in window.compare.browser.toPlainText()


def test_data_text_in_the_notes_is_escaped(window, monkeypatch):
    """A structure name from the data file is shown as text, never as HTML."""
    from viewer.atlas.safety import SafetyNote

    note = SafetyNote("x", "<b>Bold</b> organ", "organ", "over", 0.0, "<i>r</i>", "<img src=x>", "<u>s</u>", "")
    monkeypatch.setitem(window.content.safety.notes, "LI4", [note])
    window.select("LI4")
    text = window.details.toPlainText()
    assert "<b>Bold</b> organ" in text and "<img src=x>" in text and "<u>s</u>" in text


def test_a_what_lies_beneath_card_is_answered_from_the_keyboard_and_shows_the_layer(window, qtbot):
    """The study deck 'What lies beneath' asks its cards; answering one selects the point and shows the layer."""
    window.raise_panel("study")
    qtbot.waitUntil(lambda: window.study.panel is not None and window.study.panel.isVisible(), timeout=3000)
    cards = window.study.panel.cards
    ids = [cards.deck.itemData(i).id for i in range(cards.deck.count())]
    cards.deck.setCurrentIndex(ids.index("safety:all"))
    cards.setFocus()
    qtbot.keyClick(cards, Qt.Key.Key_Return)
    question = cards.question
    assert question.kind == "point_to_beneath" and question.prompt.startswith("What lies beneath")
    assert not window.safety_action.isChecked()
    qtbot.keyClick(cards, Qt.Key.Key_1 + question.answer)
    assert "Right" in cards.feedback.text()
    assert window.selection.code == question.ref
    assert window.safety_action.isChecked() and _shown(window)


def test_the_layers_panel_switch_is_the_same_switch(window, qtbot):
    """The Layers panel's 'Safety layer' box and the S key drive one state."""
    from PySide6.QtWidgets import QCheckBox

    window.set_view("back")
    window.raise_panel("layers")
    window.layers.ensure_built()
    box = next(b for b in window.layers.findChildren(QCheckBox) if b.text() == "Safety layer")
    assert not box.isChecked()
    from PySide6.QtCore import QPoint

    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))  # on the tick box
    assert window.safety_action.isChecked() and _shown(window)
    _press(window, qtbot, Qt.Key.Key_S)
    assert not box.isChecked() and _shown(window) == []
