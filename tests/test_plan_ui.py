"""Practitioners and classrooms: plan panel, plan files, patient view, presentation mode, handouts."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget

from viewer.ui import dialogs

EXAMPLE = Path(__file__).resolve().parents[1] / "docs" / "examples" / "low-back.mvplan"


def build_plan(window):
    for key in ("BL23", "BL40", "tp:QL1"):
        window.select(key)
        window.add_to_plan_action.trigger()
    return window.plan_panel.plan


def test_adding_the_selection_builds_the_plan_in_order(window):
    """Ctrl+Return adds the selected point or trigger point once; notes and reordering work."""
    plan = build_plan(window)
    assert plan.keys() == ["BL23", "BL40", "tp:QL1"]
    window.add_to_plan_action.trigger()
    assert len(plan.items) == 3
    panel = window.plan_panel
    panel.list.setCurrentRow(1)
    panel.item_note.setText("distal point")
    panel.item_note.textEdited.emit("distal point")
    panel.move_current(-1)
    assert plan.keys() == ["BL40", "BL23", "tp:QL1"] and plan.items[0].note == "distal point"
    assert panel.list.item(0).text().startswith("1. BL40")


def test_plan_saves_and_reopens_through_the_file_menu(window, tmp_path, monkeypatch):
    """Save as, start a new plan, open the file again: the same plan comes back."""
    build_plan(window)
    path = tmp_path / "session"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a, **k: path)
    assert window.plans.save_plan()
    assert (tmp_path / "session.mvplan").exists()
    window.plans.new_plan()
    assert window.plan_panel.plan.items == []
    monkeypatch.setattr(dialogs, "ask_open_path", lambda *a, **k: tmp_path / "session.mvplan")
    assert window.plans.open_plan()
    assert window.plan_panel.plan.keys() == ["BL23", "BL40", "tp:QL1"]
    assert "Opened session.mvplan (3 items)" in window.messages.text


def test_a_corrupt_plan_is_refused_and_never_overwritten(window, qtbot, tmp_path, monkeypatch):
    """With a saved plan open, opening garbage shows a message and changes nothing: the next Save writes
    the plan that is still open to its own file, never over the refused one."""
    build_plan(window)
    good = tmp_path / "good.mvplan"
    assert window.plans.save_plan_as(good)
    bad = tmp_path / "broken.mvplan"
    bad.write_text("{garbage", encoding="utf-8")
    assert not window.plans.open_plan(bad)
    assert "Plan not opened: broken.mvplan: not a plan file" in window.plans.last_error
    assert window.plan_panel.plan.keys() == ["BL23", "BL40", "tp:QL1"]
    window.plan_panel.title.selectAll()
    qtbot.keyClicks(window.plan_panel.title, "Still the good plan")
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a, **k: pytest.fail("Save asked where to save"))
    assert window.plans.save_plan()
    assert bad.read_text(encoding="utf-8") == "{garbage"
    assert '"Still the good plan"' in good.read_text(encoding="utf-8")


def test_patient_view_shows_only_the_plan_in_large_calm_panels(window, qtbot):
    """F9 hides every panel but the patient one and draws only the plan's points; F9 again restores."""
    build_plan(window)
    window.set_view("back")
    window.patient_action.trigger()
    visible = [d.objectName() for d in window.findChildren(QDockWidget) if d.isVisible()]
    assert visible == ["patient_dock"]
    scene = window.scenes["back"]
    shown = {i.code for i in scene.markers if i.isVisible()}
    assert shown == {"BL23", "BL40"}
    assert [m.code for m in scene.triggers.markers if m.isVisible()] == ["QL1", "QL1"]
    text = window.patient_view.panel.toPlainText()
    session = next(s for s in window.content.overview.sections if s.id == "session")
    assert "BL23" in text and session.title in text and "QL1" in text
    assert window.patient_view.panel.font().pointSizeF() > window.font().pointSizeF()
    window.patient_action.trigger()
    assert window.details_dock.isVisible() and len({i.code for i in scene.markers if i.isVisible()}) > 50


def test_patient_view_turns_to_the_view_that_shows_the_plan(window, qtbot):
    """A low-back plan opened while the front view is up: F9 shows the back, where its points are,
    rather than an empty front; a plan whose points are on the front keeps the front."""
    build_plan(window)
    window.set_view("front")
    qtbot.keyClick(window, Qt.Key.Key_F9)
    assert window.patient_view.active
    assert window.current_view == "back"
    assert {i.code for i in window.scenes["back"].markers if i.isVisible()} == {"BL23", "BL40"}
    qtbot.keyClick(window, Qt.Key.Key_F9)
    assert not window.patient_view.active


def test_patient_view_keeps_a_view_that_already_shows_the_plan(window, qtbot):
    """A plan of front points (ST36, PC6): F9 from the front view stays on the front."""
    for key in ("ST36", "PC6"):
        window.select(key)
        window.add_to_plan_action.trigger()
    window.set_view("front")
    qtbot.keyClick(window, Qt.Key.Key_F9)
    assert window.current_view == "front"
    assert {i.code for i in window.scenes["front"].markers if i.isVisible()} == {"ST36", "PC6"}


def test_presentation_mode_is_driven_by_the_keyboard(window, qtbot):
    """F5 goes full screen; Right/Left walk the plan; + zooms; Esc leaves."""
    build_plan(window)
    window.presentation_action.trigger()
    qtbot.waitUntil(lambda: window.isFullScreen(), timeout=3000)
    assert not window.menuBar().isVisible() and window.presentation.highlight.isVisible()
    window.select("BL23")
    qtbot.keyClick(window.diagram, Qt.Key.Key_Right)
    assert window.selection.code == "BL40"
    qtbot.keyClick(window.diagram, Qt.Key.Key_Right)
    assert window.selection.code == "tp:QL1"
    qtbot.keyClick(window.diagram, Qt.Key.Key_Left)
    assert window.selection.code == "BL40"
    zoom = window.diagram.zoom
    qtbot.keyClick(window.diagram, Qt.Key.Key_Plus)
    assert window.diagram.zoom > zoom
    assert window.scenes[window.current_view].markers[0].size_factor > 1.2
    qtbot.keyClick(window.diagram, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.isFullScreen(), timeout=3000)
    assert window.menuBar().isVisible() and not window.presentation_action.isChecked()


def test_handout_pdf_and_png(window, tmp_path):
    """The PDF has one A4 page that renders back to a drawing; the PNG records its DPI."""
    build_plan(window)
    pdf = tmp_path / "handout.pdf"
    png = tmp_path / "handout.png"
    assert window.plans.export_handout(pdf) and window.plans.export_handout(png)
    assert pdf.read_bytes().startswith(b"%PDF")
    with Image.open(png) as image:
        assert image.info["dpi"] == pytest.approx((150, 150), abs=0.05)
        assert image.size == (1240, 1754)  # A4 at 150 dpi
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm not installed")
    subprocess.run(["pdftoppm", "-png", "-r", "40", str(pdf), str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page*.png"))
    assert len(pages) == 1
    with Image.open(pages[0]) as page:
        assert page.size[1] > page.size[0]  # portrait
        colours = page.convert("RGB").getcolors(100000)
        assert len(colours) > 50  # figure and text, not a blank page


def test_export_view_image_for_slides(window, tmp_path):
    """The current view exports as a tall PNG for slides."""
    out = tmp_path / "front.png"
    assert window.plans.export_view(out, height_px=1200)
    with Image.open(out) as image:
        assert image.size[1] == 1200 and image.size[0] > 300


def _ink_box_mm(pdf, tmp_path, dpi=150):
    """Render the PDF's page with pdftoppm; return the page size and the box holding ink, in mm."""
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm not installed")
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), str(pdf), str(tmp_path / "ink")], check=True)
    with Image.open(min(tmp_path.glob("ink*.png"))) as page:
        grey = page.convert("L").point(lambda v: 255 if v < 245 else 0)  # anything not (nearly) white
        box = grey.getbbox()
        size = page.size
    mm = 25.4 / dpi
    return (size[0] * mm, size[1] * mm), tuple(v * mm for v in box)


@pytest.mark.parametrize("how", ["export", "print"])
def test_the_handout_keeps_a_margin_on_every_side(window, tmp_path, how):
    """Exported or printed, nothing of the page comes nearer than 15 mm to any edge of the A4 sheet."""
    from PySide6.QtPrintSupport import QPrinter

    from viewer.ui.handout import print_handout

    assert window.plans.open_plan(EXAMPLE)
    pdf = tmp_path / "handout.pdf"
    if how == "export":
        assert window.plans.export_handout(pdf)
    else:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(pdf))
        print_handout(window.content, window.plan_panel.plan, printer)
    (width, height), (left, top, right, bottom) = _ink_box_mm(pdf, tmp_path)
    assert (round(width), round(height)) == (210, 297)
    assert min(left, top, width - right, height - bottom) >= 15.0, (left, top, width - right, height - bottom)
    assert right - left > 150  # the content still spans the page


def test_handout_figure_labels_every_plan_item_readably(window):
    """On the printed figure every point and every trigger-point cross of the plan carries its code,
    in type of at least 10 pt, drawn above the red pain zones."""
    from PySide6.QtCore import QRectF

    from viewer.ui.printing import figure_scene

    assert window.plans.open_plan(EXAMPLE)
    keys = window.plan_panel.plan.keys()
    scene = figure_scene(window.content, "back", keys, QRectF(0, 0, 900, 1900), 300)
    labelled = {i.code: i.label for i in [*scene.markers, *scene.triggers.markers]
                if i.isVisible() and getattr(i, "label", None) is not None and i.label.isVisible()}
    wanted = {k.split(":", 1)[-1] for k in keys}
    assert wanted <= set(labelled), wanted - set(labelled)
    assert {"QL1", "GMED1"} <= set(labelled)  # the crosses are named too
    zones = scene.triggers.visible_regions()
    assert zones
    for code, label in labelled.items():
        assert label.text().split()[-1] == code and label.font().pointSizeF() >= 10
        assert all(label.parentItem().zValue() > zone.zValue() for zone in zones)


def _visible_notice(window):
    from viewer.ui.notice import Notice

    shown = [box for box in window.findChildren(Notice) if box.isVisible()]
    return shown[0] if shown else None


def test_a_plan_that_cannot_be_opened_says_so_in_a_dialog(window, qtbot, tmp_path, monkeypatch):
    """File ▸ Open on a broken plan: a dialog (not only the status bar) says why; OK closes it."""
    bad = tmp_path / "broken.mvplan"
    bad.write_text("{garbage", encoding="utf-8")
    monkeypatch.setattr(dialogs, "ask_open_path", lambda *a, **k: bad)
    window.diagram.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: _visible_notice(window) is not None, timeout=3000)
    box = _visible_notice(window)
    assert "Plan not opened" in box.text() and "broken.mvplan" in box.text()
    assert window.isEnabled()  # the dialog does not block the window
    qtbot.mouseClick(box.button(box.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _visible_notice(window) is None, timeout=3000)


def test_a_plan_with_an_unknown_code_opens_the_rest_and_lists_what_was_left_out(window, qtbot, tmp_path,
                                                                                monkeypatch):
    """A teacher's pack point missing here: the other items open, a dialog names the one left out, and
    saving asks where instead of writing over the original file."""
    from viewer.ui.notice import Notice

    original = EXAMPLE.read_text(encoding="utf-8").replace('"ref": "BL25"', '"ref": "PACK-WEEK1-3"')
    path = tmp_path / "homework.mvplan"
    path.write_text(original, encoding="utf-8")
    shown = []
    monkeypatch.setattr(Notice, "ask", classmethod(lambda cls, parent, title, text, details="", callback=None:
                                                   shown.append((title, text, details))))
    monkeypatch.setattr(dialogs, "ask_open_path", lambda *a, **k: path)
    window.diagram.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(shown), timeout=3000)
    keys = window.plan_panel.plan.keys()
    assert "BL23" in keys and "tp:QL1" in keys and "PACK-WEEK1-3" not in keys and len(keys) == 5
    _title, text, details = shown[0]
    assert "homework.mvplan" in text and "item 2.ref: 'PACK-WEEK1-3'" in details
    asked = []
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a, **k: asked.append(1) or None)
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert asked == [1] and path.read_text(encoding="utf-8") == original


def test_messages_shown_before_the_window_are_not_drawn_over_each_other_or_the_view_name(qtbot, content,
                                                                                        tmp_path):
    """At start-up a data problem and the plan opened from the command line both report before the window is
    shown; the status line shows one message at a time, and the view's name only when none is up."""
    from viewer.app import create_window

    win = create_window(content=content, data_dir=tmp_path / "userdata", size=(1366, 768))
    qtbot.addWidget(win)
    win.messages.warn("2 data problems: some entries were skipped", seconds=0)
    assert win.plans.open_plan(EXAMPLE)
    win.show()
    qtbot.waitExposed(win)
    line = win.status_line
    shown = [w for w in (line.message_label, line.view_label, line.hover_label) if w.isVisible()]
    assert shown == [line.message_label]
    assert line.message_label.text() == win.messages.text == "Opened low-back.mvplan (6 items)"
    win.messages.say("Saved low-back.mvplan", seconds=0.05)  # its time runs out: the view's name is back
    qtbot.waitUntil(lambda: line.view_label.isVisible())
    assert not line.message_label.isVisible() and line.view_label.text() and win.messages.text == ""
