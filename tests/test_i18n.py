"""The interface translation mechanism: gettext catalogues, plural forms, the patient's language,
the pseudo-locale, Qt's own translations, --lang and the Language menu."""
from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo

from viewer.atlas import i18n
from viewer.atlas.i18n import _, ngettext

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import i18n as i18n_tool  # noqa: E402  (tools/i18n.py)


@pytest.fixture(autouse=True)
def _english_after():
    yield
    i18n.set_language("en")


def _catalogue(tmp_path: Path, lang: str, entries: dict) -> Path:
    """A compiled catalogue in a throw-away assets folder, written the way tools/i18n.py writes them."""
    catalog = Catalog(locale=lang, domain=i18n.DOMAIN)
    for msgid, msgstr in entries.items():
        catalog.add(msgid, msgstr)
    folder = tmp_path / "locale" / lang / "LC_MESSAGES"
    folder.mkdir(parents=True)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    (folder / f"{i18n.DOMAIN}.mo").write_bytes(buffer.getvalue())
    return tmp_path


@pytest.mark.parametrize(("tag", "expected"), [
    ("es_ES.UTF-8", "es"), ("es-MX", "es"), ("es", "es"), ("zh_CN.UTF-8", "zh_CN"), ("zh-Hans-CN", "zh_CN"),
    ("zh", "zh_CN"), ("zh_TW", None), ("zh-Hant-HK", None), ("fr_FR", None), ("C", None), ("", None),
    ("en_GB", "en"),
])
def test_locale_tags_map_to_the_bundled_language_that_serves_them(tag, expected):
    assert i18n.normalise(tag) == expected


def test_the_system_language_follows_the_gettext_variables_in_their_order():
    assert i18n.system_language({"LANGUAGE": "fr:es", "LANG": "zh_CN.UTF-8"}) == "es"
    assert i18n.system_language({"LC_ALL": "C", "LANG": "zh_CN.UTF-8"}) == "zh_CN"
    assert i18n.system_language({"LANG": "de_DE.UTF-8"}) == "en"


def test_messages_and_plurals_come_from_the_catalogue_with_its_own_plural_rules(tmp_path):
    root = _catalogue(tmp_path, "es", {
        "Placed on the diagram": "Situado en el diagrama",
        ("{n} point", "{n} points"): ("{n} punto", "{n} puntos", "{n} puntos"),
    })
    catalogue = i18n.catalogue("es", root)
    assert catalogue.gettext("Placed on the diagram") == "Situado en el diagrama"
    assert catalogue.ngettext("{n} point", "{n} points", 1) == "{n} punto"
    assert catalogue.ngettext("{n} point", "{n} points", 5) == "{n} puntos"
    assert catalogue.gettext("Not in the catalogue") == "Not in the catalogue"  # English stands in


def test_an_unreadable_catalogue_is_named_and_english_is_used(tmp_path):
    folder = tmp_path / "locale" / "es" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "meridian.mo").write_bytes(b"\x00garbage, not a catalogue")
    catalogue = i18n.catalogue("es", tmp_path)
    assert catalogue.gettext("Language") == "Language"
    assert str(folder / "meridian.mo") in i18n.problems["es"]


def test_the_patients_language_is_used_inside_the_block_and_the_users_afterwards():
    i18n.set_language("zh_CN")
    assert _("Language") == "语言"
    with i18n.language("es"):
        assert _("Language") == "Idioma"
        with i18n.language(None):  # no patient language chosen: the user's stays
            assert _("Language") == "Idioma"
    assert _("Language") == "语言"


def test_pseudo_locale_marks_every_message_and_keeps_fields_and_markup():
    i18n.set_language(i18n.PSEUDO)
    text = _("Placed on <b>{name}</b> at %(cun)s cun &amp; more")
    assert text.startswith("⟦") and text.endswith("⟧")
    assert "{name}" in text and "%(cun)s" in text and "<b>" in text and "&amp;" in text
    assert text != "⟦Placed on <b>{name}</b> at %(cun)s cun &amp; more⟧"  # letters were changed
    assert ngettext("{n} point", "{n} points", 2).startswith("⟦")


@pytest.mark.parametrize("lang", i18n_tool.languages())
def test_every_compiled_catalogue_matches_its_po_file(lang):
    mo = i18n_tool.po_path(lang).with_suffix(".mo")
    assert mo.read_bytes() == i18n_tool.compiled(lang), f"run: python tools/i18n.py compile ({lang})"


def test_the_template_holds_every_marked_string_of_the_code():
    committed = {m.id for m in i18n_tool.read(i18n_tool.LOCALE / "meridian.pot") if m.id}
    current = {m.id for m in i18n_tool.template() if m.id}
    assert current == committed, "run: python tools/i18n.py all"


def test_an_unknown_language_on_the_command_line_is_refused_with_the_bundled_ones(capsys):
    from viewer.cli import app_parser

    with pytest.raises(SystemExit) as exit_:
        app_parser().parse_args(["--lang", "fr"])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "'fr'" in err and "es" in err and "zh_CN" in err


def test_qt_standard_dialog_buttons_follow_the_language(qtbot):
    from PySide6.QtWidgets import QApplication, QDialogButtonBox

    from viewer.ui.language import install_qt_translations

    app = QApplication.instance()
    try:
        assert install_qt_translations(app, "es")
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        qtbot.addWidget(box)
        assert box.button(QDialogButtonBox.StandardButton.Cancel).text().replace("&", "") == "Cancelar"
    finally:
        install_qt_translations(app, "en")
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text().replace("&", "") == "Cancel"


def test_language_menu_remembers_the_choice_and_offers_a_restart(qtbot, tmp_path):
    from PySide6.QtWidgets import QMessageBox

    from viewer.app import create_window
    from viewer.ui.language import saved_choice

    window = create_window(data_dir=tmp_path)
    qtbot.addWidget(window)
    window.show()
    spanish = next(a for a in window.language_menu.actions() if a.data() == "es")
    spanish.trigger()
    box = window.findChild(QMessageBox, "restart_prompt")
    qtbot.waitUntil(lambda: box is not None and box.isVisible())
    assert "¿Reiniciar ahora?" in box.text()  # asked in the language chosen
    box.button(QMessageBox.StandardButton.No).click()
    assert saved_choice(tmp_path) == "es"
    assert spanish.isChecked()
    assert window.isVisible()  # "No": nothing restarts


def test_a_restart_drops_the_old_lang_argument():
    from viewer.ui.language import without_lang

    assert without_lang(["-m", "viewer", "--lang", "es", "--view", "back", "--lang=zh_CN"]) == [
        "-m", "viewer", "--view", "back"]


def test_every_translation_call_in_the_code_is_seen_by_the_extractor():
    """A `_("...")` Babel cannot see (inside an f-string, say) would stay English in every language."""
    import ast

    seen = {(loc[0], loc[1]) for m in i18n_tool.template() if m.id for loc in m.locations}
    missed = []
    for path in sorted((ROOT / "viewer").rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in ("_", "N_", "ngettext", "pgettext") and node.args
                    and all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in node.args[:2])
                    and (rel, node.lineno) not in seen):
                missed.append(f"{rel}:{node.lineno}")
    assert not missed, f"not extracted (move the call out of the f-string): {missed}"


def test_a_language_that_cannot_be_saved_is_said_and_nothing_restarts(qtbot, tmp_path):
    from PySide6.QtWidgets import QMessageBox

    from viewer.app import create_window
    from viewer.ui.language import saved_choice

    window = create_window(data_dir=tmp_path)
    qtbot.addWidget(window)
    (tmp_path / "window.ini").mkdir()  # the settings file cannot be written
    spanish = next(a for a in window.language_menu.actions() if a.data() == "es")
    spanish.trigger()
    assert "could not be saved" in window.messages.text
    assert window.findChild(QMessageBox, "restart_prompt") is None
    assert saved_choice(tmp_path) == "system"
