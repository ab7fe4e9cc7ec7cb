"""Point names, alternative names and indication spellings: facts of the standard, and search finds them."""
from __future__ import annotations

import re
from collections import defaultdict

import pytest

from viewer.atlas.indications import load_aliases
from viewer.atlas.loader import load_bundled
from viewer.atlas.search import Filters


@pytest.mark.parametrize("code, pinyin", [("ST11", "Qìshè"), ("SI10", "Nàoshū"), ("TE18", "Chìmài")])
def test_pinyin_tones_of_the_standard(content, code, pinyin):
    """ST11 is Qìshè (舍 shè, abode), SI10 Nàoshū (俞 shū, transport point)."""
    assert content.atlas.points[code].pinyin == pinyin


def test_te18_is_written_in_the_prc_simplified_form_with_the_variant_searchable(content):
    """TE18 瘛脉; the variant 瘈脉 of older texts still finds it."""
    assert content.atlas.points["TE18"].hanzi == "瘛脉"
    assert content.search.search("瘈脉")[0].code == "TE18"
    assert content.search.search("瘛脉")[0].code == "TE18"


def test_cv22_lies_above_the_jugular_notch_not_in_it(content):
    """CV22 is in the suprasternal fossa, above the jugular notch: the text says it one way only."""
    location = content.atlas.points["CV22"].location.lower()
    assert "suprasternal fossa" in location and "above the jugular notch" in location
    assert "in the notch" not in location


def test_gb28_lies_medially_and_down_from_the_asis(content):
    """WHO: GB28 is 0.5 cun medio-inferior to the ASIS (GB27)."""
    point = content.atlas.points["GB28"]
    assert "medial" in point.location and "forward" not in point.location
    assert "forward" not in point.needling.note


def alternative_names_in_texts(point) -> list[str]:
    """Names a point's texts give it besides its own: 'Also called X', 'WHO short name: X', 'known as X'."""
    text = " ".join((point.location, point.disputed, *point.cautions))
    found = re.findall(r"(?:[Aa]lso called|short name:|also known as) ([^\W\d_]+)", text)
    return found + re.findall(r"\(([\u3400-\u9fff]+)\)", text)


def test_every_alternative_name_mentioned_in_a_point_text_finds_the_point(content):
    """GV26's Rénzhōng (人中), and every other name the texts mention, is searchable."""
    mentioned = {code: alternative_names_in_texts(p) for code, p in content.atlas.points.items()}
    mentioned = {code: names for code, names in mentioned.items() if names}
    assert {"GV26", "EX-B2", "EX-B8"} <= set(mentioned)
    for code, names in mentioned.items():
        for name in names:
            assert code in [h.code for h in content.search.search(name)[:3]], (code, name)
    assert content.search.search("renzhong")[0].code == "GV26"
    assert content.search.search("人中")[0].code == "GV26"


def spelling_key(tag: str) -> str:
    """A tag with US/UK spelling and plural differences removed (haemorrhoids ~ hemorrhoids, hiccup ~ hiccups)."""
    key = tag.lower().replace("ae", "e").replace("oe", "e").replace("leuc", "leuk").replace("our", "or")
    key = re.sub(r"is(e|ed|ing|ation)\b", r"iz\1", key)
    key = re.sub(r"tre\b", "ter", key)
    return " ".join(re.sub(r"(es|s)$", "", word) for word in key.split())


def test_no_two_indication_tags_differ_only_by_spelling_or_plural(content):
    """One spelling per indication: diarrhoea/diarrhea or hiccup/hiccups never both appear."""
    groups: dict[str, set[str]] = defaultdict(set)
    for point in content.atlas.points.values():
        for tag in point.tags:
            groups[spelling_key(tag)].add(tag)
    assert [sorted(g) for g in groups.values() if len(g) > 1] == []


def test_indication_tags_use_the_interfaces_british_spelling(content):
    """The UI writes 'Favourites'; tags follow: diarrhoea, oedema, haemorrhoids, labour."""
    tags = {t for p in content.atlas.points.values() for t in p.tags}
    assert {"diarrhoea", "oedema", "haemorrhoids", "amenorrhoea", "leucorrhoea", "difficult labour"} <= tags
    assert not {"diarrhea", "edema", "hemorrhoids", "amenorrhea", "leukorrhea", "difficult labor"} & tags


@pytest.mark.parametrize("spelling", ["diarrhea", "diarrhoea", "Diarrhea"])
def test_every_spelling_of_diarrhoea_finds_st36(content, spelling):
    """Searching or filtering by any spelling reaches ST36."""
    assert "ST36" in [h.code for h in content.search.search(spelling)]
    assert "ST36" in [h.code for h in content.search.search("", Filters(tags=frozenset({spelling.lower()})))]


def test_a_pack_or_file_writing_another_spelling_gets_the_atlas_tag(tmp_path):
    """The loader rewrites aliases to the tag and drops the duplicate."""
    (tmp_path / "LU.toml").write_text(
        '[meridian]\ncode = "LU"\nname = "Lung"\ncount = 1\n[[point]]\ncode = "LU1"\npinyin = "Zhōngfǔ"\n'
        'hanzi = "中府"\nenglish = "x"\nregion = "chest"\nlocation = "On the chest."\n'
        'needling = { angle = "oblique", depth = "0.5 cun" }\ntags = ["Diarrhea", "diarrhoea", "hiccup"]\n'
        'place = [{ view = "front", at = "nipple" }]\n', encoding="utf-8")
    atlas = load_bundled(tmp_path)
    assert atlas.points["LU1"].tags == ("diarrhoea", "hiccups")


def test_a_bad_alias_entry_is_named(tmp_path):
    """An alias table entry that is not a list, or an alias claimed twice, names file, entry and field."""
    path = tmp_path / "indications.toml"
    path.write_text('[aliases]\n"oedema" = "edema"\n"hiccups" = ["hiccup"]\n"hiccough" = ["hiccup"]\n',
                    encoding="utf-8")
    loaded = load_aliases(path)
    assert loaded.tag("hiccup") == "hiccups"
    assert [(p.entry, p.field) for p in loaded.problems] == [("aliases", "oedema"), ("aliases", "hiccough")]
