"""Acupuncture vs dry needling: overview loading, the in-context comparison and the panel's voices."""
from __future__ import annotations

import re

from viewer.atlas.compare import SECTION_IDS, context_for, load_overview
from viewer.atlas.keys import muscle_key, trigger_key
from viewer.atlas.resources import asset_path

TOY = """
[meta]
disclaimer = "Educational only."

[[section]]
id = "origins"
title = "Where each comes from"
[section.patient]
acupuncture = "Old Chinese practice."
dry_needling = "Newer muscle method."
shared = "Thin needles."
[section.student]
acupuncture = "Channels and qi."
dry_needling = "Taut bands."
shared = "Filiform needles."

[[section]]
id = "broken"
title = "No student voice"
[section.patient]
acupuncture = "a"
dry_needling = "b"
shared = "c"
"""


def test_overview_loads_sections_and_reports_an_incomplete_one(tmp_path):
    """A section without the student voice is skipped with a message naming it."""
    path = tmp_path / "compare.toml"
    path.write_text(TOY, encoding="utf-8")
    overview = load_overview(path)
    assert [s.id for s in overview.sections] == ["origins"]
    assert overview.sections[0].text["student"]["dry_needling"] == "Taut bands."
    assert str(overview.problems[0]) == "content/compare.toml: broken.student: is missing (section skipped)"


def test_bundled_overview_covers_every_topic_in_both_voices():
    """The shipped text has all eight sections, each in both voices, and cited references."""
    overview = load_overview(asset_path("content/compare.toml"))
    assert overview.problems == []
    assert [s.id for s in overview.sections] == list(SECTION_IDS)
    text = " ".join(s.text["patient"]["shared"] + s.text["student"]["acupuncture"] for s in overview.sections)
    assert len(text) > 1500
    assert len(overview.references) >= 6
    session = next(s for s in overview.sections if s.id == "session").text["patient"]
    assert "45" in " ".join(session.values())
    purpose = " ".join(next(s for s in overview.sections if s.id == "purpose").text["patient"].values())
    assert "exercise" in purpose.lower()


def test_context_for_an_acupoint_names_its_channel_and_a_distal_point(content):
    """BL23: channel and needling on the acupuncture side, BL40-like distal points for back pain."""
    ctx = context_for(content, "BL23")
    assert "Bladder" in ctx.acupuncture[0]
    assert any("BL40" in line for line in ctx.acupuncture)
    # BL23 lies over the low-back muscles: the dry-needling side names them and a trigger point there
    assert "Quadratus lumborum" in ctx.dry_needling[0]
    assert any(line.startswith("Trigger point QL3 ") for line in ctx.dry_needling)
    assert any("two maps overlap" in line for line in ctx.shared)


def test_context_for_a_spot_without_selection(content):
    """A bare spot beside L4 lists the acupoints at that level (BL25) and the trigger points there (QL4,
    MF2), and says the two maps overlap."""
    view = content.body.view("back")
    x, y = view.landmark("L4")
    ctx = context_for(content, spot=("back", x + 0.02, y))
    assert ctx.title == "A spot on the back view"
    assert ctx.acupuncture[0].startswith("Acupoints at this place: BL25 ")
    assert {"QL4", "MF2"} <= {line.split()[2] for line in ctx.dry_needling if line.startswith("Trigger point ")}
    assert any("two maps overlap" in line for line in ctx.shared)


def test_context_for_a_spot_far_from_everything_says_so(content):
    """Beside the head, off the body: no acupoint, no trigger point, and no claim that the maps overlap."""
    ctx = context_for(content, spot=("front", 0.3, 0.02))
    assert ctx.acupuncture == ["No acupoint lies right here; tender 'ashi' points may be needled where it hurts."]
    assert ctx.dry_needling[0].startswith("No trigger point of this atlas lies here")
    assert not any("overlap" in line for line in ctx.shared)


# Words a patient should not have to look up. Muscle and point names are names and stay.
JARGON = ("perpendicular", "oblique", "transverse", "subcutaneous", "cun", "meridian of", "taiyang", "yangming",
          "shaoyang", "taiyin", "shaoyin", "jueyin", "process", "palpat", "taut band", "spill", "essential",
          "ashi", "filiform", "thorax", "lateral", "medial", "anterior", "posterior", "proximal", "distal",
          "contraindicat", "fascia", "tubercle", "condyle", "malleolus", "intercostal", "superficial",
          "insertion", "pattern", "view")


def _patient_lines(ctx):
    return [ctx.title, *ctx.acupuncture, *ctx.dry_needling, *ctx.shared]


def test_the_patient_voice_is_plain_for_every_point_muscle_and_trigger_point(content):
    """No trade words in the patient's in-context lines, for any selection; the student's differ."""
    keys = [*content.atlas.points, *map(muscle_key, content.muscles.muscles),
            *map(trigger_key, content.muscles.trigger_points)]
    names = sorted({m.name.lower() for m in content.muscles.muscles.values()}
                   | {n.lower() for p in content.atlas.points.values() for n in (p.pinyin, p.english)},
                   key=len, reverse=True)
    found = []
    for key in keys:
        patient = context_for(content, key, voice="patient")
        if patient is None:
            continue
        student = context_for(content, key, voice="student")
        assert _patient_lines(patient) != _patient_lines(student), key
        text = " ".join(_patient_lines(patient)).lower()
        for name in names:  # names are names ("Vastus medialis"); the words around them must be plain
            text = text.replace(name, "")
        found += [f"{key}: {word}" for word in JARGON if re.search(rf"\b{word}", text)]
    assert found == []


def test_the_student_voice_keeps_the_trade_words(content):
    """The student still reads the needling angle and depth, the channel's full name and palpation."""
    ctx = context_for(content, "BL23", voice="student")
    text = " ".join(_patient_lines(ctx))
    assert "cun" in text and "Foot-Taiyang" in text
    assert "palpates" in " ".join(context_for(content, "m:quadratus_lumborum", voice="student").dry_needling)


def test_the_panel_switches_the_in_context_block_between_voices(window, qtbot):
    """With BL23 selected, a click on 'Patients' gives plain words, 'Students' the angle and depth in cun."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QPushButton

    window.raise_panel("compare")
    window.select("BL23")
    panel = window.compare
    overview_starts = window.content.overview.sections[0].title  # the in-context block comes before it
    qtbot.mouseClick(panel.findChild(QPushButton, "voice_student"), Qt.MouseButton.LeftButton)
    here = panel.browser.toPlainText().split(overview_starts)[0]
    assert "cun" in here and "Foot-Taiyang" in here
    qtbot.mouseClick(panel.findChild(QPushButton, "voice_patient"), Qt.MouseButton.LeftButton)
    here = panel.browser.toPlainText().split(overview_starts)[0]
    assert "BL23" in here and "cun" not in here and "Foot-Taiyang" not in here and "transverse" not in here
