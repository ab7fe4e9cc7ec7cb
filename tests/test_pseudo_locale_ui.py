"""The whole window in the pseudo-locale: every text a user can see is marked ⟦…⟧ (translated) or is
data (codes, pinyin, hanzi, numbers, names and texts from the content and the user's plan), and no
sentence is glued together from separately translated pieces.

This is the acceptance test for "no untranslated or concatenated string in the interface": unwrap a
single string in viewer/ui and it fails, naming the widget and the text.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtGui import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QLabel,
    QLineEdit,
    QMenu,
    QTableWidget,
    QTabWidget,
    QTextBrowser,
    QTreeWidget,
    QWidget,
)

from viewer.atlas import i18n

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "docs" / "examples" / "low-back.mvplan"
OPEN, CLOSE = "⟦", "⟧"
SENTENCE_END = tuple(".!?:;。！？：；") + (CLOSE,)


def data_strings(content, plan=None) -> list[str]:
    """Every text that comes from data, not from the interface: it may stand anywhere unmarked."""
    found: set[str] = set()
    atlas = content.atlas
    for code, point in atlas.points.items():
        found |= {code, point.pinyin, point.hanzi, point.english, point.location, point.disputed or "",
                  point.needling.note, point.needling.depth, point.needling.angle, point.region,
                  point.region.replace("_", " "), *point.cautions, *point.tags, *point.alt_names,
                  *atlas.aliases_of(code), *(n for _lang, n in point.translations), *point.notes}
    for code, meridian in atlas.meridians.items():
        found |= {code, meridian.name, meridian.full_name, meridian.summary}
    muscles = content.muscles
    for muscle in muscles.muscles.values():
        found |= {muscle.name, muscle.latin, muscle.summary, muscle.symptoms, muscle.palpation, muscle.needling,
                  muscle.region, muscle.region.replace("_", " "), muscle.source or "", *muscle.safety}
        for tp in muscle.trigger_points:
            found |= {tp.id, tp.name}
    for notes in content.safety.notes.values():  # what lies beneath: names, depths, directions (safety.toml)
        found |= {text for note in notes for text in (note.name, note.region, note.depth, note.safe, note.note)}
    overview = content.overview
    found.add(overview.disclaimer)
    for section in overview.sections:
        found.add(section.title)
        found |= {text for columns in section.text.values() for text in columns.values()}
    found |= {r.cite() for r in overview.references}
    from viewer.atlas.cautions import vocabulary

    found |= {c.label for c in vocabulary().cautions.values()}
    found |= set(i18n.NATIVE_NAMES.values())  # language names are written in their own language
    from viewer.ui.correspondence import PUBLISHED
    from viewer.ui.shortcuts import OTHER_KEYS, key_names

    found |= {who for who, _what in PUBLISHED}  # authors and years of the published figures
    found |= {name for _where, keys, _what in OTHER_KEYS for name in key_names(keys).split("  ")}  # Qt's key names
    found |= {s[:1].upper() + s[1:] for s in set(found)}  # a region or tag starting a line
    for pack in content.packs:
        found |= {pack.name, pack.folder}
    if plan is not None:
        found |= {plan.title, plan.note, *(i.note for i in plan.items)}
    found |= domain_sentences(content)
    return sorted((s for s in found if s and len(s) > 1), key=len, reverse=True)


def domain_sentences(content) -> set[str]:
    """Sentences the Qt-free domain builds (category roles, placement rules, study decks, comparison lines).

    Their translation belongs to viewer/atlas (tests/test_i18n_domain.py once it lands); once they go through
    ``_()`` they come out marked and these English versions simply stop matching anything on screen."""
    from viewer.atlas.compare import context_for
    from viewer.atlas.describe import describe_placement
    from viewer.atlas.study import decks

    found = {m.describe() for code in content.atlas.points for m in content.categories.of(code)}
    found |= {describe_placement(p.places[0]) for p in content.atlas.points.values() if p.places}
    found |= {deck.title for deck in decks(content)}
    for key in ("ST36", "m:quadratus_lumborum", "tp:QL1"):
        for voice in ("patient", "student"):
            ctx = context_for(content, key, None, voice)
            if ctx is not None:
                found |= {ctx.title, *ctx.acupuncture, *ctx.dry_needling, *ctx.shared}
    return found


def groups(text: str) -> tuple[list[str], str]:
    """The top-level ⟦…⟧ groups of ``text`` (nested groups stay inside theirs) and the text outside them."""
    outside, found, depth, start = [], [], 0, 0
    for i, ch in enumerate(text):
        if ch == OPEN:
            if depth == 0:
                outside.append(text[start:i])
                start = i
            depth += 1
        elif ch == CLOSE and depth:
            depth -= 1
            if depth == 0:
                found.append(text[start:i + 1])
                start = i + 1
    outside.append(text[start:])
    return found, "\x00".join(outside)


LIST_SEPARATOR = re.compile(r"⟦[\s,;、，·]*⟧")  # _(", ") between list items: a translated separator
WORD = re.compile(r"[A-Za-z]{2,}")


def problems_in(where: str, text: str, data: list[str]) -> list[str]:
    """What is wrong with one visible text: English outside the marks, or glued translated pieces."""
    if not text or not text.strip():
        return []
    if Qt.mightBeRichText(text):
        text = _html_text(text)  # a rich-text label or tooltip
    plain = LIST_SEPARATOR.sub("|", re.sub(r"&(?=\w)", "", text))  # mnemonics out
    found, outside = groups(plain)
    # Data may stand anywhere, marked or not: take it out of what is left to judge.
    for item in data:
        if item in outside:
            outside = outside.replace(item, " ")
    wrong = []
    left = WORD.findall(outside)
    if left:
        wrong.append(f"{where}: not marked for translation: {left[:6]} in {text[:160]!r}")
    pieces = outside.split("\x00")
    for i, group in enumerate(found[:-1]):
        between = pieces[i + 1]
        if any(mark in between for mark in ("\n", "\u2029", "·", "|", "▸")):
            continue  # separate lines, paragraphs, list items, facts set apart by a dot: separate pieces
        if not group.rstrip(CLOSE).rstrip().endswith(SENTENCE_END):
            wrong.append(f"{where}: a sentence glued from pieces: {group!r} + {found[i + 1]!r} in {text[:160]!r}")
    return wrong


def widget_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every text on ``root`` and its children that a user can see or hear."""
    texts: list[tuple[str, str]] = [(f"{type(root).__name__} title", root.windowTitle())]
    for widget in [root, *root.findChildren(QWidget)]:
        if widget.objectName().startswith("qt_") or widget.objectName() in QT_OWN or _standard_button(widget):
            continue  # Qt's own parts (dock float/close buttons, Close...): translated by Qt's catalogues
        name = f"{type(widget).__name__}#{widget.objectName() or '?'}"
        if widget.toolTip() and not isinstance(widget, QAbstractButton):
            texts.append((f"{name} tooltip", widget.toolTip()))
        texts.append((f"{name} accessible name", widget.accessibleName()))
        if isinstance(widget, QLabel):
            texts.append((name, widget.text() if widget.textFormat() != 1 else _html_text(widget.text())))
        elif isinstance(widget, QAbstractButton):
            texts += [(name, widget.text()), (f"{name} tooltip", widget.toolTip())]
        elif isinstance(widget, QLineEdit):
            texts.append((f"{name} placeholder", widget.placeholderText()))
        elif isinstance(widget, QComboBox):
            texts += [(f"{name} item", widget.itemText(i)) for i in range(widget.count())]
        elif isinstance(widget, QTextBrowser):
            texts.append((name, widget.toPlainText()))
        elif isinstance(widget, QDockWidget):
            texts.append((f"{name} title", widget.windowTitle()))
        elif isinstance(widget, QTabWidget):
            texts += [(f"{name} tab", widget.tabText(i)) for i in range(widget.count())]
        elif isinstance(widget, QMenu):
            texts.append((f"{name} menu", widget.title()))
            for action in widget.actions():
                texts += [(f"{name} action", action.text()), (f"{name} action tooltip", action.toolTip())]
        elif isinstance(widget, QTreeWidget):
            header = widget.headerItem()
            texts += [(f"{name} header", header.text(c)) for c in range(header.columnCount())]
            for i in range(min(widget.topLevelItemCount(), 30)):
                item = widget.topLevelItem(i)
                texts += [(f"{name} row", item.text(c)) for c in range(item.columnCount())]
                for j in range(min(item.childCount(), 5)):
                    child = item.child(j)
                    texts += [(f"{name} row", child.text(c)) for c in range(child.columnCount())]
                    texts += [(f"{name} tooltip", child.toolTip(c)) for c in range(child.columnCount())]
        elif isinstance(widget, QTableWidget):
            texts += [(f"{name} header", widget.horizontalHeaderItem(c).text()) for c in range(widget.columnCount())]
    return texts


QT_OWN = {"ScrollLeftButton", "ScrollRightButton"}  # the tab bar's arrows


def _standard_button(widget: QWidget) -> bool:
    box = widget.parent()
    return isinstance(box, QDialogButtonBox) and box.standardButton(widget) != QDialogButtonBox.StandardButton.NoButton


def _html_text(html: str) -> str:
    from PySide6.QtGui import QTextDocument

    doc = QTextDocument()
    doc.setHtml(html)
    return doc.toPlainText()


@pytest.fixture
def pseudo_window(qtbot, tmp_path):
    from viewer.app import create_window

    i18n.set_language(i18n.PSEUDO)
    try:
        window = create_window(data_dir=tmp_path, size=(1366, 768))
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        yield window
    finally:
        i18n.set_language("en")


def _check(window, extra_roots=(), plan=None) -> list[str]:
    from PySide6.QtGui import QKeySequence

    keys = {k.toString(QKeySequence.SequenceFormat.NativeText) for a in window.findChildren(QAction_type())
            for k in a.shortcuts()}
    data = data_strings(window.content, plan) + sorted(  # key names, as Qt writes them: Ctrl, Shift, PgDown
        {token for k in keys for token in re.split(r"[+,\s]+", k) if len(token) > 1}, key=len, reverse=True)
    texts = widget_texts(window) + [("status bar", window.messages.text)]
    for action in window.findChildren(QAction_type()):
        texts += [(f"action {action.objectName() or action.text()!r}", action.text()),
                  (f"action {action.text()!r} tooltip", action.toolTip())]
    for root in extra_roots:
        texts += widget_texts(root)
    return [p for where, text in texts for p in problems_in(where, text, data)]


def QAction_type():
    from PySide6.QtGui import QAction

    return QAction


def test_every_visible_text_of_the_window_is_translated_in_one_piece(pseudo_window, qtbot):
    window = pseudo_window
    qtbot.waitUntil(lambda: window.details.toPlainText().strip() != "")  # the welcome text, after first paint
    window.select("ST36")
    for name in ("browse", "muscles", "layers", "plan", "compare", "study", "details"):
        window.raise_panel(name)
        qtbot.wait(1)
    window.browse.search.setText("zusanli")
    problems = _check(window)
    window.select("m:quadratus_lumborum")
    problems += _check(window)
    window.select("tp:QL1") if "QL1" in window.content.muscles.trigger_points else None
    problems += _check(window)
    assert not problems, "\n".join(dict.fromkeys(problems))


def test_the_dialogs_and_the_patient_view_are_translated_in_one_piece(pseudo_window, qtbot):
    window = pseudo_window
    assert window.plans.open_plan(PLAN)
    plan = window.plan_panel.plan
    window.pain_action.trigger()
    window._on_spot_clicked(0.5, 0.55)
    for title in ("&Keyboard shortcuts…", "&Trigger points and acupoints…", "Load &problems…", "Data pa&cks…"):
        action = next(a for a in window.findChildren(QAction_type()) if a.text() == i18n.pseudo(title))
        action.trigger()
    dialogs = [d for d in window.findChildren(QDialog) if d.isVisible()]
    assert len(dialogs) >= 4
    problems = _check(window, dialogs, plan)
    window.pain_action.trigger()
    window.patient_action.trigger()
    problems += _check(window, (), plan)
    assert not problems, "\n".join(dict.fromkeys(problems))


def test_the_check_catches_an_unmarked_string_and_a_glued_sentence():
    """The checker itself: English outside the marks fails, so does a sentence made of two pieces."""
    data = ["ST36", "Zúsānlǐ"]
    assert not problems_in("ok", i18n.pseudo("Shown on: {views}").format(views=i18n.pseudo("front")), data)
    assert not problems_in("data", "ST36 Zúsānlǐ", data)
    assert not problems_in("two sentences", i18n.pseudo("One.") + " " + i18n.pseudo("Two."), data)
    assert problems_in("english", "Channel lines", data)
    assert problems_in("half", i18n.pseudo("Zoom") + " in", data)
    assert problems_in("glued", i18n.pseudo("3 muscles") + " " + i18n.pseudo("and 2 points"), data)
