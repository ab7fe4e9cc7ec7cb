"""The window with bad or awkward user files: unsaved plans, dialogs that pile up, window.ini, leftovers."""
from __future__ import annotations

import json
import os
import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from viewer.ui import dialogs


@pytest.fixture()
def answers(monkeypatch):
    """Replace the Save / Discard / Cancel question; records the titles asked about."""
    state = {"answer": dialogs.UnsavedChanges.CANCEL, "asked": []}

    def ask(cls, parent, title, answer):
        state["asked"].append(title)
        answer(state["answer"])

    monkeypatch.setattr(dialogs.UnsavedChanges, "ask", classmethod(ask))
    return state


def dirty_plan(window):
    window.select("BL23")
    window.add_to_plan_action.trigger()
    assert window.plans.dirty


@pytest.mark.parametrize("action", ["new", "open"])
def test_cancel_keeps_the_unsaved_plan_on_new_and_open(window, answers, monkeypatch, tmp_path, action):
    """New and Open ask first; Cancel leaves the plan and its changes in place."""
    opened = []
    monkeypatch.setattr(dialogs, "ask_open_path", lambda *a, **k: opened.append(1))
    dirty_plan(window)
    (window.plans.new_plan if action == "new" else window.plans.open_plan)()
    assert answers["asked"] == ["Untitled plan"]
    assert window.plans.plan.keys() == ["BL23"] and window.plans.dirty and opened == []


def test_discard_on_new_starts_an_empty_plan(window, answers):
    answers["answer"] = dialogs.UnsavedChanges.DISCARD
    dirty_plan(window)
    window.plans.new_plan()
    assert window.plans.plan.keys() == [] and not window.plans.dirty


def test_save_on_new_saves_first_and_a_cancelled_save_keeps_the_plan(window, answers, monkeypatch, tmp_path):
    """Save writes the plan, then starts the new one; if the save dialog is cancelled nothing is lost."""
    answers["answer"] = dialogs.UnsavedChanges.SAVE
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a, **k: None)
    dirty_plan(window)
    window.plans.new_plan()
    assert window.plans.plan.keys() == ["BL23"]
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a, **k: tmp_path / "kept.mvplan")
    window.plans.new_plan()
    assert json.loads((tmp_path / "kept.mvplan").read_text(encoding="utf-8"))["items"][0]["ref"] == "BL23"
    assert window.plans.plan.keys() == []


def test_quit_with_unsaved_changes_asks_and_cancel_keeps_the_window(window, answers, qtbot):
    dirty_plan(window)
    window.close()
    assert answers["asked"] and window.isVisible()
    answers["answer"] = dialogs.UnsavedChanges.DISCARD
    window.close()
    qtbot.waitUntil(lambda: not window.isVisible())


def test_the_message_box_answers_by_button(window, qtbot, monkeypatch):
    """Clicking Discard in the real box answers DISCARD; the box is deleted afterwards."""
    monkeypatch.undo()  # the real ask, not the autouse replacement
    got = []
    dialogs.UnsavedChanges.ask(window, "<b>My plan</b>", got.append)
    box = next(w for w in window.findChildren(QMessageBox) if w.isVisible())
    assert "<b>My plan</b>" in box.text()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Discard), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: got == [dialogs.UnsavedChanges.DISCARD])
    qtbot.waitUntil(lambda: not window.findChildren(QMessageBox))


def _show_shortcuts(window):
    from viewer.ui.shortcuts import show_shortcuts

    show_shortcuts(window)


@pytest.mark.parametrize("opener", ["show_problems", "show_correspondence", _show_shortcuts],
                         ids=["load problems", "trigger points and acupoints", "keyboard shortcuts"])
def test_help_dialogs_are_deleted_when_closed(window, qtbot, opener):
    """Opening and closing a help dialog 20 times leaves no dialog behind."""
    before = len(window.findChildren(QDialog))
    for _ in range(20):
        opener(window) if callable(opener) else getattr(window, opener)()
        dialog = [d for d in window.findChildren(QDialog) if d.isVisible()][-1]
        dialog.reject()
    qtbot.waitUntil(lambda: len(window.findChildren(QDialog)) == before)


def test_window_ini_that_is_a_folder_is_said_once(qtbot, content, tmp_path, capsys):
    """The layout cannot be saved: one sentence (status bar and stderr), no crash, said only once."""
    from viewer.app import create_window

    data = tmp_path / "data"
    (data / "window.ini").mkdir(parents=True)
    win = create_window(content=content, data_dir=data, size=(900, 700))
    qtbot.addWidget(win)
    win.restore_layout()
    assert "window.ini is a folder" in win.messages.text
    from viewer.ui.session import save_layout

    save_layout(win)
    save_layout(win)
    assert capsys.readouterr().err.count("window.ini") == 1
    assert (data / "window.ini").is_dir()


def test_start_up_removes_temporary_files_of_killed_saves(qtbot, content, tmp_path):
    from viewer.app import create_window

    data = tmp_path / "data"
    data.mkdir()
    stale = data / ".favourites.json.k1ll3d_x.tmp"
    stale.write_text("{")
    os.utime(stale, (time.time() - 86400, time.time() - 86400))
    win = create_window(content=content, data_dir=data, size=(900, 700))
    qtbot.addWidget(win)
    assert not stale.exists()


def test_a_corrupt_favourites_file_in_a_read_only_folder_does_not_stop_the_app(qtbot, content, tmp_path,
                                                                               monkeypatch):
    """The quarantine fails (read-only folder): the window opens and says the file was left unchanged."""
    from viewer.app import create_window

    data = tmp_path / "data"
    data.mkdir()
    (data / "favourites.json").write_text("{not json")
    real_replace = os.replace

    def read_only(src, dst, *args, **kwargs):
        if "favourites" in str(src):
            raise PermissionError(13, "Read-only file system")
        return real_replace(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "replace", read_only)
    win = create_window(content=content, data_dir=data, size=(900, 700))
    qtbot.addWidget(win)
    win.show()
    assert "left unchanged" in win.messages.text
    win.select("ST36")
    win.favourite_action.trigger()
    assert (data / "favourites.json").read_text() == "{not json"


def test_a_full_plan_is_refused_by_name_and_its_patient_view_stays_quick(window, qtbot):
    """The 201st item is refused with the limit named; the patient view of 200 items is drawn in bounded time."""
    from viewer.atlas.limits import MAX_PLAN_ITEMS

    codes = sorted(window.content.atlas.points)[:MAX_PLAN_ITEMS + 1]
    for code in codes[:MAX_PLAN_ITEMS]:
        window.plans.panel.add(code)
    messages = []
    window.plans.message.connect(messages.append)
    window.select(codes[-1])
    window.add_to_plan_action.trigger()
    assert len(window.plans.plan.items) == MAX_PLAN_ITEMS and str(MAX_PLAN_ITEMS) in messages[-1]
    started = time.perf_counter()
    window.patient_action.trigger()
    qtbot.wait(10)
    window.patient_action.trigger()
    assert time.perf_counter() - started < 60


def test_every_dialog_class_is_deleted_on_close():
    """A dialog class of the app that is opened from a menu must set WA_DeleteOnClose (or it piles up)."""
    import re
    from pathlib import Path

    ui = Path(__file__).resolve().parents[1] / "viewer" / "ui"
    missing = [path.name for path in ui.glob("*.py")
               if re.search(r"^class \w+\(QDialog\)", path.read_text(encoding="utf-8"), re.M)
               and "WA_DeleteOnClose" not in path.read_text(encoding="utf-8")]
    assert missing == []
