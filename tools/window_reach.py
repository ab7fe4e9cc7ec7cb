"""How much of the main window the controllers reach: the distinct window attributes each one reads or sets.

A controller that is handed the view-state model and the services it needs reaches few; one handed the
whole window reaches many. Counted are the main window's own attributes (its widgets, actions, state and
methods), not what every QMainWindow has (saveState, addDockWidget …), which a controller uses to lay out
docks on it. Run ``python tools/window_reach.py`` (docs/architecture.md quotes the figures).
"""
from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONTROLLERS = ("modes", "study_wiring", "plan_controller", "safety_wiring", "actions")
WINDOW_NAMES = {"window", "win", "w"}  # what the controllers call the main window


def _is_window(node: ast.expr) -> bool:
    if isinstance(node, ast.Name):
        return node.id in WINDOW_NAMES
    return isinstance(node, ast.Attribute) and node.attr == "window" and isinstance(node.value, ast.Name) \
        and node.value.id == "self"


def reach(source: str) -> tuple[set[str], set[str]]:
    """(attributes read, attributes set) on the window in one module's source, QMainWindow's own left out."""
    from PySide6.QtWidgets import QMainWindow

    read, written = set(), set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Attribute) and _is_window(node.value) and not hasattr(QMainWindow, node.attr):
            (written if isinstance(node.ctx, ast.Store) else read).add(node.attr)
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "setattr" \
                and node.args and _is_window(node.args[0]):
            written.add("setattr(...)")
    return read, written


def main() -> int:
    total: set[str] = set()
    for name in CONTROLLERS:
        read, written = reach((ROOT / "viewer" / "ui" / f"{name}.py").read_text(encoding="utf-8"))
        total |= read | written
        print(f"{name:16} reads {len(read):3}  sets {len(written):2}")
    print(f"{'all':16} {len(total)} distinct window attributes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
