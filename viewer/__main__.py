"""Entry point: ``python -m viewer`` and the ``meridian-viewer`` command."""
from __future__ import annotations

import sys


def _cli_language(argv: list[str]) -> None:
    """Messages and --help in the language asked for by --lang (else the system's) before parsing."""
    from .atlas import i18n

    tag = None
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv):
            tag = argv[index + 1]
        elif arg.startswith("--lang="):
            tag = arg.split("=", 1)[1]
    i18n.set_language(tag)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    _cli_language(argv)
    if argv and argv[0] == "export":
        from .cli import export_parser
        from .commands import run_export

        return run_export(export_parser().parse_args(argv[1:]))
    if argv and argv[0] == "pack":
        from .packtool import pack_parser, run_pack

        return run_pack(pack_parser().parse_args(argv[1:]))
    from .cli import app_parser
    from .commands import run_app

    return run_app(app_parser().parse_args(argv))


if __name__ == "__main__":
    raise SystemExit(main())
