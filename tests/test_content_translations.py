"""Content translations (assets/atlas/i18n, assets/content/i18n): every language folder is checked."""
from __future__ import annotations

import pytest

from viewer.atlas.resources import assets_root
from viewer.atlas.translations import (
    check,
    completeness,
    english_texts,
    languages,
    load_translation,
    lookup,
)

LANGUAGES = languages(assets_root())


@pytest.fixture(scope="module")
def english(content):
    return english_texts(content.atlas, content.muscles, content.overview, content.safety)


def test_there_is_a_translation_folder():
    """At least one language is bundled (zh_CN), so the checks below actually run."""
    assert "zh_CN" in LANGUAGES


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_file_parses_and_names_its_language_and_review(lang):
    """Every file is valid TOML with [meta] language (= the folder) and a review status."""
    translation = load_translation(assets_root(), lang)
    assert [str(p) for p in translation.problems] == []
    assert translation.review and all(note.strip() for note in translation.review.values())


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_key_and_field_exists_in_english(lang, english):
    """Keys are real (file, point/muscle/trigger point/section, field); lists match; no markup."""
    translation = load_translation(assets_root(), lang)
    assert [str(p) for p in check(translation, english)] == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_completeness_is_computed(lang, english):
    """The completeness figure is a share between 0 and 1 (its value is reported, not asserted)."""
    share = completeness(load_translation(assets_root(), lang), english)
    print(f"{lang}: {share:.1%} of the English content fields translated")
    assert 0.0 <= share <= 1.0


# --- the checks themselves, on a small made-up language ----------------------------------------

ENGLISH = {
    ("meridians/LU.toml", "meridian", "", "name"): "Lung",
    ("meridians/LU.toml", "point", "LU1", "location"): "Six cun out.",
    ("meridians/LU.toml", "point", "LU1", "cautions"): ("Lung beneath.", "Vessels nearby."),
    ("meridians/LU.toml", "point", "LU1", "name"): "Central Treasury",
    ("vocabulary.toml", "tag", "back pain", ""): "back pain",
    ("compare.toml", "section", "origins", "patient.shared"): "Both use needles.",
}
META = '[meta]\nlanguage = "xx"\nreview = "Draft."\n'


def _write(tmp_path, relative, text):
    path = tmp_path / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_a_good_file_is_flattened_to_keys_and_falls_back_per_field(tmp_path):
    """Translated fields come from the file; a field left out falls back to the English text."""
    _write(tmp_path, "atlas/i18n/xx/meridians/LU.toml",
           META + '[meridian]\nname = "Pulmo"\n[point.LU1]\nlocation = "Sex cun."\n'
                  'cautions = ["Pulmo subtus.", "Vasa prope."]\n')
    _write(tmp_path, "atlas/i18n/xx/vocabulary.toml", META + '[tag]\n"back pain" = "dolor dorsi"\n')
    _write(tmp_path, "content/i18n/xx/compare.toml", META + '[section.origins]\npatient = { shared = "Ambo." }\n')
    translation = load_translation(tmp_path, "xx")
    assert translation.problems == [] and check(translation, ENGLISH) == []
    assert lookup(translation, ENGLISH, ("meridians/LU.toml", "point", "LU1", "location")) == ("Sex cun.", True)
    assert lookup(translation, ENGLISH, ("meridians/LU.toml", "point", "LU1", "name")) == ("Central Treasury", False)
    assert lookup(translation, ENGLISH, ("vocabulary.toml", "tag", "back pain", ""))[0] == "dolor dorsi"
    assert lookup(translation, ENGLISH, ("compare.toml", "section", "origins", "patient.shared"))[0] == "Ambo."
    assert completeness(translation, ENGLISH) == pytest.approx(5 / 6)
    assert languages(tmp_path) == ["xx"]


def test_a_folder_with_other_data_only_is_not_a_content_language(tmp_path):
    """Korean readings (i18n/ko/hangul.toml) live in a language folder but are not content translations."""
    _write(tmp_path, "atlas/i18n/ko/hangul.toml", '[meta]\nlanguage = "ko"\n[point]\nLU1 = "중부"\n')
    _write(tmp_path, "atlas/i18n/xx/vocabulary.toml", META + '[tag]\n"back pain" = "d"\n')
    assert languages(tmp_path) == ["xx"]


def test_chinese_point_names_are_not_counted_as_missing(tmp_path):
    """zh_CN leaves point names out by design (the hanzi are the name): not a gap in completeness."""
    _write(tmp_path, "atlas/i18n/zh_CN/meridians/LU.toml",
           META.replace("xx", "zh_CN") + '[point.LU1]\nlocation = "旁开6寸。"\n')
    translation = load_translation(tmp_path, "zh_CN")
    assert completeness(translation, ENGLISH) == pytest.approx(1 / 5)


def test_wrong_keys_fields_lists_and_markup_are_named(tmp_path):
    """Each mistake is reported with file, entry and field."""
    _write(tmp_path, "atlas/i18n/xx/meridians/LU.toml",
           META + '[point.LU99]\nlocation = "x"\n[point.LU1]\nlocaton = "x"\ncautions = ["only one"]\n'
                  'name = "<b>Pulmo</b>"\n')
    _write(tmp_path, "atlas/i18n/xx/meridians/QQ.toml", META + '[meridian]\nname = "x"\n')
    problems = {str(p) for p in check(load_translation(tmp_path, "xx"), ENGLISH)}
    assert problems == {
        "i18n/xx/meridians/LU.toml: point.LU99.location: does not exist in the English content",
        "i18n/xx/meridians/LU.toml: point.LU1.locaton: is not a known field of this entry",
        "i18n/xx/meridians/LU.toml: point.LU1.cautions: has 1 items but the English has 2",
        "i18n/xx/meridians/LU.toml: point.LU1.name: contains markup ('<'): plain text only",
        "i18n/xx/meridians/QQ.toml: meridian.name: does not exist in the English content",
    }


def test_a_text_where_a_list_belongs_is_an_error(tmp_path):
    """cautions must stay a list, location a text."""
    _write(tmp_path, "atlas/i18n/xx/meridians/LU.toml",
           META + '[point.LU1]\ncautions = "Pulmo."\nlocation = ["a"]\n')
    problems = {p.field: p.message for p in check(load_translation(tmp_path, "xx"), ENGLISH)}
    assert problems == {"cautions": "must be a list of texts, as in English",
                        "location": "must be a text, as in English"}


def test_unreadable_files_and_bad_meta_are_reported_and_the_rest_loads(tmp_path):
    """Broken TOML skips only that file; missing meta fields and a wrong language are named."""
    _write(tmp_path, "atlas/i18n/xx/meridians/LU.toml", META + "[point.LU1\n")
    _write(tmp_path, "atlas/i18n/xx/vocabulary.toml", '[meta]\nlanguage = "yy"\n[tag]\n"back pain" = "d"\n')
    _write(tmp_path, "content/i18n/xx/compare.toml", '[section.origins]\npatient = { shared = 3 }\n')
    translation = load_translation(tmp_path, "xx")
    problems = [str(p) for p in translation.problems]
    assert problems[0].startswith("i18n/xx/meridians/LU.toml: not valid TOML:")
    assert problems[1:] == [
        "i18n/xx/vocabulary.toml: meta.review: is missing or empty",
        "i18n/xx/vocabulary.toml: meta.language: says 'yy' but the folder is 'xx'",
        "i18n/xx/compare.toml: meta: the [meta] table is missing",
        "i18n/xx/compare.toml: meta.language: is missing or empty",
        "i18n/xx/compare.toml: meta.review: is missing or empty",
        "i18n/xx/compare.toml: section.origins.patient.shared: must be a text (or a list of texts) inside a table",
    ]
    assert translation.texts == {("vocabulary.toml", "tag", "back pain", ""): "d"}
