"""The printable quiz: page 1 a blank figure with the points to find, page 2 the answers drawn."""
from __future__ import annotations

import shutil
import subprocess

import pytest
from PIL import Image

from viewer.atlas.plan import Plan


def _marker_pixels(path) -> int:
    """Pixels in the figure's half of the page that are strongly blue or red (dots, crosses, zones)."""
    with Image.open(path) as page:
        rgb = page.convert("RGB")
        half = rgb.crop((0, 0, rgb.width // 2 + rgb.width // 10, rgb.height))
        pixels = half.tobytes()
        triples = (pixels[i:i + 3] for i in range(0, len(pixels), 3))
        return sum(1 for r, g, b in triples if (b > r + 60 and b > g + 40) or (r > 180 and g < 110 and b < 110))


def test_quiz_sheet_is_blank_and_answer_sheet_shows_the_points(window, tmp_path, qtbot):
    """Two A4 pages; only the answer sheet has the plan's dots and crosses on the figure."""
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm not installed")
    plan = Plan("Week 3")
    for key in ("BL23", "BL40", "tp:QL1"):
        plan.add(key)
    window.plan_panel.set_plan(plan)
    out = tmp_path / "quiz.pdf"
    assert window.plans.export_quiz(out)
    subprocess.run(["pdftoppm", "-png", "-r", "50", str(out), str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page*.png"))
    assert len(pages) == 2
    blank, answers = (_marker_pixels(p) for p in pages)
    assert blank < 10 and answers > 60, (blank, answers)


def test_quiz_export_failure_is_reported_and_writes_nothing(window, tmp_path):
    """A target whose folder is a file: nothing written, a message, and the app carries on."""
    window.plan_panel.set_plan(Plan("x"))
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    target = tmp_path / "afile" / "quiz.pdf"
    assert not window.plans.export_quiz(target)
    assert not target.exists() and window.plans.last_error.startswith("Quiz sheet not exported")


def test_quiz_from_the_command_line(tmp_path):
    """'export quiz --plan FILE -o OUT.pdf' writes the two-page PDF."""
    import os
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    out = tmp_path / "quiz.pdf"
    result = subprocess.run([sys.executable, "-m", "viewer", "export", "quiz",
                             "--plan", "docs/examples/low-back.mvplan", "-o", str(out)],
                            cwd=root, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    data = out.read_bytes()
    assert data.startswith(b"%PDF") and data.count(b"/Type /Page") - data.count(b"/Type /Pages") == 2
