"""Screen readers: every control has a name, and the body diagram says what is selected on it.

Controls that show their own text (push buttons, check boxes, tool buttons of actions, tabs) are named
by Qt from that text, which stays true when the text changes. Every other control is named where it is
made, with ``named()`` or a buddy label; ``name_parts()`` names the pieces Qt adds by itself (a line
edit's clear button, a toolbar's overflow button). ``unnamed()`` lists what is still missing (tests).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

from ..atlas.i18n import N_, _

# The Qt classes are imported where they are used: importing a Qt class makes PySide6 build its Python
# type and enums, and this module is loaded before the window's first picture, which needs none of them.


def _interactive() -> tuple[type, ...]:
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QAbstractSlider,
        QAbstractSpinBox,
        QComboBox,
        QGraphicsView,
        QLineEdit,
        QPlainTextEdit,
        QTabBar,
        QTextEdit,
    )

    return (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView, QTabBar, QAbstractSpinBox,
            QAbstractSlider, QTextEdit, QPlainTextEdit, QGraphicsView)
# Qt-made pieces with a fixed job, named by what they do.
PART_NAMES = {"qt_toolbar_ext_button": N_("More toolbar buttons"), "qt_menubar_ext_button": N_("More menus"),
              "qt_tableview_cornerbutton": N_("Select the whole table")}


def named(widget: QWidget, name: str, description: str = "") -> QWidget:
    """Give ``widget`` the name a screen reader says (and a longer description); returns the widget."""
    widget.setAccessibleName(name)
    if description:
        widget.setAccessibleDescription(description)
    return widget


def buddy(label, widget: QWidget):
    """Tie ``label`` to ``widget``: Qt names the widget from it, and the label's &-letter focuses it."""
    label.setBuddy(widget)
    return label


def accessible_name(widget: QWidget) -> str:
    """The name assistive technology is given for ``widget`` (its own, or the one Qt derives)."""
    from PySide6.QtGui import QAccessible

    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name).strip() if interface is not None else ""


def _is_part(widget: QWidget) -> bool:
    """Scroll bars and header rows of a list or text area, the drop-down list of a combo box: their owner
    carries the name and the screen reader reaches them through it."""
    from PySide6.QtWidgets import QAbstractScrollArea, QComboBox, QHeaderView, QScrollBar

    if isinstance(widget, QHeaderView):
        return True
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(widget, QScrollBar) and isinstance(parent, QAbstractScrollArea):
            return True
        if isinstance(parent, QComboBox):
            return True
        parent = parent.parentWidget()
    return False


def name_parts(root: QWidget) -> None:
    """Name the controls Qt adds by itself under ``root`` (call once the widgets exist)."""
    from PySide6.QtWidgets import QAbstractButton, QLineEdit, QMenuBar, QToolBar, QToolButton

    for widget in root.findChildren(QAbstractButton):
        if accessible_name(widget):
            continue
        parent = widget.parentWidget()
        if widget.objectName() in PART_NAMES:
            widget.setAccessibleName(_(PART_NAMES[widget.objectName()]))
        elif isinstance(parent, QLineEdit) and isinstance(widget, QToolButton):  # a line edit's clear button
            widget.setAccessibleName(_("Clear: {field}").format(field=accessible_name(parent) or _("the field")))
        elif isinstance(parent, (QToolBar, QMenuBar)) and isinstance(widget, QToolButton) \
                and widget.defaultAction() is not None:
            widget.setAccessibleName(widget.defaultAction().text().replace("&", ""))


def mnemonic(text: str) -> str:
    """The &-letter of a menu text ('' if it has none; '&&' is a literal ampersand)."""
    index = text.replace("&&", "\0\0").find("&")
    return text[index + 1].lower() if 0 <= index < len(text) - 1 else ""


def give_mnemonics(menu) -> None:
    """Every entry of ``menu`` (a menu bar or menu, and their submenus) that has neither a shortcut nor an
    &-letter gets a free letter of its own text; a text with no free Latin letter gets one in brackets
    after it, as Chinese and Japanese menus do ("中文（简体）(&C)")."""
    actions = [a for a in menu.actions() if not a.isSeparator()]
    used = {mnemonic(a.text()) for a in actions} - {""}
    for action in actions:
        text = action.text()
        if not mnemonic(text) and action.shortcut().isEmpty() and text:
            free = next((i for i, c in enumerate(text) if c.isascii() and c.isalnum() and c.lower() not in used), None)
            if free is not None:
                action.setText(f"{text[:free]}&{text[free:]}")
            else:
                letter = next(c for c in "abcdefghijklmnopqrstuvwxyz0123456789" if c not in used)
                action.setText(f"{text}(&{letter.upper()})")
            used.add(mnemonic(action.text()))
        if action.menu() is not None:
            give_mnemonics(action.menu())


def unnamed(root: QWidget) -> list[QWidget]:
    """Interactive widgets under (and including) ``root`` that a screen reader would not be able to name."""
    from PySide6.QtWidgets import QWidget

    widgets = [root, *root.findChildren(QWidget)]
    interactive = _interactive()
    return [w for w in widgets if isinstance(w, interactive) and not _is_part(w) and not accessible_name(w)]


def announce(widget: QWidget, message: str) -> None:
    """Ask the screen reader to say ``message`` (politely: after what it is saying now)."""
    from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent

    event = QAccessibleAnnouncementEvent(widget, message)
    event.setPoliteness(QAccessible.AnnouncementPoliteness.Polite)
    QAccessible.updateAccessibility(event)
