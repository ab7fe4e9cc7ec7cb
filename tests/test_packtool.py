"""Teachers' pack tooling: template, validation with named errors, listing, misplaced packs, GUI wiring."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from viewer.__main__ import main

ROOT = Path(__file__).resolve().parents[1]

BROKEN = """
[pack]
name = "Broken week"

[[deck]]
name = "Hand"
points = ["LI4", "XX1"]

[[plan]]
file = "../outside.mvplan"

[[plan]]
file = "missing.mvplan"

[[point]]
code = "X-B1"
pinyin = "a"
hanzi = "a"
english = "a"
region = "face"
location = "x"
needling = { angle = "transverse", depth = "0.3 cun" }
bilateral = false
place = [{ view = "front", at = "no_such_landmark" }]

[extras]
"""


def test_new_template_is_commented_and_validates_clean(tmp_path, capsys):
    """'pack new' writes a commented pack.toml and a homework plan that 'pack validate' accepts."""
    folder = tmp_path / "week1"
    assert main(["pack", "new", str(folder), "--name", "Week 1"]) == 0
    text = (folder / "pack.toml").read_text(encoding="utf-8")
    assert text.count("\n#") >= 5 and 'name = "Week 1"' in text
    assert (folder / "homework.mvplan").is_file()
    capsys.readouterr()
    assert main(["pack", "validate", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "0 problems" in out and "1 point, 1 deck, 1 plan" in out


def test_new_never_overwrites_a_pack(tmp_path, capsys):
    """'pack new' into a folder that has a pack.toml changes nothing and fails."""
    (tmp_path / "pack.toml").write_text("mine", encoding="utf-8")
    assert main(["pack", "new", str(tmp_path)]) == 1
    assert (tmp_path / "pack.toml").read_text(encoding="utf-8") == "mine"
    assert "already exists" in capsys.readouterr().err


def test_validate_names_file_entry_and_field_of_every_problem(tmp_path, capsys):
    """Every problem is one line with file, entry and field; the exit status is non-zero."""
    (tmp_path / "pack.toml").write_text(BROKEN, encoding="utf-8")
    assert main(["pack", "validate", str(tmp_path)]) == 1
    lines = [line for line in capsys.readouterr().out.splitlines() if line.startswith("error:")]
    name = (tmp_path / "pack.toml").as_posix()
    expected = [f"{name}: deck 'Hand'.points[1]: 'XX1'", f"{name}: plan '../outside.mvplan'.file:",
                f"{name}: plan 'missing.mvplan'.file: missing.mvplan is not in the pack's folder",
                f"{name}: X-B1.place[0].at:", f"{name}: extras: is not a known section"]
    for start in expected:
        assert any(line.startswith(f"error: {start}") for line in lines), start
    assert len(lines) == 5


def test_validate_checks_the_plan_inside_the_pack(tmp_path, capsys):
    """A pack plan naming an unknown trigger point is reported with the plan's item and field."""
    main(["pack", "new", str(tmp_path)])
    plan = tmp_path / "homework.mvplan"
    plan.write_text(plan.read_text(encoding="utf-8").replace('"LI4"', '"LI99"'), encoding="utf-8")
    capsys.readouterr()
    assert main(["pack", "validate", str(tmp_path)]) == 1
    assert "homework.mvplan: item 1.ref: 'LI99' is not a known point" in capsys.readouterr().out


def test_validate_without_pack_toml_fails(tmp_path, capsys):
    assert main(["pack", "validate", str(tmp_path)]) == 1
    assert "not found: a pack is a folder holding pack.toml" in capsys.readouterr().out


def test_list_shows_packs_and_reports_a_misplaced_one(tmp_path, capsys, monkeypatch):
    """'pack list' names the loaded pack; a pack.toml outside packs/<name>/ is reported with where to move it."""
    data = tmp_path / "data"
    monkeypatch.setenv("MERIDIAN_VIEWER_DATA", str(data))
    main(["pack", "new", str(data / "packs" / "week1"), "--name", "Week 1"])
    assert main(["pack", "list"]) == 0
    assert "week1: Week 1 (en)" in capsys.readouterr().out
    main(["pack", "new", str(data / "stray")])
    assert main(["pack", "list"]) == 1
    assert ("problem: stray/pack.toml: pack: is not loaded: a pack must be a folder directly in packs/; "
            "move it to packs/stray/pack.toml") in capsys.readouterr().out


def test_pack_command_runs_from_the_console(tmp_path):
    """The real command line: exit status 1 and the problem on stdout for a broken pack."""
    (tmp_path / "pack.toml").write_text(BROKEN, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "viewer", "pack", "validate", str(tmp_path)], cwd=ROOT,
                            env=dict(os.environ), capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 1 and "5 problems" in result.stdout


@pytest.fixture()
def pack_window(qtbot, tmp_path):
    """A window whose data folder holds the template pack."""
    from viewer.app import create_window

    data = tmp_path / "userdata"
    main(["pack", "new", str(data / "packs" / "week1"), "--name", "Week 1"])
    win = create_window(data_dir=data, size=(1200, 800))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.browse.ensure_filled()
    return win


def test_pack_channel_shows_no_internal_code(pack_window):
    """The tree, the channel filter, the layers and the legend say 'Pack', never 'PACK:week1'."""
    from PySide6.QtWidgets import QCheckBox

    win = pack_window
    win.set_view("front")
    tree = win.browse.tree
    tops = [tree.topLevelItem(i).text(0) + tree.topLevelItem(i).text(1) for i in range(tree.topLevelItemCount())]
    combo = [win.browse.channel.itemText(i) for i in range(win.browse.channel.count())]
    boxes = [b.text() for b in win.layers.findChildren(QCheckBox)]
    assert "PackWeek 1" in tops and "Pack  Week 1" in combo
    assert not any("PACK:" in text for text in tops + combo + boxes)
    assert ("PACK:week1", "Week 1") in win.legend.entries  # the code picks the colour; painting uses the label
    image = win.legend.grab().toImage()
    assert image.width() > 0


@pytest.mark.parametrize("typed", ["X-CLASS", "x-class", "xclass1"])
def test_typing_a_pack_code_in_browse_finds_the_pack_point(pack_window, qtbot, typed):
    """Ctrl+F and the pack's code as a teacher writes it ("X-CLASS" for X-CLASS1) list the pack's point."""
    from PySide6.QtCore import Qt

    win = pack_window
    qtbot.keyClick(win, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert win.browse.search.hasFocus()
    qtbot.keyClicks(win.browse.search, typed)
    assert win.browse.visible_codes()[:1] == ["X-CLASS1"]
    qtbot.keyClick(win.browse.search, Qt.Key.Key_Return)
    assert win.selection.code == "X-CLASS1"


def test_pack_deck_in_study_and_plan_opened_as_copy(pack_window, qtbot):
    """The pack's deck is offered in Study; its homework opens from Help ▸ Data packs without a file path."""
    from viewer.ui.packs_dialog import PacksDialog

    win = pack_window
    win.raise_panel("study")
    panel = win.study.build()
    titles = [panel.cards.deck.itemText(i) for i in range(panel.cards.deck.count())]
    assert "Week 1: Week 1: points of the hand and forearm" in titles
    dialog = PacksDialog(win)
    qtbot.addWidget(dialog)
    pack = dialog.tree.topLevelItem(0)
    plan_row = next(pack.child(i) for i in range(pack.childCount()) if pack.child(i).text(0).startswith("Plan:"))
    dialog.tree.setCurrentItem(plan_row)
    assert dialog.open_plan.isEnabled()
    dialog.open_plan.click()
    assert win.plan_panel.plan.title == "Homework: find these on a partner"
    assert win.plans.path is None  # Save asks where: the pack's file is never overwritten


def test_data_folder_path_shown_and_copyable_when_no_file_manager(window, qtbot, monkeypatch):
    """If the desktop cannot open the folder, a dialog shows its path, says why, and copies it."""
    from PySide6.QtGui import QDesktopServices, QGuiApplication

    from viewer.ui import packs_dialog

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: False))
    opened = []
    monkeypatch.setattr(packs_dialog.PacksDialog, "open", lambda self: opened.append(self))
    window.open_data_folder()
    dialog = opened[0]
    qtbot.addWidget(dialog)
    assert dialog.path.text() == str(window.data_dir) and dialog.path.isReadOnly()
    assert not dialog.notice.isHidden()
    dialog.copy_path()
    assert QGuiApplication.clipboard().text() == str(window.data_dir)
