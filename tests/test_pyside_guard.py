"""Guard against the PySide6 6.12-on-Python-3.11 reference leak on None (none_dealloc abort)."""
from __future__ import annotations

import sys


def test_void_calls_do_not_leak_none(qtbot):
    """500 void Qt calls leave the reference count of None where it was."""
    from PySide6.QtWidgets import QLabel

    label = QLabel()
    qtbot.addWidget(label)
    label.setText("warm-up")
    before = sys.getrefcount(None)
    for i in range(500):
        label.setText(str(i))
    after = sys.getrefcount(None)
    assert abs(after - before) < 50, f"None refcount drifted by {after - before}"


def test_installed_pyside_is_not_the_broken_release():
    """On Python < 3.12 the installed PySide6 must not be a 6.12.x release."""
    import PySide6

    if sys.version_info < (3, 12):
        assert not PySide6.__version__.startswith("6.12."), PySide6.__version__
