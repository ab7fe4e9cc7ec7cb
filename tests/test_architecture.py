"""The domain package stays Qt-free and the UI stays in small files."""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_domain_sources_import_no_qt():
    """No module of viewer/atlas imports PySide6, shiboken or any other Qt binding."""
    offenders = {}
    for path in (ROOT / "viewer" / "atlas").rglob("*.py"):
        bad = {n for n in _imports(path) if n.split(".")[0] in {"PySide6", "shiboken6", "PyQt5", "PyQt6", "PySide2"}}
        if bad:
            offenders[path.name] = bad
    assert offenders == {}


def test_domain_loads_and_places_without_qt_in_a_fresh_interpreter():
    """Loading and placing the whole atlas leaves PySide6 out of sys.modules."""
    code = ("import sys; from viewer.atlas.content import load_content; c = load_content(); "
            "assert c.layout.markers['front']; "
            "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken'))))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_ui_modules_stay_small():
    """Widgets are small files; the main window stays under 500 lines."""
    sizes = {p.name: len(p.read_text(encoding="utf-8").splitlines()) for p in (ROOT / "viewer" / "ui").glob("*.py")}
    assert sizes["main_window.py"] < 500
    assert max(sizes.values()) < 500, sizes
