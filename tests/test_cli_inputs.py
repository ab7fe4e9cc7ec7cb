"""Every command-line option with a bad value: a non-zero exit and a short message naming the option.

Run in-process (the same ``main`` the ``meridian-viewer`` command calls); no traceback may escape.
"""
from __future__ import annotations

import os

import pytest

from viewer.__main__ import main


def bad_plan(tmp_path, kind):
    path = tmp_path / f"{kind}.mvplan"
    if kind == "folder":
        path.mkdir()
    elif kind == "pipe":
        if not hasattr(os, "mkfifo"):
            pytest.skip("needs named pipes")
        os.mkfifo(path)
    elif kind == "garbage":
        path.write_bytes(b"\x00\xffnot a plan")
    return str(path)


CASES = {
    # name: (argv with {tmp} for the test folder, words expected in the message)
    "--view unknown": (["--view", "top", "--screenshot", "{tmp}/x.png"], "--view"),
    "--select unknown": (["--select", "XX99", "--screenshot", "{tmp}/x.png"], "no point called 'XX99'"),
    "--select HTML": (["--select", "<img src=x>", "--screenshot", "{tmp}/x.png"], "no point called"),
    "--size words": (["--size", "big", "--screenshot", "{tmp}/x.png"], "--size"),
    "--size huge": (["--size", "99999x99999", "--screenshot", "{tmp}/x.png"], "out of range"),
    "--size negative": (["--size", "-5x100", "--screenshot", "{tmp}/x.png"], "--size"),
    "--channels unknown": (["--channels", "BL,ZZ", "--screenshot", "{tmp}/x.png"], "unknown channel 'ZZ'"),
    "--zoom zero": (["--zoom", "0", "--screenshot", "{tmp}/x.png"], "--zoom"),
    "--zoom nan": (["--zoom", "nan", "--screenshot", "{tmp}/x.png"], "--zoom"),
    "--zoom inf": (["--zoom", "inf", "--screenshot", "{tmp}/x.png"], "--zoom"),
    "--zoom text": (["--zoom", "close", "--screenshot", "{tmp}/x.png"], "--zoom"),
    "--panel unknown": (["--panel", "nowhere", "--screenshot", "{tmp}/x.png"], "--panel"),
    "--voice unknown": (["--voice", "robot", "--screenshot", "{tmp}/x.png"], "--voice"),
    "--trigger-points with a value": (["--trigger-points=yes", "--screenshot", "{tmp}/x.png"], "--trigger-points"),
    "--no-acupoints with a value": (["--no-acupoints=1", "--screenshot", "{tmp}/x.png"], "--no-acupoints"),
    "--patient-view with a value": (["--patient-view=1", "--screenshot", "{tmp}/x.png"], "--patient-view"),
    "--presentation with a value": (["--presentation=1", "--screenshot", "{tmp}/x.png"], "--presentation"),
    "--plan missing": (["--plan", "{tmp}/none.mvplan", "--screenshot", "{tmp}/x.png"], "none.mvplan"),
    "--plan folder": (["--plan", "plan:folder", "--screenshot", "{tmp}/x.png"], "folder.mvplan"),
    "--plan named pipe": (["--plan", "plan:pipe", "--screenshot", "{tmp}/x.png"], "not a regular file"),
    "--plan garbage": (["--plan", "plan:garbage", "--screenshot", "{tmp}/x.png"], "garbage.mvplan"),
    "--screenshot into a folder": (["--screenshot", "{tmp}"], "it is a folder"),
    "--screenshot into a missing folder": (["--screenshot", "{tmp}/no/x.png"], "does not exist"),
    "unknown option": (["--colour", "red"], "--colour"),
    "export nothing": (["export"], "what"),
    "export unknown": (["export", "muscles"], "invalid choice"),
    "export --format xml": (["export", "points", "--format", "xml"], "--format"),
    "export -o folder": (["export", "points", "-o", "{tmp}"], "it is a folder"),
    "export -o missing folder": (["export", "points", "-o", "{tmp}/no/p.csv"], "does not exist"),
    "export handout without --plan": (["export", "handout", "-o", "{tmp}/h.pdf"], "--plan"),
    "export handout without -o": (["export", "handout", "--plan", "docs/examples/low-back.mvplan"], "-o"),
    "export handout --plan garbage": (["export", "handout", "--plan", "plan:garbage", "-o", "{tmp}/h.pdf"],
                                      "garbage.mvplan"),
    "export handout --plan pipe": (["export", "handout", "--plan", "plan:pipe", "-o", "{tmp}/h.pdf"],
                                   "not a regular file"),
    "export handout -o folder": (["export", "handout", "--plan", "docs/examples/low-back.mvplan", "-o", "{tmp}"],
                                 "it is a folder"),
}


@pytest.mark.parametrize("argv,words", list(CASES.values()), ids=list(CASES))
def test_a_bad_option_is_refused_by_name(qapp, tmp_path, capsys, monkeypatch, argv, words):
    """Exit status non-zero, the option or file named on standard error, no traceback, no output file."""
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    monkeypatch.chdir(root)
    args = [bad_plan(tmp_path, a.split(":", 1)[1]) if a.startswith("plan:") else a.replace("{tmp}", str(tmp_path))
            for a in argv]
    try:
        status = main(args)
    except SystemExit as exit_:
        status = exit_.code
    err = capsys.readouterr().err
    assert status not in (0, None), err
    assert words in err and "Traceback" not in err
    assert not (tmp_path / "x.png").exists() and not (tmp_path / "h.pdf").exists()
