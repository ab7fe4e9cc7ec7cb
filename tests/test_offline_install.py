"""The README's offline installation, followed for real: gather wheels, then install with no index.

Slow (a fresh virtual environment with PySide6); run with ``--run-slow`` (CI does, see .ci/run).
"""
from __future__ import annotations

import csv
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

GATHER = "python tools/gather_wheels.py --out wheelhouse"
INSTALL = "pip install --no-index --find-links wheelhouse meridian-viewer"


def _readme_section() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return readme.split("## Install without internet", 1)[1].split("\n## ", 1)[0]


def test_readme_gives_the_commands_this_test_runs():
    """The README's offline section shows exactly the gather and install commands followed below."""
    section = _readme_section()
    assert GATHER in section and INSTALL in section


def _offline_env(tmp_path: Path) -> dict:
    """pip with no configuration, no extra links, and a proxy that refuses every connection."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PIP_")}
    env.update(PIP_CONFIG_FILE=os.devnull, PIP_DISABLE_PIP_VERSION_CHECK="1", HTTP_PROXY="http://127.0.0.1:9",
               HTTPS_PROXY="http://127.0.0.1:9", PIP_PROXY="http://127.0.0.1:9", QT_QPA_PLATFORM="offscreen",
               MERIDIAN_VIEWER_DATA=str(tmp_path / "data"), MERIDIAN_VIEWER_CACHE="off")
    env.pop("PYTHONPATH", None)
    return env


@pytest.mark.slow
def test_offline_install_from_gathered_wheels(tmp_path):
    """Gather, then install into a fresh venv with --no-index; the console command works (export to a file)."""
    wheelhouse = tmp_path / "wheelhouse"
    gather = GATHER.replace("python ", f"{sys.executable} ", 1).replace("--out wheelhouse", f"--out {wheelhouse}")
    subprocess.run(gather.split(), cwd=ROOT, check=True, timeout=900)
    assert (wheelhouse / "INSTALL.txt").is_file() and list(wheelhouse.glob("meridian_viewer-*.whl"))

    venv = tmp_path / "lab-venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    bindir = venv / ("Scripts" if sys.platform == "win32" else "bin")
    env = _offline_env(tmp_path)
    install = INSTALL.replace("pip ", f"{bindir / 'pip'} ", 1).replace("wheelhouse", str(wheelhouse), 1)
    result = subprocess.run(install.split(), cwd=tmp_path, env=env, capture_output=True, text=True, timeout=900,
                            check=False)
    assert result.returncode == 0, result.stdout + result.stderr

    # 'meridian-viewer export points > points.csv': the console script's stdout reaches the file
    with open(tmp_path / "points.csv", "w", encoding="utf-8") as out:
        done = subprocess.run([str(bindir / "meridian-viewer"), "export", "points"], cwd=tmp_path, env=env,
                              stdout=out, stderr=subprocess.PIPE, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader((tmp_path / "points.csv").open(encoding="utf-8")))
    assert len(rows) > 700 and {"BL23", "GV20"} <= {r["code"] for r in rows}

    # the installed app starts, paints and quits; it has no Pillow and needs none
    started = subprocess.run([str(bindir / "meridian-viewer"), "--quit-on-paint"], cwd=tmp_path, env=env,
                             capture_output=True, text=True, timeout=300, check=False)
    assert started.returncode == 0 and re.search(r"first paint at", started.stdout), started.stderr
    no_pil = subprocess.run([str(bindir / "python"), "-c", "import PIL"], env=env, capture_output=True, check=False)
    assert no_pil.returncode != 0
    assert (bindir / "meridian-viewer-gui").exists()
    licences = list(venv.rglob("meridian_viewer-*.dist-info/licenses/**/LICENSE"))
    assert len(licences) == 2


def test_ci_runs_the_slow_tests_and_the_bundle_smoke_test_after_the_readme_command():
    """.ci/run follows the README command with the slow tests, the bundle build and its smoke test."""
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    readme_at = script.index("python -m pytest -q\n")
    steps = ["python -m pytest -q --run-slow -m slow", "python tools/build_bundle.py",
             "python tools/smoke_bundle.py dist/meridian-viewer"]
    positions = [script.index(step) for step in steps]
    assert readme_at < positions[0] < positions[1] < positions[2]
    assert "set -euo pipefail" in script
