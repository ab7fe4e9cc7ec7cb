"""One message channel: every status and error message of the app goes through :class:`Messages`.

A message has a level and a time to stay. One message is up at a time: a new one replaces it, except that
an information does not push aside a warning or an error whose time is not up yet — it waits and comes when
that one goes (a message that stays until replaced is replaced by any other).
The status line is one subscriber; it shows the message, or the view's name when there is none, so two
messages (or a message and the view's name) are never drawn on top of each other.
"""
from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum

from .model import Record


class Level(IntEnum):
    INFO = 0  # something was done ("Saved low-back.mvplan")
    WARNING = 1  # something was not done, the app goes on ("The language could not be saved")
    ERROR = 2  # a file or a setting is wrong and stays so until the user acts


STAY = {Level.INFO: 5.0, Level.WARNING: 10.0, Level.ERROR: 0.0}  # seconds up by default; 0: until replaced


class Message(Record, frozen=True):
    text: str
    level: Level = Level.INFO
    seconds: float = 5.0  # how long it stays up; 0: until another message replaces it


class Messages:
    """The channel: ``say()`` a message; subscribers hear the message now up (None: none)."""

    def __init__(self) -> None:
        self.current: Message | None = None
        self._waiting: Message | None = None  # an information that came while a warning was up
        self._subscribers: list[Callable[[Message | None], None]] = []

    @property
    def text(self) -> str:
        return self.current.text if self.current is not None else ""

    def subscribe(self, callback: Callable[[Message | None], None]) -> None:
        self._subscribers.append(callback)

    def say(self, text: str, level: Level = Level.INFO, seconds: float | None = None) -> Message:
        """Put ``text`` up (for ``seconds``, by default as long as its level says)."""
        message = Message(text, level, STAY[level] if seconds is None else seconds)
        current = self.current
        if current is not None and current.seconds > 0 and message.level < current.level:
            self._waiting = message
        else:
            self._waiting = None
            self._show(message)
        return message

    def warn(self, text: str, seconds: float | None = None) -> Message:
        return self.say(text, Level.WARNING, seconds)

    def error(self, text: str, seconds: float | None = None) -> Message:
        return self.say(text, Level.ERROR, seconds)

    def expire(self, message: Message) -> None:
        """``message``'s time is up: take it down if it is still the one up (and show any that waited)."""
        if message is self.current:
            waiting, self._waiting = self._waiting, None
            self._show(waiting)

    def clear(self) -> None:
        self._waiting = None
        self._show(None)

    def _show(self, message: Message | None) -> None:
        self.current = message
        for callback in list(self._subscribers):
            callback(message)
