"""Packaging: open licences in SPDX form, a console command beside the GUI one, lean runtime deps."""
from __future__ import annotations

import os
import struct
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def test_licences_are_spdx_with_their_files():
    """Code and content licences are an SPDX expression, and every licence file it names exists."""
    assert PROJECT["license"] == "MIT AND CC-BY-SA-4.0"
    files = PROJECT["license-files"]
    assert all((ROOT / f).is_file() for f in files)
    assert "MIT License" in (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "CC-BY-SA-4.0" in (ROOT / "assets" / "LICENSE").read_text(encoding="utf-8")
    assert not any(c.startswith("License ::") for c in PROJECT["classifiers"])  # PEP 639 forbids both


def test_console_and_gui_commands_run_the_same_main_under_different_names():
    """A console script keeps stdout on Windows; the GUI one is for launchers; names differ."""
    console, gui = PROJECT["scripts"], PROJECT["gui-scripts"]
    assert console["meridian-viewer"] == gui["meridian-viewer-gui"] == "viewer.__main__:main"
    assert not set(console) & set(gui)


def test_runtime_needs_no_pillow():
    """Pillow is only in the extras; a handout PNG is written with PIL unimportable and keeps its DPI."""
    assert not any(dep.lower().startswith("pillow") for dep in PROJECT["dependencies"])
    out = Path(os.environ["MERIDIAN_VIEWER_DATA"]) / "handout.png"
    out.parent.mkdir(parents=True, exist_ok=True)  # an output folder must exist (a missing one is refused)
    script = ("import sys; sys.modules['PIL'] = None\n"
              "from viewer.__main__ import main\n"
              f"raise SystemExit(main(['export', 'handout', '--plan', 'docs/examples/low-back.mvplan', "
              f"'-o', {str(out)!r}]))")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    data = out.read_bytes()
    at = data.index(b"pHYs")
    x, y, unit = struct.unpack(">IIB", data[at + 4:at + 13])
    assert unit == 1 and abs(x * 0.0254 - 150) < 0.05 and x == y


def test_user_folders_come_from_platformdirs(monkeypatch):
    """Without overrides the data and cache folders are platformdirs' ones; the overrides still win."""
    import platformdirs

    from viewer.atlas import paths

    monkeypatch.delenv("MERIDIAN_VIEWER_DATA")
    monkeypatch.delenv("MERIDIAN_VIEWER_CACHE")
    assert paths.user_data_dir() == Path(platformdirs.user_data_dir("meridian-viewer", False, roaming=True))
    assert paths.user_cache_dir() == Path(platformdirs.user_cache_dir("meridian-viewer", False))
    monkeypatch.setenv("MERIDIAN_VIEWER_DATA", "/x/data")
    monkeypatch.setenv("MERIDIAN_VIEWER_CACHE", "off")
    assert paths.user_data_dir() == Path("/x/data") and paths.user_cache_dir() is None
