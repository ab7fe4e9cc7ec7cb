"""Nothing leaves this computer: no network socket in a full session, seen from Python and from the OS.

The promise (README, "Offline"): the app opens no network connection. The only sockets are local:
Unix-domain sockets of the desktop and, when printing, the local print service (CUPS, loopback port 631).
"""
from __future__ import annotations

import ast
import contextlib
import os
import re
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

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


def _full_session(window, qtbot, tmp_path) -> None:
    """Browse, search, select, compare, pain lookup, plan, handout, patient view, correspondence."""
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


def test_a_full_session_attempts_no_network_access(window, qtbot, tmp_path, monkeypatch):
    """The same session with the socket module's connecting calls replaced by traps."""
    attempts = []

    def trap(*args, **kwargs):
        attempts.append(args[1:] if args else kwargs)
        raise OSError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", trap)
    monkeypatch.setattr(socket.socket, "connect_ex", trap)
    monkeypatch.setattr(socket.socket, "sendto", trap)
    monkeypatch.setattr(socket, "create_connection", trap)
    monkeypatch.setattr(socket, "getaddrinfo", trap)
    _full_session(window, qtbot, tmp_path)
    assert attempts == []
    assert "PySide6.QtNetwork" not in sys.modules


# --- every socket the process opens, from Python (audit hook) and from C++ (system-call trace) ----------

_AUDIT = {"on": False, "seen": []}
_SOCKET_EVENTS = {"socket.__new__", "socket.connect", "socket.bind", "socket.sendto", "socket.sendmsg",
                  "socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr", "socket.getnameinfo"}


def _audit(event, args):
    if _AUDIT["on"] and event in _SOCKET_EVENTS:
        _AUDIT["seen"].append((event, args))


def _not_local(seen) -> list:
    """Socket events that are not Unix-domain: any network family, address or name lookup."""
    bad = []
    for event, args in seen:
        if event == "socket.__new__":
            if args[1] != socket.AF_UNIX:
                bad.append((event, args[1]))
        elif event in ("socket.connect", "socket.bind", "socket.sendto", "socket.sendmsg"):
            if getattr(args[0], "family", None) != socket.AF_UNIX:
                bad.append((event, args[1:]))
        else:
            bad.append((event, args))
    return bad


@pytest.fixture()
def socket_audit():
    if not getattr(sys, "_meridian_audit_installed", False):
        sys.addaudithook(_audit)  # audit hooks cannot be removed: it records only while "on"
        sys._meridian_audit_installed = True
    _AUDIT["seen"].clear()
    _AUDIT["on"] = True
    yield _AUDIT["seen"]
    _AUDIT["on"] = False


def test_the_audit_hook_sees_raw_sockets_udp_and_lookups(socket_audit):
    """The trap is real: a raw _socket connect, a UDP send, a bind and a name lookup are all seen."""
    import _socket

    raw = _socket.socket(_socket.AF_INET, _socket.SOCK_STREAM)
    raw.close()
    udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    with contextlib.suppress(OSError):
        udp.bind(("127.0.0.1", 0))
        udp.sendto(b"x", ("127.0.0.1", 9))
    udp.close()
    with contextlib.suppress(OSError):
        socket.getaddrinfo("localhost", 80)
    events = {event for event, _ in _not_local(list(socket_audit))}
    assert {"socket.__new__", "socket.bind", "socket.sendto", "socket.getaddrinfo"} <= events


def test_a_full_session_opens_no_network_socket_from_python(window, qtbot, tmp_path, socket_audit):
    """Browse, select, compare, plan, handout, study, patient view: no socket but Unix-domain ones."""
    _full_session(window, qtbot, tmp_path)
    assert _not_local(list(socket_audit)) == []


SESSION = r'''
import os, sys
from pathlib import Path
out = Path(sys.argv[1])
from viewer.app import create_window, ensure_application
app = ensure_application()
w = create_window(data_dir=out / "data", size=(1000, 700))
w.show(); app.processEvents()
for code in ("ST36", "BL23", "tp:QL1", "m:quadratus_lumborum", "LI4"):
    w.select(code); app.processEvents()
for panel in ("compare", "muscles", "layers", "browse", "plan", "study"):
    w.raise_panel(panel); app.processEvents()
for view in ("back", "side", "soles", "front"):
    w.set_view(view); app.processEvents()
w.add_to_plan_action.trigger()
assert w.plans.save_plan_as(out / "p.mvplan") and w.plans.export_handout(out / "h.pdf")
w.patient_action.trigger(); app.processEvents(); w.patient_action.trigger()
from PySide6.QtPrintSupport import QPrinter
printer = QPrinter(QPrinter.PrinterMode.HighResolution)  # what Print does first: ask the print service
w.close(); app.processEvents()
print("session done")
'''

_INET = re.compile(r"(connect|bind|sendto|sendmsg)\(\d+,.*?\{sa_family=(AF_INET6?)[^}]*?htons\((\d+)\)"
                   r"[^}]*?(?:inet_addr\(\"([^\"]+)\"\)|inet_pton\(AF_INET6, \"([^\"]+)\")")
_FAMILY = re.compile(r"socket\((AF_[A-Z0-9]+)")
_OTHER = re.compile(r"(connect|bind|sendto|sendmsg)\(\d+,.*?\{sa_family=(AF_[A-Z0-9]+)")
_PRINT_SERVICE = 631


def network_use(trace: str) -> list[str]:
    """Trace lines that reach beyond this computer: any socket but Unix-domain, or loopback to the printer."""
    bad = []
    for line in trace.splitlines():
        family = _FAMILY.search(line)
        if family and family.group(1) not in ("AF_UNIX", "AF_LOCAL", "AF_INET", "AF_INET6"):
            bad.append(line)
        inet = _INET.search(line)
        if inet:
            port, host = int(inet.group(3)), inet.group(4) or inet.group(5)
            if not (host in ("127.0.0.1", "::1") and port == _PRINT_SERVICE):
                bad.append(line)
        elif (other := _OTHER.search(line)) and other.group(2) not in ("AF_UNIX", "AF_LOCAL", "AF_UNSPEC"):
            bad.append(line)
    return bad


def test_the_trace_checker_flags_what_leaves_the_computer():
    """Loopback to the print service and Unix sockets pass; anything else is flagged."""
    ok = ('1 connect(9, {sa_family=AF_INET, sin_port=htons(631), sin_addr=inet_addr("127.0.0.1")}, 16) = 0\n'
          '1 connect(3, {sa_family=AF_UNIX, sun_path="/tmp/.X11-unix/X0"}, 20) = 0\n'
          '1 socket(AF_INET6, SOCK_STREAM, IPPROTO_IP) = 9\n')
    bad = ('1 connect(9, {sa_family=AF_INET, sin_port=htons(443), sin_addr=inet_addr("93.184.216.34")}, 16) = 0\n'
           '1 sendto(5, "x", 1, 0, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr("127.0.0.53")}, 16)\n'
           '1 socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE) = 4\n')
    assert network_use(ok) == [] and len(network_use(bad)) == 3


@pytest.mark.skipif(not sys.platform.startswith("linux") or shutil.which("strace") is None,
                    reason="needs Linux and strace (.ci/run installs it)")
def test_a_full_session_opens_no_network_socket_at_the_system_level(tmp_path):
    """strace of a whole session (C++ included): only Unix sockets and loopback to the print service."""
    trace = tmp_path / "trace.txt"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", MERIDIAN_VIEWER_DATA=str(tmp_path / "data"))
    result = subprocess.run(["strace", "-f", "-qq", "-e", "trace=socket,connect,bind,sendto,sendmsg,listen",
                             "-o", str(trace), sys.executable, "-c", SESSION, str(tmp_path)],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    if not trace.exists() or (result.returncode != 0 and "ptrace" in result.stderr.lower()):
        pytest.skip(f"strace cannot trace here: {result.stderr.strip()[:200]}")
    assert result.returncode == 0 and "session done" in result.stdout, result.stderr
    assert network_use(trace.read_text(errors="replace")) == []
