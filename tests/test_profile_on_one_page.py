""" "Det er mig" on paper: Mette's profile and the employer's version are each one A4 page,
even when she, her mother and Karl wrote long answers in every box. The pages are counted
from the PDF itself, and every answer is on that one page (nothing cut off)."""

import io

from pypdf import PdfReader

from app.domain.registrations.profile import build_profile
from app.domain.registrations.sending import answers_of
from app.web.profile_pdf import balanced_columns
from people import MYSELF_IN_AARHUS
from staff import register, staff_member
from test_job_profile_back_office import employer_yes, profile_url
from test_profile_for_the_employer import after_the_praktik


def long_answer(about):
    return (
        f"{about}: jeg kan godt lide at have faste opgaver hver dag og en plan for dagen.\n"
        f"{about}: jeg vil gerne vide, hvem jeg kan spørge, når noget er svært for mig."
    )


LONG_ANSWERS = {
    **MYSELF_IN_AARHUS,
    "experience": {"experience": ["job", "praktik"], "experience_text": long_answer("Prøvet")},
    "work": {"work_wishes": ["kitchen", "cafe", "other"], "work_other": "Biograf og teater"},
    "strengths": {
        "strengths": ["people", "cooking", "animals"],
        "strengths_text": long_answer("Kan lide"),
    },
    "good_at": {
        "good_at": ["on_time", "careful", "friendly"],
        "good_at_text": long_answer("God til"),
    },
    "others_say": {"others_say": long_answer("Andre siger"), "others_say_by": "Hanne, min mor"},
    "times": {"work_times": ["morning", "midday"]},
    "transport": {"transport": ["bus_train", "bike"]},
    "needs": {"needs": ["quiet", "same_tasks", "breaks"], "needs_text": long_answer("Hjælper")},
}
FROM_KARL = {
    "good_at": long_answer("Karl: god til"),
    "went_well": long_answer("Karl: gik godt"),
    "was_hard": long_answer("Karl: svært"),
    "accommodations": long_answer("Karl: hjalp"),
}


def pdf_pages(data):
    reader = PdfReader(io.BytesIO(data))
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def test_a_profile_with_long_answers_in_every_box_is_one_page_for_mette_and_the_employer(app):
    mette = register(app, LONG_ANSWERS)
    karl = staff_member(app, "consultant", name="Karl Jensen", covers=("751",)).sign_in()
    assert karl.post_form(profile_url(mette), FROM_KARL).status_code == 302
    employer_yes(karl, mette)
    [_page, employer_pdf] = karl.open(profile_url(mette)).soup.select("a[href*='/employers/']")

    own = pdf_pages(karl.client.get(f"{profile_url(mette)}.pdf").data)
    assert len(own) == 1, "Mette's profile is one A4 page"
    for about in ("Prøvet", "Kan lide", "God til", "Andre siger", "Hjælper", "Karl: svært"):
        assert f"{about}: jeg vil gerne vide" in own[0], about
    assert "Højst 30 minutter" in own[0]

    employer = pdf_pages(karl.client.get(employer_pdf["href"]).data)
    assert len(employer) == 1, "the employer's version is one A4 page"
    for about in ("God til", "Andre siger", "Hjælper", "Karl: hjalp", "Karl: gik godt"):
        assert f"{about}: jeg vil gerne vide" in employer[0], about
    assert "Spørgsmål? Ring til KLAPjob:" in employer[0] and "Højst 30 minutter" in employer[0]


def test_on_paper_her_strengths_stand_side_by_side_at_the_top(app, db):
    mette = register(app, LONG_ANSWERS)
    with app.test_request_context():
        profile = build_profile(answers_of(db, mette["id"]), for_employer="Bageriet Hansen")
    left, right = balanced_columns(profile.sections)
    assert (left[0].key, right[0].key) == ("good_at", "others_say")
    assert sorted(s.key for s in left + right) == sorted(s.key for s in profile.sections)


def lowest_line(data):
    """How far down the page the lowest line of text stands, as a share of the page."""
    page = PdfReader(io.BytesIO(data)).pages[0]
    heights = []

    def seen(text, cm, tm, _font, _size):
        if text.strip():  # where the text matrix puts the line, in the page's own space
            heights.append(float(tm[4] * cm[1] + tm[5] * cm[3] + cm[5]))

    page.extract_text(visitor_text=seen)
    return 1 - min(heights) / float(page.mediabox.height)


def test_a_typical_profile_uses_its_page_with_bigger_letters_and_pictures(app):
    mette = register(app)
    karl = staff_member(app, "consultant", name="Karl Jensen", covers=("751",)).sign_in()
    typical = karl.client.get(f"{profile_url(mette)}.pdf").data
    assert len(pdf_pages(typical)) == 1
    assert lowest_line(typical) > 0.7, "the answers fill most of the page, not its top half"


def test_after_the_praktik_both_versions_stay_on_one_page_and_fill_it(app):
    karl, printable, pdf = after_the_praktik(app)
    for data in (
        karl.client.get(pdf).data,
        karl.client.get(printable.split("/employers/")[0] + ".pdf").data,
    ):
        assert len(pdf_pages(data)) == 1
        assert lowest_line(data) > 0.7
