"""Command line: screenshot, export, and clear errors for bad arguments."""
from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parents[1]


def run(*args, tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", MERIDIAN_VIEWER_DATA=str(tmp_path / "data"))
    return subprocess.run([sys.executable, "-m", "viewer", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def test_screenshot_renders_the_requested_size_with_the_selection(tmp_path):
    """--screenshot writes a PNG of the given size whose diagram is not blank."""
    out = tmp_path / "bl23.png"
    result = run("--view", "back", "--select", "bl 23", "--screenshot", str(out), "--size", "900x600",
                 tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    image = Image.open(out).convert("RGB")
    assert image.size == (900, 600)
    colours = image.resize((60, 40)).getcolors(4000)
    assert len(colours) > 20  # a drawing, not an empty window


def test_unknown_point_is_a_clear_error(tmp_path):
    """--select with a name that is no point exits 2 and says so."""
    result = run("--select", "XX99", "--screenshot", str(tmp_path / "x.png"), tmp_path=tmp_path)
    assert result.returncode == 2
    assert "no point called 'XX99'" in result.stderr
    assert not (tmp_path / "x.png").exists()


def test_bad_size_is_refused_by_the_parser(tmp_path):
    """--size must look like WxH."""
    result = run("--size", "big", "--screenshot", str(tmp_path / "x.png"), tmp_path=tmp_path)
    assert result.returncode == 2
    assert "size must look like 1600x1000" in result.stderr


def test_export_csv_has_every_marker_with_coordinates(tmp_path, content):
    """CSV export: one row per marker, normalised coordinates within the figure."""
    result = run("export", "points", "--format", "csv", tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == sum(len(v) for v in content.layout.markers.values())
    assert {r["code"] for r in rows} == set(content.atlas.points)
    bl23 = [r for r in rows if r["code"] == "BL23" and r["view"] == "back"]
    assert {r["side"] for r in bl23} == {"left", "right"}
    assert float(bl23[0]["x"]) == -float(bl23[1]["x"])
    bounds = {name: view.bounds for name, view in content.body.views.items()}
    assert all(bounds[r["view"]][1] <= float(r["y"]) <= bounds[r["view"]][3] for r in rows)
    # whole figures: y from the vertex (0) to the soles (1); the side view's raised hand lies above the vertex
    assert all(float(r["y"]) <= 1.0 for r in rows if not content.body.spec(r["view"]).is_plate)
    st36 = next(r for r in rows if r["code"] == "ST36")
    assert st36["pinyin"] == "Zúsānlǐ" and st36["hanzi"] == "足三里" and st36["meridian"] == "ST"


def test_export_json_to_file(tmp_path):
    """JSON export written to a file carries the coordinate convention and the points."""
    out = tmp_path / "points.json"
    result = run("export", "points", "--format", "json", "-o", str(out), tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert "vertex" in data["coordinates"]
    gv20 = [p for p in data["points"] if p["code"] == "GV20"]
    assert gv20 and all(p["side"] == "mid" or p["view"] == "side" for p in gv20)


def test_export_views_lists_every_view_with_bounds_that_hold_its_markers(tmp_path, content):
    """export views --format json: every view with name, title, parent, region, bounds, mirroring, sides and
    axes; every marker of export points lies inside its view's bounds, and plates have markers of their own."""
    views = json.loads(run("export", "views", "--format", "json", tmp_path=tmp_path).stdout)["views"]
    points = json.loads(run("export", "points", "--format", "json", tmp_path=tmp_path).stdout)["points"]
    assert [v["name"] for v in views] == list(content.body.views)
    assert len(views) >= 10
    assert set(views[0]) == {"name", "title", "parent", "region", "x0", "y0", "x1", "y1", "mirrored",
                             "positive_side", "x_axis", "y_axis"}
    by_name = {v["name"]: v for v in views}
    plates = [v for v in views if v["parent"]]
    assert plates and all(by_name[v["parent"]]["parent"] == "" for v in plates)
    for p in points:
        v = by_name[p["view"]]
        assert v["x0"] <= p["x"] <= v["x1"] and v["y0"] <= p["y"] <= v["y1"], p
    assert all(any(p["view"] == v["name"] for p in points) for v in plates)
    spanish = json.loads(run("export", "views", "--format", "json", "--lang", "es", tmp_path=tmp_path).stdout)
    assert spanish["views"][0]["title"] != views[0]["title"]  # the titles are translated


# --- outputs that cannot be written: one line naming the path and the reason, non-zero exit ------------

def _check_refusal(result, path):
    assert result.returncode != 0
    lines = [line for line in result.stderr.splitlines() if line.strip() and not line.startswith("qt ")]
    assert len(lines) == 1 and str(path) in lines[0] and "Traceback" not in result.stderr, result.stderr


def test_outputs_that_cannot_be_written_are_refused_in_one_line(tmp_path):
    """--screenshot, export points -o, export handout (PDF and PNG): folder or missing folder as output."""
    plan = ROOT / "docs" / "examples" / "low-back.mvplan"
    (tmp_path / "a-folder.png").mkdir()
    (tmp_path / "a-folder.pdf").mkdir()
    (tmp_path / "a-folder.json").mkdir()
    cases = []
    for base in (tmp_path / "a-folder", tmp_path / "missing" / "out"):
        cases += [(("--screenshot", f"{base}.png", "--size", "400x300"), f"{base}.png"),
                  (("export", "points", "--format", "json", "-o", f"{base}.json"), f"{base}.json"),
                  (("export", "handout", "--plan", str(plan), "-o", f"{base}.pdf"), f"{base}.pdf"),
                  (("export", "handout", "--plan", str(plan), "-o", f"{base}.png"), f"{base}.png")]
    for args, path in cases:
        _check_refusal(run(*args, tmp_path=tmp_path), path)
    assert not (tmp_path / "missing").exists()


def test_handout_pdf_that_cannot_be_written_is_a_failure_not_saved(tmp_path, content, monkeypatch, qtbot):
    """The PDF is rendered in memory and written atomically: a failed write raises, no 'saved', no file."""
    import pytest

    from viewer.atlas.plan import load_plan
    from viewer.ui import handout, printing

    plan = load_plan(ROOT / "docs" / "examples" / "low-back.mvplan")

    def full_disk(path, data):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(printing, "atomic_write_bytes", full_disk)  # where every PDF is written
    with pytest.raises(OSError):
        handout.export_pdf(content, plan, tmp_path / "h.pdf")
    assert not (tmp_path / "h.pdf").exists()


def test_the_window_reports_a_failed_handout_as_failure(window, tmp_path, monkeypatch):
    """Export handout into a missing folder: the status bar says 'not exported', never 'written'."""
    from viewer.ui import dialogs

    window.select("BL23")
    window.add_to_plan_action.trigger()
    target = tmp_path / "gone" / "handout.pdf"
    monkeypatch.setattr("viewer.atlas.store.Path.mkdir", lambda *a, **k: (_ for _ in ()).throw(
        PermissionError(13, "Read-only file system")))
    messages = []
    window.plans.message.connect(messages.append)
    assert not window.plans.export_handout(target)
    assert messages and "not exported" in messages[-1] and not target.exists()
    assert dialogs  # file dialogs untouched: the path is given


def test_a_plan_that_is_a_named_pipe_does_not_hang(tmp_path):
    """--plan on a FIFO is refused at once with the file named."""
    if not hasattr(os, "mkfifo"):
        return
    fifo = tmp_path / "pipe.mvplan"
    os.mkfifo(fifo)
    result = run("--plan", str(fifo), "--screenshot", str(tmp_path / "x.png"), "--size", "400x300",
                 tmp_path=tmp_path)
    assert result.returncode == 2 and "pipe.mvplan" in result.stderr and "not a regular file" in result.stderr
