"""What the command line does: export (no Qt needed) or run the window (optionally a screenshot)."""
from __future__ import annotations

import gc
import os
import sys
import time
from pathlib import Path

from .atlas.i18n import _


def output_problem(path: Path) -> str:
    """Why ``path`` cannot be written as an output file, or "" (checked before any work is done)."""
    if path.is_dir():
        return _("it is a folder")
    if not path.parent.is_dir():
        return _("the folder {folder} does not exist").format(folder=path.parent)
    if not os.access(path.parent, os.W_OK):
        return _("the folder {folder} is read-only").format(folder=path.parent)
    return ""


def _cannot_write(path: Path, reason) -> int:
    """One line naming the path and the reason; exit status 1."""
    if isinstance(reason, OSError):
        reason = reason.strerror or str(reason)
    print("meridian-viewer: " + _("cannot write {path}: {reason}").format(path=path, reason=reason),
          file=sys.stderr)
    return 1


def run_export(args) -> int:
    from .atlas import i18n

    i18n.set_language(getattr(args, "lang", None))
    if args.output and output_problem(Path(args.output)):
        return _cannot_write(Path(args.output), output_problem(Path(args.output)))
    if args.what in ("handout", "quiz"):
        return _export_handout(args)
    from .atlas.content import load_content
    from .atlas.export import export_points, export_views
    from .atlas.store import atomic_write_text

    content = load_content()
    for problem in content.problems:
        print(_("warning: {problem}").format(problem=problem), file=sys.stderr)
    text = (export_views if args.what == "views" else export_points)(content, args.format)
    if args.output:
        try:
            atomic_write_text(Path(args.output), text)
        except OSError as exc:
            return _cannot_write(Path(args.output), exc)
    else:
        sys.stdout.write(text)
    return 0


def _export_handout(args) -> int:
    if not args.plan or not args.output:
        out = "OUT.pdf" if args.what == "quiz" else "OUT.pdf|OUT.png"
        print(f"meridian-viewer export {args.what}: "
              + _("--plan FILE and -o {out} are both needed").format(out=out), file=sys.stderr)
        return 2
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from .app import ensure_application
    from .atlas import i18n
    from .atlas.content import load_content
    from .atlas.plan import PlanError, load_plan
    from .ui.handout import export_pdf, export_png
    from .ui.language import install_qt_translations

    install_qt_translations(ensure_application(), i18n.current())
    content = load_content()
    try:
        plan = load_plan(Path(args.plan), set(content.atlas.points), set(content.muscles.trigger_points))
    except PlanError as exc:
        print(f"meridian-viewer: {exc}", file=sys.stderr)
        return 2
    out = Path(args.output)
    try:
        if args.what == "quiz":
            from .ui.quiz_sheet import export_quiz

            export_quiz(content, plan, out)
        else:
            (export_png if out.suffix.lower() == ".png" else export_pdf)(content, plan, out)
    except OSError as exc:
        return _cannot_write(out, exc)
    print(_("saved {path}").format(path=out))
    return 0


def _load_before_qt():
    """The user data folder and the content, read before PySide6 is imported.

    PySide6 reads the source of every module first imported after it (to learn whether the module
    uses it; ``_import_pyside`` spares it most of that), so the Qt-free domain and its libraries load
    first. The cyclic garbage collector stays off until the window's deferred start-up work is done
    (start-up makes many objects, and no garbage worth collecting).
    """
    gc.disable()
    from .atlas.content import load_content
    from .atlas.paths import user_data_dir
    from .atlas.store import remove_stale_temps

    data_dir = user_data_dir()
    remove_stale_temps(data_dir)  # left by saves that were killed (power cut, kill -9)
    return data_dir, load_content(data_dir=data_dir)


def _import_pyside() -> None:
    """Import PySide6 and spare it reading the source of the modules the start imports after it.

    From its import on, PySide6 reads the whole source of each module an import statement names for the first
    time, to learn whether it opts into PySide's ``__feature__`` switches (snake_case, true_property); about
    90 modules on the way to the first picture, most of them already loaded (``import os`` in a widget module
    reads os.py). No module of ours uses the switches. This records for PySide the answer its reading would
    give (0: a module of the interface, which uses PySide without switches; -1: any other, not its concern),
    so it reads no file. It fills ``__feature__.pyside_feature_dict``, a table PySide6 keeps for this and
    does not document: if a PySide6 lacks it, nothing is recorded and PySide reads the sources as before.
    """
    import PySide6.QtCore  # noqa: F401  (installs PySide's import hook and its table)

    table = getattr(sys.modules.get("__feature__"), "pyside_feature_dict", None)
    if not isinstance(table, dict):
        return
    for name in list(sys.modules):
        table.setdefault(name, -1)
    table.setdefault("viewer.app", 0)
    here = Path(__file__).parent
    for folder, prefix, value in ((here / "ui", "viewer.ui.", 0), (here / "atlas", "viewer.atlas.", -1),
                                  (here, "viewer.", -1)):
        try:
            names = [entry.name for entry in os.scandir(folder)]
        except OSError:  # a bundle keeps the modules in an archive: no source for PySide to read either
            continue
        for name in names:
            if name.endswith(".py"):  # a package's __init__.py is the package itself
                module = name[:-3]
                table.setdefault(prefix[:-1] if module == "__init__" else prefix + module, value)


def run_app(args) -> int:
    started = time.perf_counter()
    if (args.screenshot or args.quit_on_paint) and "QT_QPA_PLATFORM" not in os.environ:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    if args.screenshot and output_problem(Path(args.screenshot)):
        return _cannot_write(Path(args.screenshot), output_problem(Path(args.screenshot)))
    try:
        data_dir, content = _load_before_qt()
        _import_pyside()
        from .app import create_window, ensure_application
        from .ui.language import start as start_language

        app = ensure_application()
        start_language(app, args.lang, None if args.screenshot or args.quit_on_paint else data_dir)
        return _run_window(args, app, create_window, data_dir, content, started)
    finally:
        gc.enable()


def _run_window(args, app, create_window, data_dir, content, started) -> int:
    try:
        channels = [c.strip().upper() for c in args.channels.split(",") if c.strip()] if args.channels else None
        if not 1.0 <= args.zoom <= 40.0:
            raise ValueError(_("--zoom must lie between 1 and 40, not {zoom}").format(zoom=f"{args.zoom:g}"))
        # The side panels are made just after the first paint; an option that needs one makes them at once.
        window = create_window(view=args.view, select=args.select, size=args.size, channels=channels,
                               content=content, data_dir=data_dir, panels_later=True)
        window.after_paint.add(gc.enable)  # after the welcome text and the Browse tree
        if not (args.screenshot or args.quit_on_paint or args.view or args.select):
            window.restore_layout()  # last session's size, panels and view (user data folder)
        if args.theme:
            window.appearance.set_theme(args.theme, save=False)
        if args.text_size:
            window.appearance.set_text_size(args.text_size, save=False)
        if args.panel:
            window.raise_panel(args.panel)
        if args.voice:
            window.compare.set_voice(args.voice)
        if args.plan and not window.plans.open_plan(Path(args.plan)):
            print(f"meridian-viewer: {window.plans.last_error}", file=sys.stderr)
            return 2
        if args.patient_view:
            window.patient_action.trigger()
        if args.presentation:
            window.presentation.set_active(True)
        if args.trigger_points:
            window.triggers_action.trigger()
        if args.no_acupoints:
            window.acupoints_action.trigger()
        if args.safety:
            window.safety.choose(args.safety == "on")
    except (KeyError, ValueError) as exc:
        print(f"meridian-viewer: {exc.args[0] if exc.args else exc}", file=sys.stderr)
        return 2
    if args.screenshot:
        from .app import save_screenshot

        try:
            path = save_screenshot(window, Path(args.screenshot), args.zoom)
        except OSError as exc:
            return _cannot_write(Path(args.screenshot), exc)
        print(_("saved {path} ({width}x{height})").format(path=path, width=window.width(), height=window.height()))
        return 0
    if args.quit_on_paint:
        from .app import quit_on_first_paint

        quit_on_first_paint(window, started)
    window.show()
    if args.zoom != 1.0:
        window.zoom_to_selection(args.zoom)
    return app.exec()
