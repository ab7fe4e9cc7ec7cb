"""The commented starting point that ``meridian-viewer pack new`` writes (it validates clean)."""
from __future__ import annotations

PACK_TOML = '''\
# A teachers' data pack for Meridian Viewer.
#
# Put this folder into the app's data folder as packs/<folder name>/ (Help > Data packs shows where
# that is), then restart the app. Check it first with:   meridian-viewer pack validate <this folder>
# Everything is optional except [pack] name. Delete the examples you do not need.
# The full schema: docs/data-schema.md, section "Data packs".

[pack]
name = "{name}"          # shown in Help > Data packs, before every note and as the channel of new points
language = "en"          # the language of your notes

# A note shown under a bundled point's details (one [[note]] per note).
[[note]]
code = "ST36"
text = "In class we locate this with the student seated, knee bent to 90 degrees."

# A name for a bundled point in another language.
[[translation]]
code = "ST36"
language = "de"
name = "Drei Meilen am Fuss"

# An extra point of your own: the same fields as a point in the bundled meridian files. Its code must
# not be a bundled one. It is placed by rule from the body's landmarks (docs/body-model.md).
[[point]]
code = "X-CLASS1"
pinyin = "Kètáng"
hanzi = "课堂"
english = "Classroom example point"
region = "face"
location = "For practice: exactly between the eyebrows (the same spot as Yintang)."
needling = {{ angle = "transverse", depth = "0.3 cun" }}
bilateral = false
place = [{{ view = "{view}", at = "glabella" }}]

# A study deck: the points your students are quizzed on (Study panel, Cards and Locate).
[[deck]]
name = "Week 1: points of the hand and forearm"
points = ["LI4", "LI11", "LU7", "PC6", "HT7", "TE5"]

# A plan (homework): a .mvplan file in this folder. Make one in the app (Plan panel, File > Save plan
# as...) and copy it here. Students open it from Help > Data packs.
[[plan]]
file = "homework.mvplan"
'''

HOMEWORK = {
    "title": "Homework: find these on a partner",
    "note": "Locate each point, mark it with a washable pen and check it in the app.",
    "items": [
        {"kind": "point", "ref": "LI4", "note": "Thumb and index finger together: the highest point of the muscle."},
        {"kind": "point", "ref": "ST36", "note": "Measure 3 cun below the knee with your four fingers."},
        {"kind": "point", "ref": "PC6", "note": "2 cun above the wrist crease, between the two tendons."},
    ],
}
