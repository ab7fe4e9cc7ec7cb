"""The app never touches the network: a full session with every socket call trapped."""
from __future__ import annotations

import ast
import socket
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NETWORK_MODULES = {"socket", "urllib", "http", "requests", "ssl", "ftplib", "smtplib", "PySide6.QtNetwork",
                   "PySide6.QtWebEngineCore", "asyncio"}


def test_no_module_of_the_app_imports_a_network_library():
    """No source file under viewer/ imports socket, urllib, http, QtNetwork and the like."""
    found = {}
    for path in (ROOT / "viewer").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            bad = [n for n in names if n in NETWORK_MODULES or n.split(".")[0] in NETWORK_MODULES - {"PySide6"}]
            if bad:
                found[path.name] = bad
    assert found == {}


def test_a_full_session_attempts_no_network_access(window, qtbot, tmp_path, monkeypatch):
    """Browse, search, select, compare, pain lookup, plan, handout, presentation: no socket is opened."""
    attempts = []

    def trap(*args, **kwargs):
        attempts.append(args[1:] if args else kwargs)
        raise OSError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", trap)
    monkeypatch.setattr(socket.socket, "connect_ex", trap)
    monkeypatch.setattr(socket.socket, "sendto", trap)
    monkeypatch.setattr(socket, "create_connection", trap)
    monkeypatch.setattr(socket, "getaddrinfo", trap)

    qtbot.keyClicks(window.browse.search, "zusanli")
    window.select("ST36")
    window.raise_panel("compare")
    window.compare.set_voice("student")
    for view in ("back", "side", "soles", "front"):
        window.set_view(view)
    window.select("tp:QL1")
    window.pain_action.trigger()
    back = window.content.body.view("back")
    window.set_view("back")
    window.scenes["back"].spotClicked.emit(*back.landmark("psis"))
    window.pain_action.trigger()
    window.select("BL23")
    window.add_to_plan_action.trigger()
    assert window.plans.save_plan_as(tmp_path / "p.mvplan")
    assert window.plans.export_handout(tmp_path / "h.pdf")
    window.patient_action.trigger()
    window.patient_action.trigger()
    window.show_correspondence()
    assert attempts == []
    assert "PySide6.QtNetwork" not in sys.modules
