"""A broken data file never stops the app: it starts with the valid content and says what was skipped."""
from __future__ import annotations

import shutil

from viewer.atlas.content import load_content
from viewer.atlas.resources import asset_path


def test_app_starts_with_valid_content_and_reports_the_broken_entry(qtbot, tmp_path):
    """A misspelt landmark in LU7 skips that marker only; the status bar and dialog name it."""
    folder = tmp_path / "meridians"
    shutil.copytree(asset_path("atlas/meridians"), folder)
    lu = folder / "LU.toml"
    text = lu.read_text(encoding="utf-8")
    start = text.index('code = "LU7"')
    place = text.index("place = [", start)
    end = text.index("]\n", place + 10) + 2
    text = text[:place] + 'place = [{ view = "front", at = "wrist_creese" }]\n' + text[end:]
    lu.write_text(text, encoding="utf-8")
    (folder / "HT.toml").write_text("[meridian\n", encoding="utf-8")

    content = load_content(folder)
    messages = [str(p) for p in content.problems]
    bad_landmark = "meridians/LU.toml: LU7.place[0].at: 'wrist_creese' is neither a landmark"
    assert any(m.startswith(bad_landmark) for m in messages)
    assert any(m.startswith("meridians/HT.toml: not valid TOML") for m in messages)
    assert content.layout.by_point.get("LU8")

    from viewer.app import create_window

    window = create_window(content=content, data_dir=tmp_path / "data", size=(1200, 800))
    qtbot.addWidget(window)
    window.show()
    assert "2 data problems" in window.messages.text
    assert "HT" not in content.atlas.meridians and "ST36" in window.scenes["front"].by_code
    window.show_problems()
    from viewer.ui.problems import ProblemsDialog

    dialog = window.findChild(ProblemsDialog)
    qtbot.waitUntil(dialog.isVisible, timeout=2000)
    assert "wrist_creese" in dialog.text.toPlainText()
    dialog.close()
