"""Text from data is shown as text: a pack or plan full of HTML makes Qt open no file and render no tag."""
from __future__ import annotations

import ctypes
import os
import sys
import textwrap

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QCheckBox, QLabel, QToolTip

from viewer.atlas.content import load_content
from viewer.atlas.study import POINT_KINDS, Deck, StudyStore

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="watches file opens with inotify")

IN_OPEN, IN_ACCESS = 0x20, 0x01


class OpenWatch:
    """Linux inotify on one file: did anybody (Qt's image loader included) open it?"""

    def __init__(self, path):
        self.libc = ctypes.CDLL(None, use_errno=True)
        self.fd = self.libc.inotify_init1(os.O_NONBLOCK)
        assert self.fd >= 0
        assert self.libc.inotify_add_watch(self.fd, os.fsencode(path), IN_OPEN | IN_ACCESS) >= 0

    def opened(self) -> bool:
        try:
            return bool(os.read(self.fd, 65536))
        except BlockingIOError:
            return False

    def close(self):
        os.close(self.fd)


@pytest.fixture()
def probe(tmp_path):
    path = tmp_path / "probe.png"
    image = QImage(4, 4, QImage.Format.Format_RGB32)
    image.fill(0xFF0000)
    assert image.save(str(path))
    watch = OpenWatch(path)
    yield path, watch
    watch.close()


def evil(path) -> str:
    return f'<img src="file://{path}"><b>bold</b>'


def pack_text(path) -> str:
    tag = evil(path).replace('"', '\\"')
    return textwrap.dedent(f"""
        [pack]
        name = "{tag}"

        [[point]]
        code = "X-EVIL1"
        pinyin = "{tag}"
        hanzi = "{tag}"
        english = "{tag}"
        region = "hand"
        location = "{tag}"
        needling = {{ angle = "perpendicular", depth = "{tag}" }}
        place = [{{ view = "front", at = "palm_centre" }}]

        [[note]]
        code = "ST36"
        text = "{tag}"

        [[translation]]
        code = "ST36"
        language = "{tag}"
        name = "{tag}"
        """)


@pytest.fixture()
def evil_window(qtbot, tmp_path, probe):
    from viewer.app import create_window

    data = tmp_path / "evildata"
    (data / "packs" / "evil").mkdir(parents=True)
    (data / "packs" / "evil" / "pack.toml").write_text(pack_text(probe[0]), encoding="utf-8")
    content = load_content(data_dir=data, use_cache=False)
    assert "X-EVIL1" in content.atlas.points, content.problems
    win = create_window(content=content, data_dir=data, size=(1200, 800))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def show_tooltip(qtbot, text: str) -> None:
    QToolTip.showText(QPoint(100, 100), text)
    qtbot.wait(20)
    QToolTip.hideText()


def rendered_as_text(label: QLabel) -> bool:
    from PySide6.QtCore import Qt

    fmt = label.textFormat()
    return fmt == Qt.TextFormat.PlainText or "<img" not in label.text()


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # QToolTip on the offscreen platform
def test_no_widget_loads_a_file_named_in_pack_or_plan_text(evil_window, qtbot, probe, tmp_path):
    """Marker, Browse, Layers tooltips, details, hover, study card, locate prompt, plan, patient view."""
    path, watch = probe
    win = evil_window
    assert not watch.opened()
    win.set_view("front")
    win.select("X-EVIL1")
    win.select("ST36")
    win.select("X-EVIL1")
    tips = []
    for scene in win.scenes.values():
        tips += [m.toolTip() for m in scene.by_code.get("X-EVIL1", [])]
    assert tips
    win.raise_panel("browse")
    win.browse.search.setText("X-EVIL1")
    tips += [win.browse.tree.topLevelItem(i).child(j).toolTip(c)
             for i in range(win.browse.tree.topLevelItemCount())
             for j in range(win.browse.tree.topLevelItem(i).childCount()) for c in range(3)]
    win.raise_panel("layers")
    tips += [box.toolTip() for box in win.findChildren(QCheckBox)]
    for tip in tips:
        show_tooltip(qtbot, tip)
    win.scenes["front"].pointHovered.emit("X-EVIL1")
    win.raise_panel("study")
    from viewer.ui.study_panel import CardsTab, LocateTab

    deck = Deck("custom:X-EVIL1", evil(path), ("X-EVIL1", "ST36", "LI4", "PC6"), POINT_KINDS)
    cards = CardsTab(win.content, StudyStore(tmp_path / "study"), extra_decks=(deck,))
    qtbot.addWidget(cards)
    cards.show()
    cards.start_session()
    for _ in range(8):
        if cards.question is None:
            break
        assert rendered_as_text(cards.prompt)
        qtbot.wait(5)
        cards.choose((cards.question.answer + 1) % 4)
    locate = LocateTab(win.content, StudyStore(tmp_path / "study"), extra_decks=(deck,))
    qtbot.addWidget(locate)
    locate.show()
    locate.next_point()
    qtbot.wait(20)
    win.add_to_plan_action.trigger()
    win.plans.panel.title.setText(evil(path))
    win.plans.panel.item_note.setText(evil(path))
    win.patient_action.trigger()
    qtbot.wait(20)
    win.patient_action.trigger()
    assert not watch.opened()
    for label in win.findChildren(QLabel) + cards.findChildren(QLabel) + locate.findChildren(QLabel):
        assert rendered_as_text(label), label.text()


def test_every_tooltip_and_html_escape_goes_through_the_one_helper():
    """No widget module escapes by itself or sets a tooltip from data without ``safe_text.tooltip``."""
    import re
    from pathlib import Path

    ui = Path(__file__).resolve().parents[1] / "viewer" / "ui"
    offenders = []
    for path in sorted(ui.glob("*.py")):
        text = path.read_text(encoding="utf-8")
        if path.name != "safe_text.py" and re.search(r"^\s*(from html import|import html)", text, re.M):
            offenders.append(f"{path.name}: imports html")
        for call in re.findall(r"setToolTip\((.*)\)", text):
            argument = call.split(",", 1)[-1].strip() if re.match(r"\d+,", call) else call
            if not (argument.startswith(("\"", "f\"", "_(\"")) or "tooltip(" in argument):  # _(): a translated literal
                offenders.append(f"{path.name}: setToolTip({call})")
    assert offenders == []
