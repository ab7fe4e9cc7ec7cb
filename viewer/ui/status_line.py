"""The status bar's left side, the one subscriber of the message channel that draws it.

It shows the message up (``viewer.atlas.messages``), else the view's name and the point under the
pointer: one thing at a time, whatever came first, so nothing is drawn on top of anything else. The
channel decides which message is up; this widget only times it and shows it.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel, QStatusBar

from ..atlas.i18n import ngettext
from ..atlas.messages import Message, Messages
from .safe_text import plain


class StatusLine(QObject):
    def __init__(self, bar: QStatusBar, messages: Messages):
        super().__init__(bar)
        self.messages = messages
        labels = {name: plain(QLabel()) for name in ("message", "view", "hover")}
        for name, label in labels.items():
            label.setObjectName(f"status_{name}")
            bar.addWidget(label)
        self.message_label, self.view_label, self.hover_label = labels.values()
        self.message_label.hide()
        self._shown: Message | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(lambda: self._shown is not None and messages.expire(self._shown))
        messages.subscribe(self._on_message)

    def _on_message(self, message: Message | None) -> None:
        self._shown = message
        self.message_label.setText(message.text if message is not None else "")
        self.message_label.setVisible(message is not None)
        self.view_label.setVisible(message is None)
        self.hover_label.setVisible(message is None)
        self._timer.stop()
        if message is not None and message.seconds > 0:
            self._timer.start(round(message.seconds * 1000))


def report_load_problems(messages: Messages, problems: list, favourites) -> None:
    """At start: a favourites file that could not be read, else how many data entries were skipped."""
    if favourites is not None and favourites.note:
        messages.error(favourites.note)
    elif problems:
        text = ngettext("{n} data problem: some entries were skipped (Help ▸ Load problems).",
                        "{n} data problems: some entries were skipped (Help ▸ Load problems).", len(problems))
        messages.warn(text.format(n=len(problems)), seconds=0)
