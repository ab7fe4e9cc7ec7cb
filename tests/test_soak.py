"""A seeded random run of 10,000 user actions: no exception, no Qt warning, no leak.

pytest-qt fails the test on any exception raised in a slot and on any Qt warning (qt_log_level_fail);
the run itself checks that memory after the warm-up grows by at most 20 MB and that the number of
QObjects stays flat (help dialogs, message boxes and plan items are deleted when done with).
"""
from __future__ import annotations

import random
import sys

import pytest
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from viewer.ui.shortcuts import show_shortcuts

ACTIONS = 10_000
WARM_UP = 2_000
SEED = 20261129


def rss_mb() -> float | None:
    """Resident memory of this process in MB (Linux); None elsewhere."""
    try:
        with open("/proc/self/statm", encoding="ascii") as fh:
            pages = int(fh.read().split()[1])
    except OSError:
        return None
    import os

    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


def qobject_count() -> int:
    app = QApplication.instance()
    return sum(1 + len(w.findChildren(QObject)) for w in app.topLevelWidgets())


def close_dialogs(window) -> None:
    for dialog in window.findChildren(QDialog):
        if dialog.isVisible():
            dialog.reject()


def actions(window, rng: random.Random, tmp_path):
    """(weight, name, action) — what a user does with the mouse and keyboard."""
    points = sorted(window.content.atlas.points)
    triggers = sorted(window.content.muscles.trigger_points)
    muscles = sorted(window.content.muscles.muscles)
    views = list(window.content.body.views)
    panels = ["details", "compare", "muscles", "layers", "browse", "plan"]
    words = ["zusanli", "bl 23", "back pain", "LI4", "headache", "足三里", "<b>", "", "ql"]

    def spot():
        view = window.content.body.view(window.current_view)
        x0, y0, x1, y1 = view.bounds
        window.scenes[window.current_view].spotClicked.emit(rng.uniform(x0, x1), rng.uniform(y0, y1))

    def remove_plan_item():
        if window.plans.plan.items:
            window.plans.panel.list.setCurrentRow(rng.randrange(len(window.plans.plan.items)))
            window.plans.panel.remove_button.click()

    return [
        (30, "select point", lambda: window.select(rng.choice(points))),
        (6, "select trigger point", lambda: window.select("tp:" + rng.choice(triggers))),
        (4, "select muscle", lambda: window.select("m:" + rng.choice(muscles))),
        (10, "view", lambda: window.set_view(rng.choice(views))),
        (6, "zoom in", window.diagram.zoom_in),
        (6, "zoom out", window.diagram.zoom_out),
        (3, "fit", window.diagram.fit),
        (5, "next on channel", window.next_action.trigger),
        (5, "previous on channel", window.prev_action.trigger),
        (3, "clear", window.clear_action.trigger),
        (3, "back", window.back_action.trigger),
        (3, "forward", window.forward_action.trigger),
        (3, "acupoints", window.acupoints_action.trigger),
        (3, "trigger points", window.triggers_action.trigger),
        (3, "pain mode", window.pain_action.trigger),
        (5, "spot", spot),
        (6, "panel", lambda: window.raise_panel(rng.choice(panels))),
        (6, "search", lambda: window.browse.search.setText(rng.choice(words))),
        (4, "add to plan", window.add_to_plan_action.trigger),
        (3, "remove from plan", remove_plan_item),
        (1, "new plan", window.plans.new_plan),
        (2, "favourite", window.favourite_action.trigger),
        (1, "patient view", window.patient_action.trigger),
        (1, "presentation", window.presentation_action.trigger),
        (1, "legend", window.legend_action.trigger),
        (1, "compare voice", lambda: window.compare.set_voice(rng.choice(["patient", "student"]))),
        (1, "load problems", window.show_problems),
        (1, "trigger points and acupoints", window.show_correspondence),
        (1, "keyboard shortcuts", lambda: show_shortcuts(window)),
        (2, "close dialogs", lambda: close_dialogs(window)),
    ]


@pytest.mark.soak  # not 'slow': the README's plain test command runs it
def test_ten_thousand_random_actions(window, qtbot, tmp_path):
    """Seeded: the same 10,000 actions every run, so a failure can be replayed."""
    rng = random.Random(SEED)
    table = actions(window, rng, tmp_path)
    weights = [w for w, _, _ in table]
    done: dict[str, int] = {}
    memory = objects = None
    for step in range(1, ACTIONS + 1):
        _, name, action = rng.choices(table, weights)[0]
        action()
        done[name] = done.get(name, 0) + 1
        if step % 20 == 0:
            close_dialogs(window) if step % 200 == 0 else None
            QApplication.processEvents()
        if step == WARM_UP:
            close_dialogs(window)
            qtbot.wait(10)
            memory, objects = rss_mb(), qobject_count()
    close_dialogs(window)
    for message_box in window.findChildren(QMessageBox):
        message_box.close()
    qtbot.wait(50)
    assert len(done) == len(table), f"every kind of action ran: {sorted({n for _, n, _ in table} - set(done))}"
    final_objects = qobject_count()
    assert final_objects <= objects * 1.02 + 50, (objects, final_objects)
    if memory is not None and sys.platform.startswith("linux"):
        assert rss_mb() - memory <= 20, (memory, rss_mb())
