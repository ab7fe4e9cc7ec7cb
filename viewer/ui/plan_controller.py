"""Treatment-plan files and handouts: new, open, save, export PDF/PNG, print, export a view image."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from ..atlas.i18n import _, ngettext
from ..atlas.keys import parse
from ..atlas.limits import MAX_PLAN_ITEMS
from ..atlas.plan import SUFFIX, Plan, PlanError, load_plan, save_plan
from ..atlas.store import remove_stale_temps
from . import dialogs


def _notice(*args) -> None:
    """A message box (its module is loaded when the first one is shown, not at start-up)."""
    from .notice import Notice

    Notice.ask(*args)


class PlanController(QObject):
    """Owns the plan's file state; reports results through ``message`` (shown in the status bar)."""

    message = Signal(str)
    planReplaced = Signal()

    def __init__(self, window, panel, *, state, selection, scenes, content, source_content, patient_language,
                 show_panel):
        """``window`` parents the dialogs; ``patient_language()`` is the handout's language; ``show_panel()``
        brings the plan panel forward."""
        super().__init__(window)
        self.window = window
        self.panel = panel
        self.state, self.selection, self.scenes = state, selection, scenes
        self.content, self.source_content = content, source_content
        self.patient_language, self.show_panel = patient_language, show_panel
        self.path: Path | None = None
        self.dirty = False
        self.last_error = ""
        panel.changed.connect(self._on_changed)

    @property
    def plan(self) -> Plan:
        return self.panel.plan

    def _on_changed(self) -> None:
        self.dirty = True

    def _fail(self, text: str, title: str = "") -> None:
        """A failure is shown in a dialog (the status bar alone is too easy to miss) and in the status bar."""
        self.last_error = text
        self.message.emit(text)
        _notice(self.window, title or _("Plan"), text)

    def confirm_discard(self, then) -> None:
        """Run ``then`` at once if nothing is unsaved; otherwise ask Save / Discard / Cancel first."""
        if not self.dirty:
            then()
            return

        def on_answer(answer: str) -> None:
            if answer == dialogs.UnsavedChanges.DISCARD or (answer == dialogs.UnsavedChanges.SAVE
                                                            and self.save_plan()):
                then()
            # Cancel, or a save that failed or was cancelled: the plan stays as it is

        dialogs.UnsavedChanges.ask(self.window, self.plan.title, on_answer)

    def new_plan(self, confirmed: bool = False) -> None:
        if not confirmed:
            self.confirm_discard(lambda: self.new_plan(confirmed=True))
            return
        self.panel.set_plan(Plan())
        self.path, self.dirty = None, False
        self.planReplaced.emit()
        self.message.emit(_("New empty plan"))

    def add_selection(self) -> None:
        code = self.selection.code
        selected = parse(code)
        if not code or not (selected.is_point or selected.is_trigger_point):
            self.message.emit(_("Select a point or a trigger point first, then add it to the plan"))
        elif self.panel.add(code):
            self.show_panel()
            self.message.emit(_("{code} added to the plan").format(code=selected.ref))
        elif code in self.plan:
            self.message.emit(_("{code} is already in the plan").format(code=selected.ref))
        else:
            self.message.emit(_("A plan holds at most {limit} items; {code} was not added").format(
                limit=MAX_PLAN_ITEMS, code=selected.ref))

    def open_plan(self, path: Path | None = None, as_copy: bool = False, confirmed: bool = False) -> bool:
        """Open a plan file; ``as_copy`` (a pack's homework) leaves the file alone: Save asks where.

        If the current plan has unsaved changes, Save / Discard / Cancel is asked first (False now).
        """
        if not confirmed and self.dirty:
            self.confirm_discard(lambda: self.open_plan(path, as_copy, confirmed=True))
            return False
        path = path or dialogs.ask_open_path(self.window, _("Open plan"), dialogs.plan_filter())
        if path is None:
            return False
        content = self.content
        left_out: list[str] = []
        try:
            plan = load_plan(path, set(content.atlas.points), set(content.muscles.trigger_points), left_out)
        except PlanError as exc:
            self._fail(_("Plan not opened: {error}").format(error=exc))  # the file is left exactly as it is
            return False
        self.panel.set_plan(plan)
        # A plan opened without some of its items is not the file any more: Save asks where to save it.
        self.path = None if as_copy or left_out else Path(path)
        self.dirty = bool(left_out)
        self.planReplaced.emit()
        self.message.emit(ngettext("Opened {file} ({n} item)", "Opened {file} ({n} items)", len(plan.items)).format(
            file=Path(path).name, n=len(plan.items)))
        if left_out:
            self.last_error = _("Left out: {items}").format(items="; ".join(left_out))
            text = ngettext("{file} was opened, but {n} of its items is not in this atlas (perhaps it comes "
                            "from a teacher's data pack that is not installed here) and was left out. The file "
                            "itself is unchanged; saving asks where, so it is not overwritten.",
                            "{file} was opened, but {n} of its items are not in this atlas (perhaps they come "
                            "from a teacher's data pack that is not installed here) and were left out. The file "
                            "itself is unchanged; saving asks where, so it is not overwritten.", len(left_out))
            _notice(self.window, _("Plan opened without some items"),
                       text.format(file=Path(path).name, n=len(left_out)), "\n".join(left_out))
        return True

    def save_plan(self) -> bool:
        return self.save_plan_as(self.path) if self.path else self.save_plan_as()

    def save_plan_as(self, path: Path | None = None) -> bool:
        path = path or dialogs.ask_save_path(self.window, _("Save plan"), dialogs.plan_filter(),
                                             f"{self.plan.title}{SUFFIX}")
        if path is None:
            return False
        path = Path(path)
        if path.suffix == "":
            path = path.with_suffix(SUFFIX)
        try:
            save_plan(self.plan, path)
        except OSError as exc:
            self._fail(_("Plan not saved: {error}").format(error=exc))
            return False
        self.path, self.dirty = path, False
        remove_stale_temps(path.parent, path.name)  # of earlier saves of this plan that were killed
        self.message.emit(_("Saved {file}").format(file=path.name))
        return True

    def export_handout(self, path: Path | None = None) -> bool:
        path = path or dialogs.ask_save_path(self.window, _("Export handout"), _("PDF (*.pdf);;PNG image (*.png)"),
                                             f"{self.plan.title}.pdf")
        if path is None:
            return False
        path = Path(path)
        from .handout import export_pdf, export_png  # PDF and Pillow are loaded only when needed

        try:
            lang = self.patient_language()
            if path.suffix.lower() == ".png":
                export_png(self.source_content, self.plan, path, lang=lang)
            else:
                export_pdf(self.source_content, self.plan, path.with_suffix(".pdf"), lang=lang)
        except OSError as exc:
            self._fail(_("Handout not exported: {error}").format(error=exc))
            return False
        self.message.emit(_("Handout written to {file}").format(file=path.name))
        return True

    def export_quiz(self, path: Path | None = None) -> bool:
        """The plan's points as a blank-figure quiz sheet plus its answer sheet (one 2-page PDF)."""
        path = path or dialogs.ask_save_path(self.window, _("Export quiz sheet"), _("PDF (*.pdf)"),
                                             f"{self.plan.title} - quiz.pdf")
        if path is None:
            return False
        from .quiz_sheet import export_quiz

        try:
            export_quiz(self.content, self.plan, Path(path).with_suffix(".pdf"))
        except OSError as exc:
            self._fail(_("Quiz sheet not exported: {error}").format(error=exc))
            return False
        self.message.emit(_("Quiz and answer sheet written to {file}").format(file=Path(path).with_suffix(".pdf").name))
        return True

    def print_plan(self) -> None:
        printer = dialogs.ask_printer(self.window)
        if printer is not None:
            from .handout import print_handout

            try:
                print_handout(self.source_content, self.plan, printer,
                              self.patient_language())
            except OSError as exc:
                self._fail(_("Handout not printed: {error}").format(error=exc))
                return
            self.message.emit(_("Handout sent to the printer"))

    def export_view(self, path: Path | None = None, height_px: int = 3000) -> bool:
        path = path or dialogs.ask_save_path(self.window, _("Export view image"), _("PNG image (*.png)"),
                                             f"{self.state.view}.png")
        if path is None:
            return False
        from .handout import export_view_image

        try:
            export_view_image(self.scenes[self.state.view], Path(path), height_px)
        except OSError as exc:
            self._fail(_("Image not exported: {error}").format(error=exc))
            return False
        self.message.emit(_("View written to {file} ({height} px tall)").format(file=Path(path).name, height=height_px))
        return True
