"""Plain-language sentences about a placement, for the details panel ("how it is found")."""
from __future__ import annotations

import functools

from .i18n import N_, _, contract, join
from .model import Placement
from .translations import term

# Under every description, handout and patient view.
DISCLAIMER = N_("Educational content for learning point locations. It is not a diagnosis or a "
                "treatment plan; needling belongs in the hands of a trained practitioner.")


_QUALIFIERS = ("lateral", "medial", "mid", "radial", "ulnar", "top", "lower")

# Landmarks whose id does not read well word by word (numbered bones, webs, nails, the skull): their
# English name.
# Creases are the palm-side skin creases; the nail corners are those at the base of the nail.
_ENGLISH_LANDMARKS = {
    "bregma": "bregma (junction of the coronal and sagittal sutures)",
    "lambda": "lambda (junction of the sagittal and lambdoid sutures)",
    "dorsum_2_3_mid": "middle of the back of the hand between the 2nd and 3rd metacarpals",
    "dorsum_4_5_mid": "middle of the back of the hand between the 4th and 5th metacarpals",
    "metacarpal2_head": "head of the 2nd metacarpal",
    "metacarpal5_base": "base of the 5th metacarpal",
    "web_1_2": "web between the thumb and index finger",
    "web_2_3": "web between the index and middle fingers",
    "web_3_4": "web between the middle and ring fingers",
    "web_4_5": "web between the ring and little fingers",
    "thumb_ip_crease": "thumb's interphalangeal (IP) crease",
    "thumb_mcp_crease": "thumb's metacarpophalangeal (MCP) crease",
    "thumb_nail_radial": "radial corner of the thumbnail",
    "thumb_nail_ulnar": "ulnar corner of the thumbnail",
    "index_base_crease": "crease at the base of the index finger",
    "index_pip_crease": "index finger's proximal interphalangeal (PIP) crease",
    "index_dip_crease": "index finger's distal interphalangeal (DIP) crease",
    "index_mcp": "knuckle of the index finger (MCP joint)",
    "index_nail_radial": "radial corner of the index fingernail",
    "index_nail_ulnar": "ulnar corner of the index fingernail",
    "middle_base_crease": "crease at the base of the middle finger",
    "middle_pip_crease": "middle finger's proximal interphalangeal (PIP) crease",
    "middle_dip_crease": "middle finger's distal interphalangeal (DIP) crease",
    "middle_mcp": "knuckle of the middle finger (MCP joint)",
    "middle_nail_radial": "radial corner of the middle fingernail",
    "middle_nail_ulnar": "ulnar corner of the middle fingernail",
    "ring_base_crease": "crease at the base of the ring finger",
    "ring_pip_crease": "ring finger's proximal interphalangeal (PIP) crease",
    "ring_dip_crease": "ring finger's distal interphalangeal (DIP) crease",
    "ring_mcp": "knuckle of the ring finger (MCP joint)",
    "ring_nail_radial": "radial corner of the ring fingernail",
    "ring_nail_ulnar": "ulnar corner of the ring fingernail",
    "little_base_crease": "crease at the base of the little finger",
    "little_pip_crease": "little finger's proximal interphalangeal (PIP) crease",
    "little_dip_crease": "little finger's distal interphalangeal (DIP) crease",
    "little_mcp": "knuckle of the little finger (MCP joint)",
    "little_nail_radial": "radial corner of the little fingernail",
    "little_nail_ulnar": "ulnar corner of the little fingernail",
    "metacarpal2_mid": "middle of the 2nd metacarpal",
    "metacarpal5_head": "head of the 5th metacarpal",
    "hand_dorsum_4_5": "back of the hand between the 4th and 5th metacarpals",
    "dorsum_1_2": "top of the foot where the 1st and 2nd metatarsals meet",
    "dorsum_4_5": "top of the foot between the 4th and 5th metatarsals",
    "metatarsal1_base": "base of the 1st metatarsal",
    "metatarsal1_head": "head of the 1st metatarsal",
    "metatarsal5_base": "base of the 5th metatarsal",
    "metatarsal5_head": "head of the 5th metatarsal",
    "sole_edge_below_metatarsal1_base": "edge of the sole below the base of the 1st metatarsal",
    "sole_web_2_3": "sole side of the web between the 2nd and 3rd toes",
    "toe_web_1_2": "web between the big toe and the 2nd toe",
    "toe_web_2_3": "web between the 2nd and 3rd toes",
    "toe_web_4_5": "web between the 4th and 5th toes",
    "toe2_tip": "tip of the 2nd toe",
    "toe4_tip": "tip of the 4th toe",
    "toe5_tip": "tip of the 5th toe",
    "toe2_nail_lateral": "lateral corner of the 2nd toenail",
    "toe4_nail_lateral": "lateral corner of the 4th toenail",
    "toe5_nail_lateral": "lateral corner of the 5th toenail",
    "rib11_free_end": "free end of the 11th rib",
    "rib12_free_end": "free end of the 12th rib",
    "sacral_foramen_1": "1st sacral foramen",
    "sacral_foramen_2": "2nd sacral foramen",
    "sacral_foramen_3": "3rd sacral foramen",
    "sacral_foramen_4": "4th sacral foramen",
    "sternum_ics1": "1st intercostal space at the sternum",
    "sternum_ics2": "2nd intercostal space at the sternum",
    "sternum_ics3": "3rd intercostal space at the sternum",
    "sternum_ics4": "4th intercostal space at the sternum",
    "sternum_ics5": "5th intercostal space at the sternum",
    "sternum_ics6": "6th intercostal space at the sternum",
    # Anatomical names where the id's words read badly ("ear behind", "asis", "middle of the thenar").
    "achilles_front_at_malleolus": "front edge of the Achilles tendon at the level of the malleolus",
    "achilles_insertion": "insertion of the Achilles tendon on the calcaneus",
    "achilles_lateral": "lateral border of the Achilles tendon",
    "achilles_medial": "medial border of the Achilles tendon",
    "ala_nasi": "wing of the nose (ala nasi)",
    "ankle_front": "front of the ankle",
    "asis": "anterior superior iliac spine (ASIS)",
    "psis": "posterior superior iliac spine (PSIS)",
    "axilla_apex": "apex of the armpit",
    "big_toe_nail_lateral": "lateral corner of the big toenail",
    "big_toe_nail_medial": "medial corner of the big toenail",
    "big_toe_tip": "tip of the big toe",
    "calcaneus_lateral": "lateral side of the calcaneus",
    "clavicle_lateral_end": "lateral end of the clavicle",
    "clavicle_medial_end": "medial end of the clavicle",
    "coccyx_tip": "tip of the coccyx",
    "coracoid": "coracoid process",
    "cuboid": "cuboid bone",
    "deltoid_insertion": "insertion of the deltoid",
    "ear_apex": "apex of the ear",
    "ear_behind": "back of the ear",
    "ear_front": "front of the ear",
    "elbow_crease_lateral_end": "lateral end of the elbow crease",
    "elbow_crease_medial_end": "medial end of the elbow crease",
    "eyebrow_lateral": "lateral end of the eyebrow",
    "eyebrow_medial": "medial end of the eyebrow",
    "fibula_head": "head of the fibula",
    "gastrocnemius_junction": "junction of the two bellies of the gastrocnemius",
    "hairline_corner": "corner of the frontal hairline",
    "iliac_crest_top": "highest point of the iliac crest",
    "index_tip": "tip of the index finger",
    "middle_tip": "tip of the middle finger",
    "ring_tip": "tip of the ring finger",
    "little_tip": "tip of the little finger",
    "thumb_tip": "tip of the thumb",
    "infraspinous_centre": "centre of the infraspinous fossa",
    "inguinal_mid": "middle of the inguinal crease",
    "knee_lateral": "lateral side of the knee",
    "mandible_angle": "angle of the mandible",
    "mastoid": "mastoid process",
    "medial_epicondyle_femur": "medial epicondyle of the femur",
    "medial_tibial_border_lower_end": "lower end of the medial border of the tibia",
    "middle_of_medial_tibia_below_condyle": "middle of the medial side of the tibia, below the condyle",
    "mouth_corner": "corner of the mouth",
    "nose_tip": "tip of the nose",
    "occipital_protuberance_top": "upper edge of the external occipital protuberance",
    "palm_centre": "centre of the palm",
    "palm_ulnar": "ulnar border of the palm",
    "patella_apex": "apex of the patella",
    "patella_base_lateral": "lateral end of the base of the patella",
    "patella_base_medial": "medial end of the base of the patella",
    "patella_centre": "centre of the patella",
    "pisiform": "pisiform bone",
    "popliteal_crease_lateral": "lateral end of the popliteal crease",
    "popliteal_crease_medial": "medial side of the popliteal crease",
    "popliteal_crease_medial_end": "medial end of the popliteal crease",
    "radial_styloid": "styloid process of the radius",
    "scapula_inferior_angle": "inferior angle of the scapula",
    "scapula_medial_border": "medial border of the scapula",
    "scapula_spine_mid": "middle of the spine of the scapula",
    "scapula_spine_root": "root of the spine of the scapula",
    "scapula_superior_angle": "superior angle of the scapula",
    "scm_front": "front edge of the sternocleidomastoid",
    "sole_big_toe_tip": "tip of the big toe, seen from the sole",
    "sole_centre": "centre of the sole",
    "sole_edge_behind_big_toe_joint": "edge of the sole just behind the big toe joint",
    "sole_edge_below_navicular": "edge of the sole below the navicular",
    "sole_edge_beyond_big_toe_joint": "edge of the sole just beyond the big toe joint",
    "sole_heel": "heel, seen from the sole",
    "temple_hairline": "hairline at the temple",
    "thenar_mid": "middle of the thenar eminence",
    "tibia_medial_condyle": "medial condyle of the tibia",
    "tibialis_anterior_tendon": "tendon of the tibialis anterior",
    "upper_lip_frenulum": "frenulum of the upper lip",
    "wrist_crease_radial": "radial end of the wrist crease",
    "wrist_crease_ulnar": "ulnar end of the wrist crease",
    "wrist_dorsal_mid": "middle of the back of the wrist",
    "wrist_dorsal_radial": "radial side of the back of the wrist",
    "wrist_dorsal_ulnar": "ulnar side of the back of the wrist",
    "zygoma_lower": "lower border of the zygomatic bone",
}


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
    """A landmark as a sentence names it, in the interface language ('knee_eye_lateral' -> 'the lateral knee
    eye', 'el ojo lateral de la rodilla', '外膝眼（犊鼻）'); point codes and vertebrae stay as they are.
    English takes "the" here; a translation carries its own article (or none) in its vocabulary."""
    english = english_landmark(ref)
    if ref.islower():  # an anatomical landmark, not a point code (ST36) or a vertebra (T7)
        english = f"the {english}"
    return term("landmark", ref, english)


def english_landmark(ref: str) -> str:
    """A landmark id in English words: its name in _ENGLISH_LANDMARKS ('web_1_2' -> 'web between the thumb
    and index finger'), else its words, qualifier first ('knee_eye_lateral' -> 'lateral knee eye'); point
    codes stay."""
    if ref in _ENGLISH_LANDMARKS:
        return _ENGLISH_LANDMARKS[ref]
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
    return contract(_placement_words(place))


def _placement_words(place: Placement) -> str:
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
