"""Plain-language sentences about a placement, for the details panel ("how it is found")."""
from __future__ import annotations

from .i18n import N_
from .model import Placement

# Under every description, handout and patient view.
DISCLAIMER = N_("Educational content for learning point locations. It is not a diagnosis or a "
                "treatment plan; needling belongs in the hands of a trained practitioner.")


_QUALIFIERS = ("lateral", "medial", "mid", "radial", "ulnar", "top", "lower")


def landmark_words(ref: str) -> str:
    """Public name for _name: a landmark in words."""
    return _name(ref)


def _name(ref: str) -> str:
    """A landmark name as words: 'knee_eye_lateral' -> 'lateral knee eye'; point codes stay."""
    words = ref.split("_")
    if len(words) > 1 and words[-1] in _QUALIFIERS:
        words = [words[-1] if words[-1] != "mid" else "middle of the", *words[:-1]]
    return " ".join(words)


def _cun(value: float) -> str:
    return f"{value:g} cun"


def describe_placement(place: Placement) -> str:
    """Say how the engine finds the point on a view, in words a student can follow."""
    if place.xy is not None:
        return "Drawn by hand at this spot (no landmark rule yet)."
    parts: list[str] = []
    if place.at is not None:
        parts.append(f"at {_name(place.at)}")
    elif place.start is not None and place.end is not None:
        start, end = _name(place.start), _name(place.end)
        if place.frac is not None:
            parts.append(f"{place.frac:.3g} of the way from {start} to {end}")
        elif place.cun is not None and place.of is not None:
            parts.append(f"{_cun(place.cun)} from {start} toward {end} (that line measures {_cun(place.of)})")
        else:
            parts.append(f"on the line from {start} to {end}")
    else:
        return "Placed by a rule this version cannot put in words."
    if place.lateral:
        side = "lateral" if place.lateral > 0 else "medial"
        parts.append(f"{_cun(abs(place.lateral))} {side}")
    if place.forward:
        parts.append(f"{_cun(abs(place.forward))} {'forward' if place.forward > 0 else 'backward'}")
    if place.up:
        parts.append(f"{_cun(abs(place.up))} {'up' if place.up > 0 else 'down'}")
    text = ", ".join(parts)
    return text[0].upper() + text[1:] + "."
