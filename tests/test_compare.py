"""Acupuncture vs dry needling: overview loading, the in-context comparison and the panel's voices."""
from __future__ import annotations

from viewer.atlas.compare import SECTION_IDS, context_for, load_overview
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
    assert ctx.shared and ctx.dry_needling


def test_context_for_a_spot_without_selection(content):
    """A bare spot still gets all three columns."""
    view = content.body.view("back")
    x, y = view.landmark("L4")
    ctx = context_for(content, spot=("back", x + 0.02, y))
    assert ctx.title == "A spot on the back view"
    assert ctx.acupuncture and ctx.dry_needling and ctx.shared
