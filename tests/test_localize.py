"""The content shown in another language, field by field, with English standing in where needed."""
from __future__ import annotations

import pytest

from viewer.atlas.content import load_content
from viewer.atlas.localize import localize


@pytest.fixture(scope="module")
def content():
    return load_content()


def test_english_is_the_content_itself(content):
    local = localize(content, "en")
    assert local.content is content and not local.english


@pytest.mark.parametrize(("lang", "words"), [("es", ("cun", "debajo")), ("zh_CN", ("寸",))])
def test_point_texts_come_from_the_language_and_codes_stay(content, lang, words):
    local = localize(content, lang)
    st36 = local.content.atlas.points["ST36"]
    english = content.atlas.points["ST36"]
    assert st36.location != english.location
    assert all(w in st36.location for w in words)
    assert (st36.code, st36.places, st36.pinyin, st36.hanzi) == (english.code, english.places, english.pinyin,
                                                                  english.hanzi)
    assert content.atlas.points["ST36"].location == english.location  # the original is untouched


def test_muscles_channels_and_the_comparison_are_translated(content):
    local = localize(content, "es")
    assert local.content.muscles.muscles["quadratus_lumborum"].summary != \
        content.muscles.muscles["quadratus_lumborum"].summary
    tp = next(iter(local.content.muscles.muscles["quadratus_lumborum"].trigger_points))
    assert local.content.muscles.trigger_points[tp.id].name == tp.name
    assert local.content.atlas.meridians["ST"].name != content.atlas.meridians["ST"].name
    assert local.content.overview.disclaimer != content.overview.disclaimer
    assert local.term("region", "lower_back") == "zona lumbar"


def spanish_without_st36_location(tmp_path):
    """A copy of the Spanish translation whose ST36 has no location; returns the copy's assets folder."""
    import shutil

    from viewer.atlas.resources import assets_root

    assets = tmp_path / "assets"
    shutil.copytree(assets_root() / "atlas" / "i18n" / "es", assets / "atlas" / "i18n" / "es")
    path = assets / "atlas" / "i18n" / "es" / "meridians" / "ST.toml"
    text = path.read_text(encoding="utf-8")
    start = text.index("[point.ST36]")
    end = text.index("[point.", start + 5)
    block = text[start:end]
    location_line = next(line for line in block.splitlines() if line.startswith("location"))
    path.write_text(text[:start] + block.replace(location_line + "\n", "") + text[end:], encoding="utf-8")
    return assets


def test_a_missing_field_falls_back_to_english_and_says_so(content, tmp_path):
    local = localize(content, "es", spanish_without_st36_location(tmp_path))
    assert local.content.atlas.points["ST36"].location == content.atlas.points["ST36"].location
    assert local.in_english("point", "ST36", "location")
    assert not local.in_english("point", "ST36", "name")
    assert local.entry_in_english("point", "ST36") and not local.entry_in_english("point", "ST37")


def test_bundled_translations_leave_nothing_to_english_but_by_design_gaps(content):
    for lang in ("es", "zh_CN"):
        assert localize(content, lang).english == set(), lang


def test_caution_labels_have_a_translation_slot(content):
    tags = content.atlas.points["LU1"].caution_tags
    assert tags
    assert localize(content, "zh_CN").caution_labels({"no_needle"}) == ["禁针"]
    assert localize(content, "es").caution_labels({"pregnancy", "lung"}) == [
        "evitar en el embarazo", "pulmón debajo: nunca profundo"]
    english = localize(content, "en").caution_labels(tags)
    assert english and all(label.isascii() for label in english)


def test_plan_lines_name_points_by_hanzi_in_chinese(content):
    from viewer.atlas import i18n
    from viewer.atlas.keys import describe_key

    assert describe_key(content, "ST36").endswith(content.atlas.points["ST36"].english)
    with i18n.language("zh_CN"):
        assert describe_key(content, "ST36") == "ST36 Zúsānlǐ · 足三里"


def test_safety_notes_are_translated_and_a_missing_field_falls_back_to_english(content, tmp_path):
    english = content.safety.notes_for("BL13")[0]
    spanish = localize(content, "es").content.safety.notes_for("BL13")[0]
    assert (spanish.name, spanish.structure) == ("Pulmones y pleura", english.structure)
    for field in ("region", "depth", "safe", "note"):
        assert getattr(spanish, field) and getattr(spanish, field) != getattr(english, field), field
    assert localize(content, "zh_CN").content.safety.structures["kidney"].name == "肾"

    assets = tmp_path / "assets"
    (assets / "atlas" / "i18n" / "es").mkdir(parents=True)
    (assets / "atlas" / "i18n" / "es" / "safety.toml").write_text(
        '[meta]\nlanguage = "es"\nreview = "test"\n\n[structure.pleura]\nname = "Pulmones y pleura"\n',
        encoding="utf-8")
    partial = localize(content, "es", assets)
    note = partial.content.safety.notes_for("BL13")[0]
    assert note.name == "Pulmones y pleura"
    assert (note.region, note.depth, note.safe, note.note) == (english.region, english.depth, english.safe,
                                                              english.note)
    assert partial.in_english("structure", "pleura", "note")
    assert not partial.in_english("structure", "pleura", "name")


def test_the_safety_layers_drawn_labels_are_translated(content):
    labels = {d.label for ds in localize(content, "zh_CN").content.safety.drawn.values() for d in ds if d.label}
    assert "股神经" in labels and "胸膜" in labels and "femoral n." not in labels
    english = {d.label for ds in content.safety.drawn.values() for d in ds if d.label}
    assert "femoral n." in english  # the original content is untouched
