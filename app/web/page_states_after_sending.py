"""The page states after sending: the helper's copy by mail and the job profile, and asking
KLAPjob to call, which sends without the questions (a part of page_states.py's walk, kept
apart for its size)."""

from collections.abc import Iterator

from app.web.page_state_setup import AARHUS, mail_not_working, mail_works, printed_profile_link
from app.web.server_site import ServerSite


def asking_to_be_called(site: ServerSite, name: str, phone: str, wrong_phone: str) -> Iterator[str]:
    """ "Ask KLAPjob to call you": nothing given, a number that is not one, and sent."""
    site.send("/call-me", {})
    yield "call-me-error"
    given = {"name": name, "municipality": AARHUS, "consent": "y"}
    site.send("/call-me", {**given, "phone": wrong_phone})
    yield "call-me-phone-wrong"
    site.send("/call-me", {**given, "phone": phone, "call_time": ["morning"]})
    yield "call-me-sent"


def the_helpers_copy(site: ServerSite) -> Iterator[str]:
    """Offered only where the site sends mail: its error, a mail that did not go, sent."""
    if site.app.config["SMTP_HOST"]:
        site.send("/register/done", {})
        yield "done-copy-error"
        yield from helpers_copy_sent_or_not(site)


def helpers_copy_sent_or_not(site: ServerSite) -> Iterator[str]:
    with mail_not_working(site.app):
        site.send("/register/done", {"person_agrees": "y"})
        yield "done-copy-failed"
    if mail_works(site.app):
        site.send("/register/done", {"person_agrees": "y"})
        yield "done-copy-sent"


def the_job_profile(site: ServerSite) -> Iterator[str]:
    """ "Se din jobprofil" after sending: the profile, its mail's error, its photo's error
    (sent without a photo), with health shown (the person's choice), and the mail sent.
    Then what a phone opens from the QR code on its paper, and from a code that ended."""
    site.open("/register/profile")
    yield "profile"
    site.send("/register/profile", {}, press=("save_photo", "y"))
    yield "profile-photo-error"
    site.send("/register/profile", {}, press=("send_profile", "y"))
    yield "profile-mail-error"
    site.send("/register/profile", {}, press=("health", "show"))
    yield "profile-with-health"
    if mail_works(site.app):
        site.send("/register/profile", {"person_agrees": "y"}, press=("send_profile", "y"))
        yield "profile-mail-sent"
    site.open(f"/p/{printed_profile_link(site.app)}")
    yield "profile-from-paper"
    site.open(f"/p/{'A' * 22}")
    yield "profile-code-ended"
