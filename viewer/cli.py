"""Command line: start the app, render a screenshot, or export the points."""
from __future__ import annotations

import argparse

from .atlas.i18n import _


def _view(text: str) -> str:
    from .atlas.views import registry  # read only when a view is asked for: a plain start reads no TOML

    names = registry().names
    if text not in names:
        raise argparse.ArgumentTypeError(_("no view {text} (views: {views})").format(
            text=repr(text), views=", ".join(names)))
    return text


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("size must look like 1600x1000, not {text}").format(text=repr(text))) from None
    if not (200 <= width <= 10000 and 200 <= height <= 10000):
        raise argparse.ArgumentTypeError(_("size {text} is out of range (200..10000 per side)").format(text=text))
    return width, height


def _lang(text: str) -> str:
    from .atlas.i18n import PSEUDO, available, normalise

    found = normalise(text)
    if found is None or (found not in available() and found != PSEUDO):
        raise argparse.ArgumentTypeError(
            _("no interface language {text} (bundled: {languages})").format(
                text=repr(text), languages=", ".join(available())))
    return found


def lang_help() -> str:
    return _("interface language, e.g. es or zh_CN (default: the saved choice, else the system's)")


def app_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="meridian-viewer",
        description=_("Educational atlas of acupuncture meridian points. "
                      "Subcommands: 'meridian-viewer export points|handout ...' and "
                      "'meridian-viewer pack new|validate|list' (teachers' data packs)."))
    parser.add_argument("--view", type=_view, metavar="NAME",
                        help=_("body view to show first, by name ('meridian-viewer export views' lists them; "
                               "default: the first)"))
    parser.add_argument("--select", metavar="CODE", help=_("point to select, e.g. BL23, 'bl 23' or UB23"))
    parser.add_argument("--screenshot", metavar="PNG", help=_("render the window to this PNG offscreen and exit"))
    parser.add_argument("--size", type=_size, default=(1600, 1000), metavar="WxH",
                        help=_("window size (default 1600x1000)"))
    parser.add_argument("--channels", metavar="LIST", help=_("show only these channels, e.g. BL,GV"))
    parser.add_argument("--zoom", type=float, default=1.0, metavar="FACTOR",
                        help=_("zoom factor relative to the whole figure, centred on the selection (1-40)"))
    parser.add_argument("--panel", choices=("details", "compare", "muscles", "layers", "browse", "plan", "study",
                                            "plates"),
                        help=_("side panel to bring to the front"))
    parser.add_argument("--trigger-points", action="store_true", help=_("show the trigger-point layer"))
    parser.add_argument("--no-acupoints", action="store_true", help=_("hide the acupoint layer"))
    parser.add_argument("--safety", choices=("on", "off"),
                        help=_("show or hide the safety layer (lungs, kidneys, vessels, nerves); default: on with "
                               "trigger points and in presentation mode"))
    parser.add_argument("--voice", choices=("patient", "student"), help=_("voice of the comparison panel"))
    parser.add_argument("--plan", metavar="FILE", help=_("open a treatment plan (.mvplan)"))
    parser.add_argument("--patient-view", action="store_true", help=_("start in the patient view"))
    parser.add_argument("--presentation", action="store_true", help=_("start in presentation mode (full screen)"))
    parser.add_argument("--lang", type=_lang, metavar="LANG", help=lang_help())
    parser.add_argument("--theme", choices=("system", "light", "dark", "high_contrast"),
                        help=_("colours for this run (View ▸ Theme; not remembered)"))
    parser.add_argument("--text-size", type=int, choices=(100, 125, 150, 175, 200), metavar="PERCENT",
                        help=_("text size for this run: 100, 125, 150, 175 or 200 (View ▸ Text size; not remembered)"))
    parser.add_argument("--quit-on-paint", action="store_true", help=argparse.SUPPRESS)
    return parser


def export_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="meridian-viewer export",
                                     description=_("Export atlas content with computed positions."))
    parser.add_argument("what", choices=("points", "views", "handout", "quiz"),
                        help=_("views: every view (whole figures and regional plates) with its bounds; "
                               "quiz: a blank-figure quiz sheet with its answer sheet (2-page PDF) for --plan"))
    parser.add_argument("--format", choices=("csv", "json"), default="csv", help=_("for points and views"))
    parser.add_argument("--plan", metavar="FILE", help=_("for handout and quiz: the plan to print"))
    parser.add_argument("--output", "-o", metavar="FILE",
                        help=_("write here instead of standard output (handout: .pdf or .png, required)"))
    parser.add_argument("--lang", type=_lang, metavar="LANG",
                        help=_("language of the export's texts, e.g. es or zh_CN (default: the system's)"))
    return parser
