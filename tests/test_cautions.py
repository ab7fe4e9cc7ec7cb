"""The caution vocabulary: one list in data, used correctly by every point and shown in its words."""
from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from viewer.atlas.cautions import load_vocabulary, vocabulary
from viewer.atlas.loader import load_bundled

STOP = {"in", "the", "a", "of", "at"}


def words(text: str) -> list[str]:
    return re.findall(r"[a-z]+", text.lower())


def test_every_tag_used_by_a_point_or_muscle_is_in_the_vocabulary(content):
    """No point or muscle carries a caution tag the vocabulary does not define."""
    known = set(vocabulary().cautions)
    used = {t for p in content.atlas.points.values() for t in p.caution_tags}
    used |= {t for m in content.muscles.muscles.values() for t in m.safety_tags}
    assert used and used <= known
    assert vocabulary().problems == []


def test_every_label_is_said_again_in_its_meaning():
    """The chip's words appear, in order, in the sentence that explains it (so they cannot disagree)."""
    for caution in vocabulary().cautions.values():
        meaning = words(caution.meaning)
        position = 0
        for word in (w for w in words(caution.label) if w not in STOP):
            assert word in meaning[position:], (caution.id, word)
            position = meaning.index(word, position) + 1


def test_moxibustion_and_needling_tags_say_what_they_forbid():
    """'moxibustion avoided' never reads as a needling restriction; 'needling contraindicated' does."""
    no_moxa = vocabulary().cautions["no_moxa"]
    no_needle = vocabulary().cautions["no_needle"]
    assert "moxibustion" in words(no_moxa.label) and "needling" not in words(no_moxa.label)
    assert words(no_needle.label) == ["needling", "contraindicated"]


def test_no_point_is_both_needling_contraindicated_and_given_a_depth(content):
    """A point that is never needled has no needling depth; every other point has one."""
    for point in content.atlas.points.values():
        never = "no_needle" in point.caution_tags
        assert never != point.needling.needled, point.code


def test_the_navel_and_the_nipple_are_never_needled(content):
    """CV8 (needling forbidden, moxa used) and ST17 (neither) are the atlas's no-needle points."""
    never = {c for c, p in content.atlas.points.items() if "no_needle" in p.caution_tags}
    assert never == {"CV8", "ST17"}
    assert "no_moxa" not in content.atlas.points["CV8"].caution_tags
    assert "no_moxa" in content.atlas.points["ST17"].caution_tags


@pytest.mark.parametrize("code", ["LU3", "LI20", "ST1", "BL1", "GB42"])
def test_points_where_moxa_is_avoided_are_still_needled(content, code):
    """The classical moxibustion prohibitions do not stop the needle: a depth is given."""
    point = content.atlas.points[code]
    assert "no_moxa" in point.caution_tags and "no_needle" not in point.caution_tags
    assert point.needling.needled


def test_tags_agree_with_the_caution_sentences(content):
    """A point tagged no_moxa says so in its cautions, and a caution forbidding moxa carries the tag."""
    forbids = re.compile(r"moxibustion (is )?(traditionally )?(not|avoided|forbid)|forbids? moxibustion here\.")
    for point in content.atlas.points.values():
        text = " ".join(point.cautions).lower()
        if "no_moxa" in point.caution_tags:
            assert "moxibustion" in text, point.code
        if forbids.search(text) and "pregnancy" not in text:
            assert "no_moxa" in point.caution_tags, point.code


def test_li20_panel_shows_moxibustion_avoided_above_its_needling(window):
    """LI20's details: the chip reads 'moxibustion avoided', never 'needling avoided'."""
    window.select("LI20")
    text = window.details.toPlainText()
    assert "moxibustion avoided" in text and "needling avoided" not in text
    assert "needling contraindicated" not in text and "0.3–0.5 cun" in text


def test_cv8_panel_says_needling_contraindicated_and_gives_no_depth(window):
    """CV8's details show the no-needle chip and 'Not needled' instead of a depth."""
    window.select("CV8")
    text = window.details.toPlainText()
    assert "needling contraindicated" in text and "Not needled" in text
    assert "cun." not in text.split("Needling", 1)[1].split("Cautions")[0]


def test_search_finds_points_by_caution_label(content):
    """Typing a caution label finds the points that carry it."""
    codes = {h.code for h in content.search.search("moxibustion avoided")}
    assert {"LI20", "ST1", "GB42"} <= codes and "CV8" not in codes
    assert "CV8" in {h.code for h in content.search.search("needling contraindicated")}


def test_patient_view_names_the_cautions_of_plan_points(window):
    """The patient view lists the caution labels of the points in the plan."""
    window.select("LI4")
    window.add_to_plan_action.trigger()
    window.patient_action.trigger()
    assert "avoid in pregnancy" in window.patient_view.panel.toPlainText()
    window.patient_action.trigger()


def test_handout_names_the_cautions_of_plan_points(window, tmp_path):
    """The printed handout carries the same caution labels."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext not installed")
    window.select("ST1")
    window.add_to_plan_action.trigger()
    pdf = tmp_path / "handout.pdf"
    assert window.plans.export_handout(pdf)
    out = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    assert "moxibustion avoided" in " ".join(out.split())


def test_a_retired_or_unknown_tag_is_refused_with_a_message(tmp_path):
    """'moxa' (used in both senses) names its successors; the entry is skipped, the rest loads."""
    point = ('[[point]]\ncode = "{code}"\npinyin = "Zhōngfǔ"\nhanzi = "中府"\nenglish = "x"\nregion = "chest"\n'
             'location = "On the chest."\nneedling = {{ angle = "oblique", depth = "0.5 cun" }}\n'
             'caution_tags = ["{tag}"]\nplace = [{{ view = "front", at = "nipple" }}]\n')
    (tmp_path / "LU.toml").write_text('[meridian]\ncode = "LU"\nname = "Lung"\ncount = 2\n'
                                      + point.format(code="LU1", tag="moxa")
                                      + point.format(code="LU2", tag="no_needle"), encoding="utf-8")
    atlas = load_bundled(tmp_path)
    assert atlas.points == {}
    first, second = atlas.problems
    assert (first.entry, first.field) == ("LU1", "caution_tags")
    assert "no_needle" in first.message and "no_moxa" in first.message
    assert (second.entry, second.field) == ("LU2", "needling.angle")


def test_a_broken_vocabulary_entry_is_named_and_skipped(tmp_path):
    """A vocabulary entry without a meaning is reported by file, entry and field; the others load."""
    path = tmp_path / "cautions.toml"
    path.write_text('[[caution]]\nid = "eye"\nlabel = "near the eye"\n'
                    '[[caution]]\nid = "lung"\nlabel = "lung"\nmeaning = "The lung."\n', encoding="utf-8")
    loaded = load_vocabulary(path)
    assert list(loaded.cautions) == ["lung"]
    assert [(p.file, p.entry, p.field) for p in loaded.problems] == [("cautions.toml", "eye", "meaning")]
    assert load_vocabulary(tmp_path / "missing.toml").problems[0].message.startswith("cannot be read")
