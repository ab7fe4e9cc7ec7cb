"""Plain-language sentences about a placement, for the details panel ("how it is found")."""
from __future__ import annotations

import functools

from .i18n import N_, _, join
from .model import Placement
from .translations import term

# Under every description, handout and patient view.
DISCLAIMER = N_("Educational content for learning point locations. It is not a diagnosis or a "
                "treatment plan; needling belongs in the hands of a trained practitioner.")


_QUALIFIERS = ("lateral", "medial", "mid", "radial", "ulnar", "top", "lower")


def landmark_words(ref: str) -> str:
    """Public name for _name: a landmark in words."""
    return _name(ref)


def landmark_ids() -> list[str]:
    """Every landmark id of the body model that a placement can name (vertebrae and point codes excluded)."""
    return sorted({name for view in _body().views.values() for name in view.landmarks if name.islower()})


@functools.cache
def _body():
    from .body import build_body

    return build_body()


def _name(ref: str) -> str:
    """A landmark in words of the interface language ('knee_eye_lateral' -> 'lateral knee eye',
    'ojo lateral de la rodilla', '外膝眼（犊鼻）'); point codes and vertebrae stay as they are."""
    return term("landmark", ref, english_landmark(ref))


def english_landmark(ref: str) -> str:
    """A landmark id in English words: 'knee_eye_lateral' -> 'lateral knee eye'; point codes stay."""
    words = ref.split("_")
    if len(words) > 1 and words[-1] in _QUALIFIERS:
        words = [words[-1] if words[-1] != "mid" else "middle of the", *words[:-1]]
    return " ".join(words)


def cun(value: float) -> str:
    """'1.5 cun' (寸 in Chinese)."""
    # Translators: a distance in cun, the proportional body inch (Chinese 寸).
    return _("{value} cun").format(value=f"{value:g}")


def describe_placement(place: Placement) -> str:
    """Say how the engine finds the point on a view, in words a student can follow."""
    if place.xy is not None:
        return _("Drawn by hand at this spot (no landmark rule yet).")
    if place.at is not None:
        # Translators: the start of a point's description, e.g. "At umbilicus" (a landmark or a point code).
        base = _("At {landmark}").format(landmark=_name(place.at))
    elif place.start is not None and place.end is not None:
        start, end = _name(place.start), _name(place.end)
        if place.frac is not None:
            base = _("{fraction} of the way from {start} to {end}").format(
                fraction=f"{place.frac:.3g}", start=start, end=end)
        elif place.cun is not None and place.of is not None:
            base = _("{distance} from {start} toward {end} (that line measures {length})").format(
                distance=cun(place.cun), start=start, end=end, length=cun(place.of))
        else:
            base = _("On the line from {start} to {end}").format(start=start, end=end)
    else:
        return _("Placed by a rule this version cannot put in words.")
    offsets = []
    if place.lateral:
        offsets.append((_("{distance} lateral") if place.lateral > 0 else _("{distance} medial")).format(
            distance=cun(abs(place.lateral))))
    if place.forward:
        offsets.append((_("{distance} forward") if place.forward > 0 else _("{distance} backward")).format(
            distance=cun(abs(place.forward))))
    if place.up:
        offsets.append((_("{distance} up") if place.up > 0 else _("{distance} down")).format(
            distance=cun(abs(place.up))))
    if not offsets:
        # Translators: a point's description that has no offsets; keep the final full stop of your language.
        return _("{place}.").format(place=base)
    # Translators: a point's description, then its offsets, e.g. "At umbilicus, 2 cun lateral, 1 cun up."
    return _("{place}, {offsets}.").format(place=base, offsets=join(offsets))
