"""Compare panel: traditional acupuncture and dry needling side by side, in context and in overview."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ..atlas.compare import context_for
from ..atlas.i18n import N_, _
from . import theme
from .accessibility import named
from .fonts import hanzi_safe
from .safe_browser import SafeBrowser
from .safe_text import escape

HEADINGS = {"acupuncture": N_("Traditional acupuncture"), "dry_needling": N_("Dry needling"),
            "shared": N_("What they share")}


class ComparePanel(QWidget):
    voiceChanged = Signal(str)

    def __init__(self, content, parent=None):
        super().__init__(parent)
        self.setObjectName("compare")
        self.content = content
        self.voice = "patient"
        self.key = ""
        self.spot = None
        self._dirty = True
        self._visible = False  # set from the dock: render only when the tab is in front
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        row = QHBoxLayout()
        row.addWidget(QLabel(_("Explain for:")))
        self.buttons = QButtonGroup(self)
        for voice, text in (("patient", _("Patients")), ("student", _("Students"))):
            button = QPushButton(text)
            button.setCheckable(True)
            button.setChecked(voice == self.voice)
            button.setObjectName(f"voice_{voice}")
            button.setAccessibleDescription(f"Explain in words for {text.lower()}")
            self.buttons.addButton(button)
            button.clicked.connect(lambda _=False, v=voice: self.set_voice(v))
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.browser = named(SafeBrowser(), _("Acupuncture and dry needling compared"))
        layout.addWidget(self.browser, 1)
        self.render()

    def set_voice(self, voice: str) -> None:
        if voice != self.voice:
            self.voice = voice
            for button in self.buttons.buttons():
                button.setChecked(button.objectName() == f"voice_{voice}")
            self.render()
            self.voiceChanged.emit(voice)

    def show_selection(self, key: str = "", spot=None) -> None:
        self.key, self.spot = key, spot
        self.render()

    WIDE = 620  # px: below this the three columns are stacked as cards

    def _columns(self, cells: dict[str, str]) -> str:
        """The three voices side by side, each heading and cell in its theme colours (stacked when narrow)."""
        colour = {c: theme.css(c) for c in HEADINGS}  # the theme's names: acupuncture, dry_needling, shared
        background = {c: theme.css(f"{c}_bg") for c in HEADINGS}
        headings = {c: escape(_(title)) for c, title in HEADINGS.items()}
        if self.width() < self.WIDE:
            return "".join(
                f"<table width='100%' cellspacing='0' cellpadding='6' style='margin-bottom:4px;"
                f"background:{background[c]}'><tr><td><b style='color:{colour[c]}'>{headings[c]}</b><br>"
                f"{cells[c]}</td></tr></table>" for c in HEADINGS)
        head = "".join(f"<th width='33%' style='color:{colour[c]};text-align:left'>{headings[c]}</th>"
                       for c in HEADINGS)
        body = "".join(f"<td valign='top' style='padding-right:8px;background:{background[c]}'>{cells[c]}</td>"
                       for c in HEADINGS)
        return f"<table width='100%' cellspacing='2' cellpadding='6'><tr>{head}</tr><tr>{body}</tr></table>"

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        wide = self.width() >= self.WIDE
        if wide != getattr(self, "_wide", None):
            self._wide = wide
            self.render()

    def on_dock_visible(self, visible: bool) -> None:
        self._visible = visible
        if visible and self._dirty:
            self.render()

    def render(self) -> None:
        """Rebuild the text; while the panel is hidden behind a tab this waits until it is shown."""
        if not self._visible:
            self._dirty = True
            return
        self._dirty = False
        parts = []
        ctx = context_for(self.content, self.key, self.spot, self.voice) if (self.key or self.spot) else None
        if ctx is not None:
            cells = {c: "".join(f"<p style='margin:2px 0'>• {escape(hanzi_safe(line))}</p>" for line in getattr(ctx, c))
                     for c in HEADINGS}
            here = _("Here: {place}").format(place=ctx.title)
            parts.append(f"<h2>{escape(here)}</h2>{self._columns(cells)}<hr>")
        else:
            title = _("Two ways of needling")
            hint = _("Select a point, a muscle or a painful spot to see how each approach would look at that place.")
            parts.append(f"<h2>{escape(title)}</h2><p>{escape(hint)}</p><hr>")
        overview = self.content.overview
        for section in overview.sections:
            text = section.text[self.voice]
            cells = {c: escape(text[c]) for c in HEADINGS}
            parts.append(f"<h3>{escape(section.title)}</h3>{self._columns(cells)}")
        if overview.references and self.voice == "student":
            refs = "".join(f"<li>{escape(r.cite())}</li>" for r in overview.references)
            title = _("References")
            parts.append(f"<h3>{escape(title)}</h3><ol>{refs}</ol>")
        disclaimer = overview.disclaimer or _("Educational content, not medical advice.")
        parts.append(f"<p style='color:{theme.css('muted')}'><i>{escape(disclaimer)}</i></p>")
        self.browser.setHtml("".join(parts))
