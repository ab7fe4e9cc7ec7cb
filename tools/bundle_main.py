"""Entry script of the standalone bundle (PyInstaller freezes this file; see tools/build_bundle.py)."""
from viewer.__main__ import main

if __name__ == "__main__":
    raise SystemExit(main())
