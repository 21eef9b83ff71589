"""The employer's version of "Det er mig": Bageriet Hansen reads first what Mette is good
at and how best to help her, never what was hard for her, and knows whom at KLAPjob to
call and on which day the profile was made."""

import io

from babel.dates import format_date
from pypdf import PdfReader

from app.core import clock
from staff import register, staff_member
from test_job_profile_back_office import employer_yes, profile_url


def after_the_praktik(app):
    mette = register(app)
    karl = staff_member(app, "consultant", name="Karl Jensen", covers=("751",)).sign_in()
    karl.post_form(
        profile_url(mette),
        {
            "good_at": "At bage boller",
            "went_well": "Kaffen til mødet",
            "was_hard": "Larm ved opvasken",
            "accommodations": "Høreværn\nEt roligt sted",
        },
    )
    employer_yes(karl, mette)
    [printable, pdf_link] = karl.open(profile_url(mette)).soup.select("a[href*='/employers/']")
    return karl, printable["href"], pdf_link["href"]


def boxes(page):
    return [
        (
            box.select_one(".profile__lead").get_text(" ", strip=True),
            [li.get_text(" ", strip=True) for li in box.select(".profile__items li")],
        )
        for box in page.soup.select(".profile__section")
    ]


def test_the_employer_reads_what_mette_is_good_at_and_how_to_help_her_first(app):
    karl, printable, _pdf = after_the_praktik(app)
    page = karl.open(printable)
    leads = [lead for lead, _items in boxes(page)]
    assert leads[:3] == [
        "Det er jeg god til:",
        "Det siger andre om mig:",
        "Sådan hjælper du mig bedst:",
    ]
    good_at = dict(boxes(page))["Det er jeg god til:"]
    assert good_at[-1] == "At bage boller", "what Karl and Mette added is in the same box"
    helps = dict(boxes(page))["Sådan hjælper du mig bedst:"]
    assert helps == ["Et roligt sted", "De samme opgaver hver dag", "Høreværn"]


def test_what_was_hard_stays_with_the_consultant(app):
    karl, printable, pdf = after_the_praktik(app)
    for text in (
        karl.open(printable).text(),
        PdfReader(io.BytesIO(karl.client.get(pdf).data)).pages[0].extract_text(),
    ):
        assert "Det var svært" not in text and "Larm ved opvasken" not in text
        assert "Det hjælper mig på arbejdet" not in text and "Det hjalp mig" not in text


def test_no_two_boxes_on_the_employers_version_have_the_same_picture(app):
    karl, printable, _pdf = after_the_praktik(app)
    page = karl.open(printable)
    pictures = [img["src"] for img in page.soup.select(".profile__lead img")]
    assert len(pictures) == len(set(pictures)) == len(boxes(page))


def test_the_employer_knows_whom_at_klapjob_to_call_and_the_day_it_was_made(app):
    karl, printable, pdf = after_the_praktik(app)
    day = format_date(clock.today(), format="long", locale="da")
    phone = app.config["KLAPJOB_PHONE"]
    on_the_page = karl.open(printable).text()
    on_paper = " ".join(
        PdfReader(io.BytesIO(karl.client.get(pdf).data)).pages[0].extract_text().split()
    )
    for text in (on_the_page, on_paper):
        assert "Spørgsmål? Ring til KLAPjob:" in text
        assert f"Karl Jensen, {phone}" in text
        assert f"Lavet den {day}" in text


def test_mettes_own_profile_keeps_what_was_hard_and_says_what_helps_in_one_box(app):
    karl, printable, _pdf = after_the_praktik(app)
    own = karl.open(printable.split("/employers/")[0])
    said = dict(boxes(own))
    assert said["Det var svært:"] == ["Larm ved opvasken"]
    assert said["Det hjælper mig på arbejdet:"] == [
        "Et roligt sted",
        "De samme opgaver hver dag",
        "Høreværn",
    ]
    assert "Det hjalp mig på arbejdet:" not in said


def test_the_employers_paper_keeps_the_day_and_the_number_each_on_one_line(app):
    """'Lavet den 8. december' with '2026' alone on the next line, on the paper an employer
    keeps: a day and a number are read whole."""
    karl, _printable, pdf = after_the_praktik(app)
    lines = PdfReader(io.BytesIO(karl.client.get(pdf).data)).pages[0].extract_text()
    lines = [" ".join(line.split()) for line in lines.splitlines()]
    made = format_date(clock.today(), "d. MMMM y", locale="da")
    assert any(f"Lavet den {made}" in line for line in lines), lines[-6:]
    assert any("12 34 56 78" in line for line in lines), lines[-6:]
