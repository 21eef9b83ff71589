"""Ali's story on a tablet, in Debian's Chromium: he sends his answers, opens "Se din
jobprofil" from the receipt, listens to a line of it, prints it on one A4 page, and gets
the PDF, whose text holds his answers and not his health. Screenshots of the profile on a
tablet and of the PDF's first page go to test-artifacts/screenshots (docs/screenshots keeps
the ones the README shows, copied from there by hand)."""

import io
import re
from pathlib import Path

import pypdfium2
import pytest
from playwright.sync_api import expect
from pypdf import PdfReader
from test_listen import WATCH_READING, heard_words, wait_until
from test_print import A4_WIDTH_AT_96_DPI, PRINT_LAYOUT, answer_everything

from browser_support import SCREENSHOTS, screenshot

pytestmark = pytest.mark.browser

HEALTH = "Jeg har epilepsi."


def test_ali_sends_opens_his_job_profile_listens_prints_and_gets_the_pdf(tablet):
    page = tablet
    answer_everything(page)
    page.goto("/register/send")
    page.check("#consent")
    page.check("#consent_health")
    page.click("main form .actions button")
    page.get_by_role("link", name="Se din jobprofil").click()
    expect(page.locator("h1")).to_have_text("Din jobprofil")
    assert page.url.endswith("/register/profile"), "nothing personal in the address"
    profile = page.locator(".profile").inner_text()
    assert "Det er mig: Ali Khan" in profile and "Køkken og kantine" in profile
    assert HEALTH not in profile
    screenshot(page, "tablet-profile")

    # He listens to the line about the work he would like.
    page.evaluate(WATCH_READING)
    speaker = page.locator("#profile-work [data-listen] button")
    speaker.click()
    expect(speaker).to_have_attribute("aria-pressed", "true")
    wait_until(page, "() => window.heard.some(([, word]) => word)")
    expect(speaker).to_have_attribute("aria-pressed", "false", timeout=15000)
    assert heard_words(page)[:5] == ["Jeg", "vil", "gerne", "arbejde", "med:"]

    # He prints it: one A4 page, only the profile, with its pictures.
    page.set_viewport_size({"width": A4_WIDTH_AT_96_DPI, "height": 1123})
    page.emulate_media(media="print")
    layout = page.evaluate(PRINT_LAYOUT)
    screenshot(page, "print-profile")
    assert layout["hidden"] == [] and layout["pictograms"] >= 15 and layout["overflow"] <= 0
    printed = page.pdf(format="A4", print_background=True)
    assert len(re.findall(rb"/Type\s*/Page\b(?!s)", printed)) == 1, "one A4 page"
    page.emulate_media(media="screen")

    # He gets the PDF made on the server.
    with page.expect_download() as download:
        page.get_by_role("link", name="Hent din jobprofil som PDF").click()
    pdf = Path(download.value.path()).read_bytes()
    reader = PdfReader(io.BytesIO(pdf))
    text = " ".join(reader.pages[0].extract_text().split())
    assert len(reader.pages) == 1
    assert "Det er mig: Ali Khan" in text and "Køkken og kantine" in text
    assert HEALTH not in text
    first_page = pypdfium2.PdfDocument(pdf)[0].render(scale=1.5).to_pil()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    first_page.save(SCREENSHOTS / "profile-pdf.png")
