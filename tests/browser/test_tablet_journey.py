"""A person completes the journey on a tablet, using only what they see on the screen."""

import re

import pytest

from app.core.db import connect
from browser_support import screenshot

pytestmark = pytest.mark.browser


def choose(page, label):
    """Tick the card whose words start with `label` (some cards explain a word after it)."""
    page.get_by_label(re.compile(r"^\s*" + re.escape(label))).check()


def next_page(page, name):
    page.get_by_role("button", name="Næste").click()
    screenshot(page, name)


def test_a_citizen_completes_the_journey_on_a_tablet(tablet, live_server):
    page = tablet
    page.goto("/")
    screenshot(page, "01-start")
    page.get_by_role("link", name="Start").click()

    screenshot(page, "02-who")
    choose(page, "Nej, jeg svarer selv")
    next_page(page, "03-name")
    page.get_by_label("Hvad hedder du?").fill("Mette Hansen")
    next_page(page, "04-contact")
    choose(page, "Ring til mig")
    next_page(page, "05-phone")
    page.get_by_label("Hvad er dit telefonnummer?").fill("20 30 40 50")
    next_page(page, "05a-call-time")
    next_page(page, "05b-voicemail")  # when to call: skipped
    next_page(page, "06-municipality")  # a message: skipped
    page.get_by_label("Hvilken kommune bor du i?").select_option(label="Aarhus")
    next_page(page, "06a-place")
    next_page(page, "07-age")  # the postcode or town: skipped
    choose(page, "18 til 24 år")
    next_page(page, "07a-guardian")
    next_page(page, "08-activity")  # a guardian: skipped
    choose(page, "Jeg går på STU")
    next_page(page, "09-stu-end")
    choose(page, "Om mindre end et halvt år")
    next_page(page, "10-experience")
    choose(page, "Nej")
    next_page(page, "11-support")
    choose(page, "Førtidspension")
    next_page(page, "12-pension")
    choose(page, "Nej")
    next_page(page, "12a-situation")
    next_page(page, "12b-caseworker")  # where she is with the job centre: skipped
    next_page(page, "13-work")  # a caseworker: skipped
    choose(page, "Køkken og kantine")
    choose(page, "Café og fastfood")
    next_page(page, "14-strengths")
    choose(page, "At være sammen med andre")
    next_page(page, "14a-good-at")
    choose(page, "At komme til tiden")
    next_page(page, "14b-others-say")
    next_page(page, "15-hours")  # what others say: skipped
    choose(page, "5 til 9 timer")
    next_page(page, "16-days")
    choose(page, "Mandag til fredag")
    next_page(page, "16-times")
    choose(page, "Om morgenen")
    next_page(page, "17-transport")
    choose(page, "Bus eller tog")
    next_page(page, "18-travel-time")
    choose(page, "Højst 30 minutter")
    next_page(page, "19-needs")
    choose(page, "Et roligt sted")
    next_page(page, "20-health")
    next_page(page, "21-other-contact")
    next_page(page, "21a-meeting-company")
    next_page(page, "21b-interpreter")  # who comes along: skipped
    next_page(page, "22-ambassador")  # an interpreter: skipped
    choose(page, "Ja")
    next_page(page, "23-check")

    assert page.get_by_role("heading", level=1).inner_text() == "Tjek dine svar"
    page.get_by_role("link", name="Fortsæt").click()
    screenshot(page, "24-consent")
    choose(page, "Ja, KLAPjob må gemme mine svar og kontakte mig.")
    page.get_by_role("button", name="Send til KLAPjob").click()
    screenshot(page, "25-done")

    assert "Tak. KLAPjob har fået dine svar." in page.get_by_role("heading", level=1).inner_text()
    shown_reference = page.locator(".reference [aria-hidden=true]").inner_text()
    assert re.fullmatch(r"[2-9A-Z]{3} [2-9A-Z]{3}", shown_reference)
    page.get_by_role("link", name="Se dine svar, og print dem").click()
    screenshot(page, "22-receipt")

    db = connect(live_server.app.config["DATABASE"])
    [row] = db.query("SELECT reference, name, phone FROM registrations")
    db.close()
    assert row["reference"] == shown_reference.replace(" ", "")
    assert (row["name"], row["phone"]) == ("Mette Hansen", "+4520304050")


def test_an_error_is_shown_beside_the_field_and_in_the_summary(tablet):
    page = tablet
    page.goto("/register/name")
    page.get_by_role("button", name="Næste").click()
    screenshot(page, "error-name")
    assert page.title().startswith("Fejl:")
    summary = page.locator(".error-summary")
    assert summary.evaluate("element => element === document.activeElement")
    summary.get_by_role("link", name="Skriv dit navn").click()
    assert page.evaluate("document.activeElement.id") == "name"


def test_the_something_else_box_appears_when_something_else_is_chosen(tablet):
    page = tablet
    page.goto("/register/work")
    other_text = page.get_by_label("Noget andet? Skriv, hvad du vil arbejde med")
    assert not other_text.is_visible()
    page.get_by_role("checkbox", name="Noget andet").check()
    assert other_text.is_visible()
    other_text.fill("Biograf")
    page.get_by_role("button", name="Næste").click()
    assert page.url.endswith("/register/strengths")
