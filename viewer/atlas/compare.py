"""Traditional acupuncture vs dry needling: the overview text and the comparison for a selection.

The overview comes from ``assets/content/compare.toml`` (two voices: patient and student). The
"in context" comparison is computed from the two atlases for whatever is selected: an acupoint, a
muscle, a trigger point or a painful spot.
"""
import math
from pathlib import Path

import msgspec

from .i18n import _, join, join_or
from .keys import muscle_of, parse
from .model import Problem, Record, Table
from .translations import region_words, term

VOICES = ("patient", "student")
COLUMNS = ("acupuncture", "dry_needling", "shared")
SECTION_IDS = ("origins", "choosing", "stimulation", "body", "session", "purpose", "feel", "safety")
NEAR = 0.035  # model units (about 6 cm): what counts as "at the same place" on the drawing


class Section(Record, frozen=True):
    id: str
    title: str
    text: dict[str, dict[str, str]]  # voice -> column -> text


class Reference(Record, frozen=True):
    key: str
    authors: str
    year: int
    title: str
    where: str

    def cite(self) -> str:
        return f"{self.authors} ({self.year}). {self.title}. {self.where}."


class Overview(Table):
    disclaimer: str = ""
    sections: list[Section] = msgspec.field(default_factory=list)
    references: list[Reference] = msgspec.field(default_factory=list)
    problems: list[Problem] = msgspec.field(default_factory=list)


def load_overview(path: Path) -> Overview:
    """Read compare.toml; a missing section or voice is reported, the rest still shows."""
    from .store import entries_of, read_toml

    overview = Overview()
    name = f"content/{path.name}"
    data = read_toml(path, name, overview.problems)
    if data is None:
        return overview
    meta = data.get("meta", {})
    overview.disclaimer = str(meta.get("disclaimer", "")) if isinstance(meta, dict) else ""
    sections, wrong = entries_of(data, "section")
    references, wrong_refs = entries_of(data, "reference")
    for section, message in (("section", wrong), ("reference", wrong_refs)):
        if message:
            overview.problems.append(Problem(name, section, "", message))
    for index, entry in enumerate(sections):
        label = entry.get("id", f"section #{index + 1}") if isinstance(entry, dict) else f"section #{index + 1}"
        try:
            if not isinstance(entry, dict) or not isinstance(entry.get("title"), str):
                raise ValueError("title", _("is missing"))
            text = {}
            for voice in VOICES:
                block = entry.get(voice)
                if not isinstance(block, dict):
                    raise ValueError(voice, _("is missing"))
                for column in COLUMNS:
                    if not isinstance(block.get(column), str) or not block[column].strip():
                        raise ValueError(f"{voice}.{column}", _("is missing or empty"))
                text[voice] = {c: block[c].strip() for c in COLUMNS}
            overview.sections.append(Section(str(label), entry["title"], text))
        except ValueError as exc:
            overview.problems.append(Problem(name, str(label), exc.args[0],
                                             _("{problem} (section skipped)").format(problem=exc.args[1])))
    for index, ref in enumerate(references):
        try:
            overview.references.append(Reference(str(ref["key"]), str(ref["authors"]), int(ref["year"]),
                                                 str(ref["title"]), str(ref.get("where", ""))))
        except (KeyError, TypeError, ValueError) as exc:
            overview.problems.append(Problem(name, f"reference #{index + 1}", str(exc).strip("'"),
                                             _("is missing or invalid (reference skipped)")))
    return overview


class Context(Table):
    """The two approaches at one place: short lines for each column, and a title."""

    title: str
    acupuncture: list[str] = msgspec.field(default_factory=list)
    dry_needling: list[str] = msgspec.field(default_factory=list)
    shared: list[str] = msgspec.field(default_factory=list)


def _spot_of(content, key: str) -> tuple[str, float, float] | None:
    """The view and position that represent a selection (first marker, x > 0 side)."""
    parsed = parse(key)
    if parsed.is_trigger_point:
        markers = content.muscles.markers_of(parsed.ref)
    elif parsed.is_muscle:
        tps = content.muscles.muscles[parsed.ref].trigger_points
        markers = content.muscles.markers_of(tps[0].id) if tps else []
    else:
        markers = content.layout.markers_of(parsed.ref)
    markers = sorted(markers, key=lambda m: m.x < 0)
    return (markers[0].view, markers[0].x, markers[0].y) if markers else None


def _distal_points(content, tag: str, region: str, channels: list[str], limit: int = 3) -> list[str]:
    """Points far from the spot that the tradition uses for the same complaint (e.g. BL40 for back pain).

    Points on the channels that pass through the spot come first, as a practitioner would choose them.
    """
    far_regions = {"hand", "wrist", "forearm", "elbow", "knee", "leg", "ankle", "foot"}
    found = [c for c, p in content.atlas.points.items()
             if tag in p.tags and p.region in far_regions and p.region != region and not c.startswith("EX")]
    rank = {m: i for i, m in enumerate(channels)}
    found.sort(key=lambda c: rank.get(content.atlas.points[c].meridian, len(rank)))
    return found[:limit]


def context_for(content, key: str = "", spot: tuple[str, float, float] | None = None,
                voice: str = "student") -> Context | None:
    """Compare the two approaches for a selection key (acupoint, muscle, trigger point) or a spot.

    ``voice`` "student" speaks the trade's language (angles, cun, channel names, palpation); "patient"
    says the same in plain words. Each sentence below is written in both voices, side by side.
    """
    from .muscles import nearby_points, where_it_hurts
    from .safety import notes_at

    def say(student: str, patient: str) -> str:
        return patient if voice == "patient" else student

    muscles = content.muscles
    if spot is None and key:
        spot = _spot_of(content, key)
    if spot is None:
        return None
    view, x, y = spot
    near_points = nearby_points(content.layout, view, x, y, NEAR)
    hits = where_it_hurts(muscles, view, x, y)
    over = sorted({r.muscle for r in muscles.regions.get(view, []) if r.kind == "muscle" and r.contains(x, y)})
    near_tps = sorted({m.code for m in muscles.markers.get(view, []) if math.hypot(m.x - x, m.y - y) <= NEAR})
    selected = parse(key)
    point = content.atlas.points.get(selected.ref) if selected.is_point and selected.ref else None

    if point is not None:
        ctx = Context(f"{point.code} {point.pinyin} ({point.english})")
        meridian = content.atlas.meridians[point.meridian]
        region = region_words(point.region)
        outside = point.code.startswith("EX") or meridian.code.startswith("PACK")
        ctx.acupuncture.append(say(
            _("{code} lies on the {channel}: {location}").format(
                code=point.code, channel=meridian.full_name, location=point.location),
            (_("This point sits on the {region}, outside the main channels.") if outside
             else _("This point sits on the {region}, on the channel called {channel}.")).format(
                region=region, channel=meridian.name)))
        uses = join(term("tag", tag) for tag in point.tags[:4])
        if point.needling.needled:
            ctx.acupuncture.append(say(
                _("Needled {angle}, {depth}; traditionally used for {uses}.").format(
                    angle=term("angle", point.needling.angle), depth=point.needling.depth, uses=uses),
                _("A very fine needle goes in a short way here. People traditionally come for: {uses}.").format(
                    uses=uses)))
        else:
            ctx.acupuncture.append(say(
                _("Never needled (needling contraindicated); traditionally used for {uses}.").format(uses=uses),
                _("No needle is ever put in here; the point is used in other ways, traditionally for: "
                  "{uses}.").format(uses=uses)))
    elif selected.is_muscle:
        muscle = muscles.muscles[selected.ref]
        ctx = Context(muscle.name)
    elif selected.is_trigger_point:
        tp = muscles.trigger_points[selected.ref]
        name = muscles.muscles[tp.muscle].name
        ctx = Context(say(f"{tp.id}: {tp.name} ({name})",
                          _("A tight, tender spot in the {muscle} muscle").format(muscle=name)))
    else:
        ctx = Context(say(_("A spot on the {view} view").format(view=view), _("This spot on the body")))

    if near_points and point is None:
        names = join(f"{c} {content.atlas.points[c].pinyin}" for c, _distance in near_points[:4])
        ctx.acupuncture.append(say(_("Acupoints at this place: {points}.").format(points=names),
                                   _("Acupuncture points close by: {points}.").format(points=names)))
    for tag in ("back pain", "neck stiffness", "shoulder pain", "knee pain", "headache"):
        if any(tag in content.atlas.points[c].tags for c, _distance in near_points[:6]):
            region = content.atlas.points[near_points[0][0]].region
            channels = list(dict.fromkeys(content.atlas.points[c].meridian for c, _distance in near_points))
            distal = _distal_points(content, tag, region, channels)
            if distal:
                complaint = term("tag", tag)
                places = join_or(dict.fromkeys(region_words(content.atlas.points[c].region) for c in distal))
                ctx.acupuncture.append(say(
                    _("For {complaint} a practitioner often adds distant points on the same channels, "
                      "e.g. {points}, chosen by channel and pattern.").format(complaint=complaint, points=join(distal)),
                    _("For {complaint} the practitioner may also use points far from where it hurts, "
                      "for example on the {places}.").format(complaint=complaint, places=places)))
            break

    if over:
        names = join(muscles.muscles[m].name for m in over)
        ctx.dry_needling.append(say(
            _("Muscles under this spot: {muscles}. A practitioner palpates them for tender "
              "taut bands and needles the trigger point itself.").format(muscles=names),
            _("Under the skin here lie these muscles: {muscles}. The practitioner presses them to find tight, "
              "tender spots and puts the needle right into such a spot.").format(muscles=names)))
    for tp_id in near_tps:
        tp = muscles.trigger_points[tp_id]
        name = muscles.muscles[tp.muscle].name
        ctx.dry_needling.append(say(
            _("Trigger point {code} of {muscle} is here ({name}).").format(code=tp.id, muscle=name, name=tp.name),
            _("A tight, tender spot often forms here in the {muscle} muscle.").format(muscle=name)))
    if hits:
        essential = [muscles.muscles[h.muscle].name for h in hits if h.kind == "essential"]
        spill = [muscles.muscles[h.muscle].name for h in hits if h.kind == "spillover"]
        if essential:
            ctx.dry_needling.append(say(
                _("Pain felt here is typical of trigger points in {muscles}; "
                  "the needle goes into the muscle, which may lie elsewhere.").format(muscles=join(essential)),
                _("Pain felt here often comes from tight spots in {muscles}, so the needle may go "
                  "into that muscle, which can be some way from where it hurts.").format(muscles=join(essential))))
        if spill:
            ctx.dry_needling.append(say(
                _("Pain here can also spill over from {muscles}.").format(muscles=join(spill)),
                _("Pain here can sometimes come from {muscles} too.").format(muscles=join(spill))))
    muscle_id = muscle_of(muscles, selected)
    if muscle_id is not None:
        muscle = muscles.muscles[muscle_id]
        ctx.dry_needling.insert(0, say(
            # Translators: a muscle's name, then its needling text (both from the content).
            _("{muscle}: {text}").format(muscle=muscle.name, text=muscle.needling),
            _("The practitioner feels along the {muscle} muscle for tight, tender spots and may put a "
              "fine needle into one; the muscle can twitch briefly, which is expected.").format(muscle=muscle.name)))
    if not ctx.dry_needling:
        ctx.dry_needling.append(say(
            _("No trigger point of this atlas lies here; a dry-needling practitioner would "
              "palpate the nearby muscles for tender taut bands."),
            _("No typical tight spot lies right here; the practitioner would feel the muscles around it "
              "for tender places.")))
    if not ctx.acupuncture:
        ctx.acupuncture.append(say(
            _("No acupoint lies right here; tender 'ashi' points may be needled where it hurts."),
            _("There is no classic acupuncture point right here; a practitioner may still put a needle "
              "where it feels tender.")))

    ctx.shared.append(say(_("Both use the same thin, solid filiform needles and aim to relieve pain."),
                          _("Both use the same very thin needles, with no medicine in them, and both aim to "
                            "ease pain.")))
    if near_points and (near_tps or over):
        ctx.shared.append(say(
            _("Here the two maps overlap: an acupoint and a muscle with trigger points share the spot, "
              "so both practitioners may needle close to the same place, for different reasons."),
            _("Here the two approaches meet: both practitioners may put a needle close to the same place, "
              "for different reasons.")))
    # The cautions of what would actually be needled: the selected point, the selected muscle, or
    # (for a bare spot) the nearest acupoint.
    if point is not None:
        cautions = set(point.caution_tags)
    elif muscle_id is not None:
        cautions = set(muscles.muscles[muscle_id].safety_tags)
    elif near_points:
        cautions = set(content.atlas.points[near_points[0][0]].caution_tags)
    else:
        cautions = set()
    beneath = content.safety.notes_of(key, muscles) if key else notes_at(content.safety, view, x, y)
    for note in beneath:
        ctx.shared.append(say(
            _("Beneath: {note}").format(note=note.sentence()),
            _("Something to keep clear of lies under this spot: the {name}. Both kinds of practitioner know it "
              "is there and keep the needle shallow or angled away from it.").format(name=note.name.lower())))
    if "lung" in cautions:
        ctx.shared.append(say(
            _("Both must respect the lung below: shallow or angled needling only over the thorax."),
            _("The lung lies not far under the skin here, so both keep the needle shallow or slanted.")))
    if cautions & {"vessel", "nerve"}:
        ctx.shared.append(say(
            _("Both keep clear of the vessels and nerves that run here."),
            _("Blood vessels and nerves run here, and both practitioners keep the needle clear of them.")))
    return ctx
