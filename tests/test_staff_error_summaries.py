"""A staff page's error summary comes from its forms, by one macro
(components/error_summary.html: form_error_summary): no view hands a list of errors to
its template, so no view can forget to. The pages whose problems are not a form's
fields (signing in, whose message must not say which field was wrong, and the journey's
own question pages that staff fill in) keep their own lists, named here."""

import re

from app.config import ROOT
from staff import register, staff_member

OWN_LISTS = {
    "app/staff/accounts/views/sign_in.py",
    "app/staff/cases/views/corrections.py",
    "app/staff/cases/views/profile.py",
    "app/staff/intake/views/phone_pages.py",
}


def test_no_staff_view_hands_its_template_a_list_of_errors():
    handing = sorted(
        str(path.relative_to(ROOT))
        for path in (ROOT / "app" / "staff").rglob("*.py")
        if re.search(r"\berrors=", path.read_text())
        and str(path.relative_to(ROOT)) not in OWN_LISTS
    )
    assert handing == []


def test_a_new_meeting_without_its_day_is_summarised_from_its_form(app):
    admin = staff_member(app, role="admin")
    admin.sign_in()
    page = admin.post_form("/staff/meetings/new", {"place": "Aarhus"})
    text = page.get_data(as_text=True)
    assert 'class="error-summary"' in text
    assert 'href="#starts_on"' in text
    assert "<title>Fejl:" in text


def test_an_admin_who_mistypes_the_reference_to_delete_is_told_in_the_summary(app):
    admin = staff_member(app, role="admin")
    admin.sign_in()
    registration = register(app)
    url = f"/staff/registrations/{registration['public_id']}/delete"
    text = admin.post_form(url, {"reference": "WRONG"}).get_data(as_text=True)
    assert 'href="#reference"' in text
