"""A stranger at the sign-in page: they learn nothing about which staff addresses exist, and
they cannot keep a consultant out of their work.

Sameness is proven by what the site does, not by a stopwatch: in every state a known and an
unknown address get the same page and cause the same password-hash work. (bench/sign_in_bench.py
measures the timings.)"""

import re

import pytest

from app.core import clock
from app.core.db import connect
from app.staff.core import users
from app.staff.core.sign_in_guard import LOCK_AFTER_FAILURES, guard_for, record_failure
from pages import Page, location_path
from staff import PASSWORD, staff_member

KNOWN, UNKNOWN = "karl@klapjob.dk", "kurt@klapjob.dk"


class CountingHasher:
    """argon2's hasher, counting each verification and the parameters of the hash used."""

    def __init__(self, real):
        self.real, self.verified = real, []

    def verify(self, stored_hash, password):
        self.verified.append(stored_hash.rsplit("$", 2)[0])  # $argon2id$v=19$m=...,t=...,p=...
        return self.real.verify(stored_hash, password)

    def __getattr__(self, name):
        return getattr(self.real, name)


@pytest.fixture
def hasher(monkeypatch):
    counting = CountingHasher(users.hasher)
    monkeypatch.setattr(users, "hasher", counting)
    return counting


def attempt(app, email, address):
    """One sign-in with a wrong password from a fresh browser at `address`: (what the page
    says, the page with its token blanked out, the hash verifications it caused)."""
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = address
    token = Page(client.get("/staff/sign-in")).csrf_token()
    response = client.post(
        "/staff/sign-in", data={"csrf_token": token, "email": email, "password": "forkert kodeord"}
    )
    html = response.get_data(as_text=True).replace(email, "EMAIL")
    html = re.sub(r'(name="csrf_token"[^>]*value=")[^"]*', r"\1TOKEN", html)
    return Page(response).error_summary_links(), re.sub(r"\d+", "N", html)


def seed_failures(app, email, count, *, seconds_ago=0, address="198.51.100.9"):
    """`count` failures of `email` from elsewhere, as if they had happened."""
    db = connect(app.config["DATABASE"])
    try:
        with app.test_request_context():
            guard = guard_for(email, client=address, cookie="")
            for _ in range(count):
                record_failure(db, guard, clock.seconds() - seconds_ago)
    finally:
        db.close()


def test_known_and_unknown_addresses_get_the_same_answer_and_work_in_every_state(app, hasher):
    staff_member(app, email=KNOWN)
    states = {
        "fresh": lambda email: None,
        "after two typos": lambda email: seed_failures(app, email, 2),
        "slowed down": lambda email: seed_failures(app, email, 4),
        "slowed down long ago": lambda email: seed_failures(app, email, 4, seconds_ago=600),
        "locked": lambda email: seed_failures(app, email, LOCK_AFTER_FAILURES),
    }
    for number, (state, reach) in enumerate(states.items()):
        seen = {}
        for email in (KNOWN, UNKNOWN):
            reach(email)
            hasher.verified.clear()
            links, html = attempt(app, email, f"192.0.2.{number}")
            seen[email] = (links, html, list(hasher.verified))
            # The next state starts from nothing for both addresses.
            app_db = connect(app.config["DATABASE"])
            app_db.execute("DELETE FROM rate_events")
            app_db.conn.commit()
            app_db.close()
        assert seen[KNOWN][0] == seen[UNKNOWN][0], state
        assert seen[KNOWN][1] == seen[UNKNOWN][1], f"{state}: the whole page is the same"
        assert seen[KNOWN][2] == seen[UNKNOWN][2], f"{state}: the same argon2 work"
        if state in ("slowed down", "locked"):
            assert seen[KNOWN][2] == [], f"{state}: no password is checked while waiting"
        else:
            assert len(seen[KNOWN][2]) == 1, state


def test_a_real_slow_down_looks_the_same_for_a_known_and_an_unknown_address(app):
    """The states reached by typing, not by seeding: after three wrong passwords."""
    staff_member(app, email=KNOWN)
    answers = {}
    for number, email in enumerate((KNOWN, UNKNOWN)):
        for _ in range(3):
            attempt(app, email, f"192.0.2.{10 + number}")
        answers[email] = attempt(app, email, f"192.0.2.{10 + number}")[0]
    assert answers[KNOWN] == answers[UNKNOWN]
    assert answers[KNOWN][0][1].startswith("For mange forkerte forsøg")


def test_a_stranger_cannot_keep_a_consultant_out_of_their_usual_browser(app):
    karl = staff_member(app, email=KNOWN)
    karl.client.environ_base["REMOTE_ADDR"] = "192.0.2.50"
    karl.sign_in()
    karl.sign_out()
    seed_failures(app, KNOWN, LOCK_AFTER_FAILURES + 2)  # a stranger, somewhere else
    stranger = attempt(app, KNOWN, "198.51.100.9")[0]
    assert "Vent" in stranger[0][1], "the stranger waits"

    response = karl.enter_password()
    assert location_path(response) == "/staff/two-factor", "Karl's own browser is not locked"
    response = karl.post_form("/staff/two-factor", {"code": karl.current_code()})
    assert location_path(response) == "/staff/"

    page = Page(karl.in_another_browser().enter_password())
    assert "Vent" in page.error_summary_links()[0][1], "a browser Karl never used waits"


def test_a_known_browser_that_guesses_is_slowed_down_on_its_own(app):
    karl = staff_member(app, email=KNOWN)
    karl.sign_in()
    karl.sign_out()
    for _ in range(3):
        karl.enter_password("forkert")
    page = Page(karl.enter_password())
    assert "Vent" in page.error_summary_links()[0][1]


def test_one_address_guessing_many_accounts_waits(app):
    app.config["SIGN_IN_FAILURES_PER_ADDRESS"] = 5
    answers = [attempt(app, f"person{n}@klapjob.dk", "203.0.113.5")[0] for n in range(6)]
    assert all(
        links[0][1] == "E-mailadressen eller adgangskoden er forkert" for links in answers[:5]
    )
    assert answers[5][0][1].startswith("For mange forkerte forsøg"), "the sixth waits"
    assert attempt(app, "person9@klapjob.dk", "203.0.113.6")[0][0][1].startswith("E-mail"), (
        "another address does not"
    )


def test_an_admin_can_open_an_account_for_every_browser(app):
    anna = staff_member(app, "admin").sign_in()
    karl = staff_member(app, email=KNOWN)
    seed_failures(app, KNOWN, LOCK_AFTER_FAILURES)
    page = anna.open(f"/staff/users/{karl.public_id}")
    assert "10 forkerte forsøg den sidste time." in page.text()
    anna.post_form(
        f"/staff/users/{karl.public_id}/unlock", {}, form_on=f"/staff/users/{karl.public_id}"
    )
    assert location_path(karl.enter_password(PASSWORD)) == "/staff/two-factor/set-up"
