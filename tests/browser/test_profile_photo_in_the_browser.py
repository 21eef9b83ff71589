"""Ali puts a photo on his job profile on the tablet, in Debian's Chromium: the file input
the tablet opens as its camera (here given a phone's JPEG), "Gem billedet", and the page
comes back at the photo with what the server kept. axe finds nothing, the controls are big
enough to press, and the photo stands beside his name on the profile."""

import pytest
from playwright.sync_api import expect
from test_print import answer_everything

from browser_support import axe_violations, load_axe_on_every_page, screenshot
from photos import phone_jpeg

pytestmark = pytest.mark.browser


def test_ali_takes_a_photo_for_his_profile_and_sees_it_there(tablet):
    page = tablet
    load_axe_on_every_page(page.context)
    answer_everything(page)
    page.goto("/register/send")
    page.check("#consent")
    page.check("#consent_health")
    page.click("main form .actions button")
    page.goto("/register/profile")
    field = page.locator("#photo")
    expect(field).to_have_attribute("accept", "image/*")
    field.set_input_files(
        {"name": "billede.jpg", "mimeType": "image/jpeg", "buffer": phone_jpeg(3000, 2000)}
    )
    page.get_by_role("button", name="Gem billedet").click()

    expect(page.locator("#photo-choice")).to_contain_text("Dit billede er på din profil nu.")
    shown = page.locator(".profile .profile__photo")
    expect(shown).to_be_visible()
    assert shown.evaluate("img => img.complete && img.naturalWidth") == 600
    assert page.evaluate("location.hash") == "#photo-choice"
    for control in ("#photo", "button[name=save_photo]", "button[name=remove_photo]"):
        box = page.locator(control).bounding_box()
        assert box["height"] >= 44 and box["width"] >= 44, control
    assert axe_violations(page) == []
    screenshot(page, "tablet-profile-photo")

    page.get_by_role("button", name="Fjern billedet").click()
    expect(page.locator("#photo-choice")).to_contain_text(
        "Der er ikke noget billede på din profil nu."
    )
    expect(page.locator(".profile .profile__photo")).to_have_count(0)
