"""The patient's language: the patient view, the exported handout and `export handout --lang`,
separate from the user's own language."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from viewer.atlas.localize import localize

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "docs" / "examples" / "low-back.mvplan"
needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) missing")


def _pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def _words(text: str) -> str:
    return " ".join(text.split())


@needs_pdftotext
@pytest.mark.parametrize(("lang", "heading", "unit"),
                         [("es", "Plan de tratamiento", "cun"), ("zh_CN", "治疗方案", "寸")])
def test_export_handout_lang_writes_the_handout_in_that_language(tmp_path, content, lang, heading, unit):
    out = tmp_path / f"handout-{lang}.pdf"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", MERIDIAN_VIEWER_DATA=str(tmp_path / "data"), LANG="C")
    result = subprocess.run([sys.executable, "-m", "viewer", "export", "handout", "--plan", str(PLAN), "-o", str(out),
                             "--lang", lang], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    text = _words(_pdf_text(out))
    assert heading in text and unit in text
    assert "Treatment plan" not in text and "educational handout" not in text
    bl23 = _words(localize(content, lang).content.atlas.points["BL23"].location)
    assert bl23[:25] in text  # the point's location from the content translation


def test_the_patient_view_speaks_the_patients_language_while_the_window_stays_english(window, qtbot):
    window.plans.open_plan(PLAN)
    window.patient_action.trigger()
    panel = window.patient_view.panel
    assert "The points on the picture" in panel.toPlainText()
    box = window.patient_view.dock.findChild(QComboBox, "patient_language")
    assert box.accessibleName()
    box.setFocus()
    while box.currentData() != "es":
        qtbot.keyClick(box, Qt.Key.Key_Down)
    text = panel.toPlainText()
    assert "Los puntos de la imagen, en orden" in text and "The points on the picture" not in text
    assert localize(window.content, "es").content.atlas.points["BL40"].english in text
    menu = window.findChild(type(window.menuBar().actions()[0].menu()), "patient_language_menu")
    checked = [a.data() for a in menu.actions() if a.isChecked()]
    assert checked == ["es"]  # the File menu follows the patient view's choice
    assert window.menuBar().actions()[0].text() == "&File"  # the user's language is unchanged


@needs_pdftotext
def test_the_exported_handout_uses_the_patients_language(window, tmp_path):
    window.plans.open_plan(PLAN)
    menu = window.findChild(type(window.menuBar().actions()[0].menu()), "patient_language_menu")
    next(a for a in menu.actions() if a.data() == "zh_CN").trigger()
    out = tmp_path / "handout.pdf"
    assert window.plans.export_handout(out)
    text = _words(_pdf_text(out))
    assert "治疗方案" in text and "Treatment plan" not in text
    next(a for a in menu.actions() if a.data() == "").trigger()  # back to the user's language
    assert window.plans.export_handout(out)
    assert "Treatment plan" in _words(_pdf_text(out))
