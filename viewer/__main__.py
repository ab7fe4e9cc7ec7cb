"""Entry point: ``python -m viewer`` and the ``meridian-viewer`` command."""
from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
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
