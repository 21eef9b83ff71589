"""A yes is something the person does: every consent box starts unticked, on the citizen's
own page and on the consultant's page for a consent given on the phone. A box ticked in
advance is no consent (GDPR art. 4(11) and 7; recital 32)."""

from pages import location_path
from people import HELPED_BY_SUPPORT_WORKER, MYSELF_IN_AARHUS, Visitor
from staff import TEST_MUNICIPALITIES, staff_member
from test_staff_registers_by_phone import answer_questions


def consent_boxes(page):
    """The consent boxes: name -> ticked on arrival."""
    boxes = page.soup.select("main input[type=checkbox]")
    return {box["name"]: box.has_attr("checked") for box in boxes}


def test_mette_finds_every_yes_unticked_health_too(client):
    mette = Visitor(client)
    mette.answer_all(MYSELF_IN_AARHUS)
    boxes = consent_boxes(mette.open("/register/send"))
    assert set(boxes) == {"consent", "consent_jobcentre", "consent_health"}
    assert not any(boxes.values()), boxes


def test_a_support_worker_finds_the_yes_to_contact_them_unticked(client):
    helper = Visitor(client)
    helper.answer_all(HELPED_BY_SUPPORT_WORKER)
    boxes = consent_boxes(helper.open("/register/send"))
    assert {"consent", "consent_contact_helper"} <= set(boxes)
    assert not any(boxes.values()), boxes


def test_a_consultant_taking_a_consent_by_phone_finds_every_yes_unticked(app):
    karl = staff_member(app, covers=TEST_MUNICIPALITIES).sign_in()
    response = karl.post_form("/staff/registrations/new", {"channel": "phone"})
    consent_url, _ = answer_questions(karl, location_path(response), MYSELF_IN_AARHUS)
    boxes = consent_boxes(karl.open(consent_url))
    assert {"consent", "consent_jobcentre", "consent_health"} <= set(boxes)
    assert not any(boxes.values()), boxes
