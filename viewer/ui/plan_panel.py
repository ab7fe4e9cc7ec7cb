"""Plan panel: the points and trigger points of a treatment plan, in order, each with a note."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..atlas.i18n import _
from ..atlas.keys import describe_key
from ..atlas.plan import Plan
from .accessibility import buddy, named

KEY_ROLE = Qt.ItemDataRole.UserRole


class PlanPanel(QWidget):
    chosen = Signal(str)  # selection key of the item picked in the list
    addRequested = Signal()  # "add the current selection"
    changed = Signal()  # the plan was edited

    def __init__(self, content, parent=None):
        super().__init__(parent)
        self.setObjectName("plan")
        self.content = content
        self.plan = Plan()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.title = QLineEdit(self.plan.title)
        self.title.setPlaceholderText(_("Plan title (no patient names needed)"))
        self.title.setAccessibleName(_("Plan title"))
        layout.addWidget(self.title)
        self.list = named(QListWidget(), _("Points of the plan"),
                          _("In treatment order; Ctrl+Up and Ctrl+Down move one"))
        self.up_button = QToolButton()  # beside the list, as narrow as their arrows: nothing is squeezed
        self.down_button = QToolButton()  # out of the panel at large text
        self.up_button.setText("▲")
        self.down_button.setText("▼")
        self.up_button.setToolTip(_("Move up (Ctrl+Up)"))
        self.down_button.setToolTip(_("Move down (Ctrl+Down)"))
        beside = QHBoxLayout()
        beside.addWidget(self.list, 1)
        arrows = QVBoxLayout()
        arrows.addWidget(self.up_button)
        arrows.addWidget(self.down_button)
        arrows.addStretch(1)
        beside.addLayout(arrows)
        layout.addLayout(beside, 1)
        row = QHBoxLayout()
        self.add_button = QPushButton(_("Add selected"))
        self.remove_button = QPushButton(_("Remove"))
        for button in (self.add_button, self.remove_button):
            row.addWidget(button)
        layout.addLayout(row)
        named(self.up_button, _("Move up"))
        named(self.down_button, _("Move down"))
        self.item_note = named(QLineEdit(), _("Note for this item"))
        self.plan_note = named(QPlainTextEdit(), _("Note for the plan"))
        layout.addWidget(buddy(QLabel(_("Note for this item:")), self.item_note))
        layout.addWidget(self.item_note)
        layout.addWidget(buddy(QLabel(_("Note for the plan:")), self.plan_note))
        self.plan_note.setMaximumHeight(90)
        layout.addWidget(self.plan_note)

        self.add_button.clicked.connect(self.addRequested)
        self.remove_button.clicked.connect(self.remove_current)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self.list.currentRowChanged.connect(self._on_row)
        self.item_note.textEdited.connect(self._on_item_note)
        self.plan_note.textChanged.connect(self._on_plan_note)
        self.title.textEdited.connect(self._on_title)
        self._refresh()

    def set_plan(self, plan: Plan) -> None:
        self.plan = plan
        self.title.setText(plan.title)
        self.plan_note.blockSignals(True)
        self.plan_note.setPlainText(plan.note)
        self.plan_note.blockSignals(False)
        self._refresh()

    def add(self, key: str) -> bool:
        if not key or self.plan.add(key) is None:
            return False
        self._refresh(len(self.plan.items) - 1)
        self.changed.emit()
        return True

    def remove_current(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.plan.items):
            self.plan.remove(row)
            self._refresh(min(row, len(self.plan.items) - 1))
            self.changed.emit()

    def move_current(self, step: int) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.plan.items):
            self._refresh(self.plan.move(row, step))
            self.changed.emit()

    def keyPressEvent(self, event) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.move_current(-1 if event.key() == Qt.Key.Key_Up else 1)
        elif event.key() == Qt.Key.Key_Delete:
            self.remove_current()
        else:
            super().keyPressEvent(event)

    def _refresh(self, current: int = -1) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for number, item in enumerate(self.plan.items, start=1):
            text = f"{number}. {describe_key(self.content, item.key)}"
            if item.note:
                text += f"\n    {item.note}"
            entry = QListWidgetItem(text)
            entry.setData(KEY_ROLE, item.key)
            self.list.addItem(entry)
        self.list.setCurrentRow(current)
        self.list.blockSignals(False)
        row = self.list.currentRow()
        self.item_note.setText(self.plan.items[row].note if 0 <= row < len(self.plan.items) else "")
        self.item_note.setEnabled(row >= 0)

    def _on_row(self, row: int) -> None:
        if 0 <= row < len(self.plan.items):
            self.item_note.setText(self.plan.items[row].note)
            self.item_note.setEnabled(True)
            self.chosen.emit(self.plan.items[row].key)

    def _on_item_note(self, text: str) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.plan.items):
            self.plan.items[row].note = text
            entry = self.list.item(row)
            label = f"{row + 1}. {describe_key(self.content, self.plan.items[row].key)}"
            entry.setText(label + (f"\n    {text}" if text else ""))
            self.changed.emit()

    def _on_plan_note(self) -> None:
        self.plan.note = self.plan_note.toPlainText()
        self.changed.emit()

    def _on_title(self, text: str) -> None:
        self.plan.title = text.strip() or _("Untitled plan")
        self.changed.emit()
