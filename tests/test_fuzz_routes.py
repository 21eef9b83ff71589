"""Hostile input on every route never gives a server error.

For every route in the URL map, as an anonymous visitor, a citizen with a draft, a
consultant and an admin (and, on the pages of the code, a staff member between password and
code), Hypothesis sends hostile values (huge numbers, NaN, far dates, control characters,
digits of other scripts, very long strings, bytes that are not UTF-8, markup, paths) in the
address, in every query parameter and in every form field the site knows, half of the forms
without their security token. Every answer must be below 500, and every route must have
been reached: some answers come from its view (not from the access check, the security
token's page or a 404), so that a site spoiled by earlier examples cannot pass unseen.

Beside the random examples, a sweep sends each sharp value to every form field (and to the
query names each page reads), puts a number too big for SQLite in place of each id of an
address, and sends every form without its security token, to every question (the ones the
visitor's draft hides too).

The test command runs a fixed, small number of examples a route (the same ones every time:
`derandomize`); a longer randomized run:

    KLAPJOB_FUZZ=thorough .venv/bin/python -m pytest tests/test_fuzz_routes.py
"""

import functools
import importlib
import inspect
import os
import pkgutil
import sqlite3
from collections import Counter
from contextlib import closing
from urllib.parse import quote, urlsplit

import pytest
from bs4 import BeautifulSoup
from flask import Request, g, request
from flask_wtf import FlaskForm
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from werkzeug.datastructures import ImmutableMultiDict

import app.staff as staff_package
from app import create_app
from app.core import clock, codes
from app.core import db as database
from app.core.db import connect
from app.domain.questions.steps import STEPS
from app.staff.core import sign_in_guard
from app.staff.core.permissions import PENDING_KEY
from app.staff.intake.data.taken_by_phone import start_intake
from app.staff.reporting.data.sent_reports import keep_as_sent
from app.web.display import SETTINGS
from people import MYSELF_IN_AARHUS
from staff import register, saved_draft, sign_up_for_meeting, staff_member
from test_meetings_and_ambassadors import add_meeting

settings.register_profile(
    "ci",
    max_examples=3,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
settings.register_profile(
    "thorough",
    max_examples=200,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
settings.load_profile(os.environ.get("KLAPJOB_FUZZ", "ci"))

HOSTILE = [
    "",
    "0",
    "-1",
    "9" * 30,
    "-" + "9" * 30,
    "1e400",
    "NaN",
    "sNaN",
    "-Infinity",
    "0x1F",
    "9999-12-31",
    "0001-01-01",
    "2026-02-30",
    "24:61",
    "99:99",
    # Digits of other scripts: str.isdigit() says yes to all of these, int() to some.
    "١٢٣٤٥٦",
    "¹²³⁴⁵⁶",
    "１２３４５６",
    # More than SQLite's integers hold, as an id.
    "9" * 400,
    "\x00",
    "\r\nSet-Cookie: x=1",
    "/\r\nSet-Cookie: x=1",
    "\x1b[31m",
    "\u202e\u0645",
    "\ufdd0Mette\ufdd1",
    "😀" * 10,
    "x" * 5000,
    "<script>alert(1)</script>",
    "'; DROP TABLE registrations; --",
    "%",
    "_",
    "\\",
    "../../etc/passwd",
    "//evil.example",
    "/\\evil.example",
    "javascript:alert(1)",
    "/register/check",
    "/staff/",
    "y",
    "on",
    "self",
    "helper",
    "751",
    "other",
]
# Bytes that are not UTF-8, sent percent-encoded as a browser would pass them on.
NOT_UTF8 = ["%FF%FE", "%ED%A0%80", "%C0%AF", "%E2%82"]
FIELD_PREFIXES = ("", "status-", "assign-", "job-", "note-", "follow_up-", "talked-")
EXTRA_NAMES = (
    "page",
    "next",
    "change",
    "download",
    "reference",
    "show_code",
    "save_for_later",
    "switch_language",
    "open_settings",
    "finish_device",
    "not_me",
    "reset",
    "csrf_token",
    "person_agrees",
    "consent",
    "consent_health",
    "consent_contact_helper",
)


def staff_form_classes():
    """Every form of the back office, in whichever forms module of app.staff it lives."""
    for module_info in pkgutil.walk_packages(staff_package.__path__, "app.staff."):
        if "forms" not in module_info.name.split("."):
            continue
        module = importlib.import_module(module_info.name)
        for _name, form in inspect.getmembers(module, inspect.isclass):
            if issubclass(form, FlaskForm) and form.__module__ == module.__name__:
                yield form


def every_field_name():
    names = {field.name for step in (*STEPS, SETTINGS) for field in step.fields}
    for form in staff_form_classes():
        names |= {name for name, _field in form._unbound_fields or []}
        names |= {
            name
            for name in vars(form)
            if not name.startswith("_") and hasattr(getattr(form, name), "field_class")
        }
    return sorted({prefix + name for name in names | set(EXTRA_NAMES) for prefix in FIELD_PREFIXES})


FIELD_NAMES = every_field_name()


@pytest.fixture(scope="module", autouse=True)
def no_waiting_for_the_disk():
    """Thousands of small writes: this test is not about surviving a power cut, so SQLite
    need not wait for each to reach the disk (synchronous=OFF instead of FULL). Nor is it
    about slowing down wrong codes: they are tested elsewhere, and here each is checked."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(database, "PRAGMAS", (*database.PRAGMAS, "PRAGMA synchronous = OFF"))
        patch.setattr(sign_in_guard, "FREE_FAILURES", 10**9)
        patch.setattr(sign_in_guard, "LOCK_AFTER_FAILURES", 10**9)
        yield


NAMES_READ = set()
EVERY_NAME = "*"


class NamesRead(ImmutableMultiDict):
    """A request's query (or form) that notes which names the site read."""

    def __getitem__(self, key):
        NAMES_READ.add(key)
        return super().__getitem__(key)

    def getlist(self, key, type=None):
        NAMES_READ.add(key)
        return super().getlist(key, type)

    def __contains__(self, key):
        NAMES_READ.add(key)
        return super().__contains__(key)

    def _all(self, method, *args, **kwargs):
        NAMES_READ.add(EVERY_NAME)
        return getattr(super(), method)(*args, **kwargs)

    def items(self, *args, **kwargs):
        return self._all("items", *args, **kwargs)

    def values(self):
        return self._all("values")

    def lists(self):
        return self._all("lists")

    def listvalues(self):
        return self._all("listvalues")

    def keys(self):
        return self._all("keys")

    def __iter__(self):
        return self._all("__iter__")

    def to_dict(self, flat=True):
        return self._all("to_dict", flat)


class NotingRequest(Request):
    parameter_storage_class = NamesRead


def count_what_reaches_the_views(site):
    """Every answer notes whether the route's view made it (not the access check, the
    security token's page or a 404), and which query names the request read."""
    app = site["app"]
    app.request_class = NotingRequest

    def entered(view):
        @functools.wraps(view)
        def noted(*args, **kwargs):
            g.fuzz_view_entered = True
            return view(*args, **kwargs)

        return noted

    for endpoint, view in list(app.view_functions.items()):
        app.view_functions[endpoint] = entered(view)

    @app.before_request
    def forget_the_names_read():
        NAMES_READ.clear()

    @app.after_request
    def note(response):
        reached = g.get("fuzz_view_entered", False) and response.status_code != 404
        site["last"] = (request.endpoint, reached)
        site["names_read"].setdefault(request.endpoint, set()).update(NAMES_READ)
        return response


@pytest.fixture(scope="module")
def site(tmp_path_factory, no_waiting_for_the_disk):
    folder = tmp_path_factory.mktemp("fuzz")
    app = create_app(
        {
            "TESTING": True,
            "WTF_CSRF_ENABLED": False,
            "DATABASE": str(folder / "k.sqlite3"),
            "AUDIO_DIR": str(folder / "audio"),
            "SMTP_HOST": "",
            # The limits are tested elsewhere; here every request reaches its view.
            "NEW_DRAFTS_PER_HOUR": 10**9,
            "MEETING_SIGNUPS_PER_HOUR": 10**9,
            "SIGN_IN_FAILURES_PER_ADDRESS": 10**9,
            "FAILED_CODES_PER_HOUR": 10**9,
            "PROFILE_LINK_OPENINGS_PER_HOUR": 10**9,
        }
    )
    site = {"app": app, "names_read": {}, "last": None}
    count_what_reaches_the_views(site)
    row = register(app)
    consultant = staff_member(app, name="Karl Konsulent", covers=("751", "101")).sign_in()
    admin = staff_member(app, "admin", name="Anna Admin").sign_in()
    victim = staff_member(app, name="Vera Victim")
    db = connect(app.config["DATABASE"])
    # In a job, so that the pages that work out follow-ups have one to work out.
    db.execute(
        "UPDATE registrations SET consultant_id = ?, status = 'in_job', "
        "job_start = date('now', '-7 months') WHERE id = ?",
        [consultant.user.id, row["id"]],
    )
    # A work trial, so that the pages that correct or remove one have one.
    db.execute(
        "INSERT INTO placements (public_id, registration_id, kind, workplace, starts_on, "
        "created_at) VALUES (?, ?, 'praktik', 'Netto', date('now', '-8 months'), "
        "datetime('now'))",
        [FUZZ_PLACEMENT, row["id"]],
    )
    # Taken by phone, by the consultant: both the consultant and the admin may carry on.
    intake = start_intake(db, consultant.user, "phone")
    # A report kept as it was sent, so that its page and files have one to show.
    report = keep_as_sent(db, consultant.user, "751", "2026-01", "2026-03", [])
    db.close()
    draft = saved_draft(app, MYSELF_IN_AARHUS)
    ids = {
        "registration": row["public_id"],
        "user": victim.public_id,
        "meeting": add_meeting(app, "751"),
        "intake": intake,
        "report": report,
    }
    # A sign-up, so that the pages show the forms that take one.
    sign_up_for_meeting(app, ids["meeting"], "Ali Hassan")
    site.update(
        draft=draft,
        ids=ids,
        cookies={"consultant": consultant.client, "admin": admin.client},
        # Between password and code: one who set up the app before, one who never did.
        pending={
            "pending": consultant.user.public_id,
            "new staff": staff_member(app, name="Nina Ny").public_id,
        },
    )
    crawlers = ("anonymous", "citizen", "admin", "pending", "new staff")
    clients = [client_for(site, role) for role in crawlers]
    site["given"] = {}
    site["fields"] = fields_of_every_form(app, clients, ids, site["given"])
    site["as_set_up"] = str(folder / "as-set-up.sqlite3")
    copy_database(app.config["DATABASE"], site["as_set_up"])
    return site


# The public id of the fuzz site's one work trial.
FUZZ_PLACEMENT = "fuzzplacement001"


def copy_database(source, target):
    with closing(sqlite3.connect(source)) as read, closing(sqlite3.connect(target)) as write:
        read.backup(write)


@pytest.fixture(autouse=True)
def the_site_as_it_was_set_up(site):
    """Each route meets the site as it was set up, not as the examples before it left it
    (a meeting deleted, the registration given to another consultant): else a route could
    meet only 404s and pass without its view ever seeing the input."""
    copy_database(site["as_set_up"], site["app"].config["DATABASE"])


def fields_of_every_form(app, clients, ids, given):
    """{(endpoint, method): field names} of every form on every page the roles can open:
    the fields a route is really sent, to fuzz first. `given` gets the values the pages
    put in them ({(endpoint, method): {name: value}}): a form as a browser sends it."""
    adapter = app.url_map.bind("localhost")
    found = {}
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods or rule.endpoint == "static":
            continue
        for client in clients:
            path = real_path(rule.rule, ids)
            response = client.get(path)
            if "text/html" not in response.content_type:
                continue
            soup = BeautifulSoup(response.get_data(as_text=True), "html.parser")
            for form in soup.find_all("form"):
                action = urlsplit(form.get("action") or path).path
                method = (form.get("method") or "get").upper()
                try:
                    endpoint, _ = adapter.match(action, method=method)
                except Exception:
                    continue
                controls = form.find_all(["input", "select", "textarea", "button"])
                names = {control.get("name") for control in controls}
                key = (endpoint, method)
                found.setdefault(key, set()).update(n for n in names if n)
                for control in controls:
                    if control.get("name") and control.get("value") is not None:
                        given.setdefault(key, {}).setdefault(control["name"], control["value"])
    return {key: sorted(names) for key, names in found.items()}


def real_path(rule, ids, **instead):
    """The route's address as its own pages use it: real ids, the first of each choice
    (or the values `instead`, by the variables' names)."""
    owner = (
        ids["user"]
        if "/users/" in rule
        else ids["meeting"]
        if "meetings/" in rule
        else ids["intake"]
        if "/registrations/new/" in rule
        else ids["report"]
        if "/reports/sent/" in rule
        else ids["registration"]
    )
    usual = {
        "public_id": owner,
        "step_key": "name",
        "int:number": "1",
        "language": "en",
        "concept": "job",
        "clipkey:key": "0" * 32,
        "key": "x",
        "pagetoken:token": "x" * 20,
        "digest:digest": "x" * 22,
        "path:filename": "css/site.css",
        "yes_id": "x" * 16,
        "signup_id": "1",
        "placement_id": FUZZ_PLACEMENT,
        "voice_id": "x" * 12,
        "photo_id": "x" * 16,
        "token": "x" * 22,
    }
    parts = []
    for is_variable, text in split_rule(rule):
        if not is_variable:
            parts.append(text)
        elif text.startswith("any("):
            parts.append(text[4:].split(",")[0].split(")")[0].strip())
        else:
            name = text.split(":")[-1]
            parts.append(instead.get(name) or usual.get(text) or usual[name])
    return "".join(parts)


# More than SQLite's integers hold, in place of each id of an address.
HUGE_IDS = ("9" * 19, "9" * 400)


def addresses_with_huge_ids(rule, ids):
    names = [text.split(":")[-1] for is_variable, text in split_rule(rule) if is_variable]
    return [real_path(rule, ids, **{name: huge}) for name in names for huge in HUGE_IDS]


def client_for(site, role):
    """A fresh browser for the role: staff with their signed-in session, a citizen with a
    draft of their own (copied, so that sending or starting over spoils no other example)."""
    app = site["app"]
    client = app.test_client()
    if role in site["cookies"]:
        session = site["cookies"][role].get_cookie("klapjob_staff_session", path="/staff")
        client.set_cookie("klapjob_staff_session", session.value, path="/staff")
    elif role in site["pending"]:
        # Between password and code: the sign-in in progress lives in the staff's session.
        with client.session_transaction("/staff/") as session:
            since = clock.iso(clock.now())
            session[PENDING_KEY] = {"user": site["pending"][role], "since": since}
    elif role == "citizen":
        token = codes.new_token()
        db = connect(app.config["DATABASE"])
        db.execute(
            "INSERT INTO drafts (token_hash, answers, completed, language, created_at,"
            " updated_at) SELECT ?, answers, completed, language, created_at, updated_at"
            " FROM drafts WHERE token_hash = ?",
            [codes.token_hash(token), codes.token_hash(site["draft"])],
        )
        db.conn.commit()
        db.close()
        client.set_cookie("klapjob_draft", token)
    return client


def hostile_text():
    return st.one_of(st.sampled_from(HOSTILE), st.text(max_size=40))


def encoded(value):
    return value if value in NOT_UTF8 else quote(value, safe="")


def value_strategy():
    return st.one_of(
        st.sampled_from(HOSTILE).map(encoded),
        st.sampled_from(NOT_UTF8),
        st.text(max_size=40).map(encoded),
    )


def path_values(site, rule):
    """A strategy for the route's address, its variables real ids or hostile values."""
    real = {
        "public_id": [
            site["ids"][kind] for kind in ("registration", "user", "meeting", "intake", "report")
        ],
        "signup_id": ["1"],
        "step_key": [step.key for step in STEPS],
        "language": ["da", "en"],
        "concept": ["job", "health"],
        "speed": ["normal", "slow"],
        "kind": ["mp3", "json"],
        "filename": ["css/site.css"],
    }
    best = real_path(rule.rule, site["ids"])
    parts = []
    for is_variable, text in split_rule(rule.rule):
        if not is_variable:
            parts.append(st.just(text))
            continue
        name = text.split(":")[-1]
        parts.append(st.one_of(st.sampled_from(real.get(name, ["x"])), value_strategy()))
    # Half the time the address the route's own pages use, so the input reaches the view.
    return st.one_of(st.just(best), st.tuples(*parts).map("".join))


def split_rule(rule):
    """("/register/", False), ("step_key", True)... for `/register/<step_key>`."""
    parts, rest = [], rule
    while "<" in rest:
        before, rest = rest.split("<", 1)
        variable, rest = rest.split(">", 1)
        parts += [(False, before), (True, variable)]
    return parts + [(False, rest)]


def pairs(known):
    """Every field the route's own forms send, each with a hostile value (often the same one
    in all of them, so that a value reaches every field), and a few other names besides."""

    def filled(chosen):
        one, others, extra = chosen
        values = [
            (name, one if same else value)
            for name, (same, value) in zip(known, others, strict=False)
        ]
        return values + extra

    return st.tuples(
        value_strategy(),
        st.tuples(*[st.tuples(st.booleans(), value_strategy()) for _ in known])
        if known
        else st.just(()),
        st.lists(st.tuples(st.sampled_from(FIELD_NAMES), value_strategy()), max_size=3),
    ).map(filled)


def send_as_a_browser(site, client, method, url, body, *, with_token=True):
    """Send a form (or open an address) and follow a redirect: no answer may be a 5xx.
    Returns whether the route's view made the answer. `with_token=False`: the form is sent
    without its security token, as from a page left open until the token is gone."""
    app = site["app"]
    app.config["WTF_CSRF_ENABLED"] = not with_token
    try:
        response = client.open(
            url, method=method, data=body, content_type="application/x-www-form-urlencoded"
        )
    finally:
        app.config["WTF_CSRF_ENABLED"] = False
    _endpoint, reached = site["last"]
    assert response.status_code < 500, f"{method} {url} {body[:300]!r}: {response.status_code}"
    if response.status_code in (301, 302, 303) and response.location.startswith("/"):
        after = client.get(response.location)
        assert after.status_code < 500, f"after {method} {url}: {response.location}"
    return reached


ROLES = ("anonymous", "citizen", "consultant", "admin")
PENDING_ROLES = ("pending", "new staff")
# These end the role's session for every later example; they take no input worth fuzzing.
SPOILERS = {("consultant", "staff.sign_out"), ("admin", "staff.sign_out")}
# Routes whose view no fuzzed request reaches, and why. (A route listed here that is
# reached after all fails the test, so the list stays true.)
NOT_REACHED = {
    "speech.clip": "no clip is made for the fuzz (the key is a made-up one)",
    "speech.own_clip": "no page is read aloud for the fuzz (the page token is made up)",
    "speech.own_page": "no page is read aloud for the fuzz (the page token is made up)",
    "staff.toggle_ambassador": "the fuzz's site has no ambassador",
    "staff.edit_ambassador": "the fuzz's site has no ambassador",
    "staff.appointment_calendar_file": "the fuzz's site has no appointment",
    "staff.request_done": "the fuzz's site has no request from a person",
    "staff.compare_duplicate": "its `other` must name the registration's likely duplicate",
    "staff.intake_page_show_health": "the fuzz's phone intake has no health answer to show",
    "journey.recording": "the fuzz's draft has no recording (the id is a made-up one)",
    "staff.voice_recording": "the fuzz's registration has no recording",
    "journey.profile_voice": "the fuzz's profile plays no recording (the id is a made-up one)",
    "staff.profile_voice": "the fuzz's registration has no recording on its profile",
    "staff.employer_profile_voice": "the fuzz's site has no employer's yes with a voice",
    "journey.profile_photo": "the fuzz's profile has no photo (the id is a made-up one)",
    "staff.profile_photo": "the fuzz's registration has no photo on its profile",
    "staff.employer_profile_photo": "the fuzz's site has no employer's yes with a photo",
    "profile_link.profile": "the fuzz's site has printed no profile (the code is a made-up one)",
    "profile_link.voice": "the fuzz's site has printed no profile (the code is a made-up one)",
}


def access_of(app, endpoint):
    """The back office's access level of the route (None outside the back office)."""
    return getattr(app.view_functions[endpoint], "staff_access", None)


def roles_for(app, endpoint):
    """Everybody tries every route; a staff member between password and code tries the
    back office's pages that are open before signing in."""
    level = access_of(app, endpoint)
    return ROLES + PENDING_ROLES if level in ("public", "pending") else ROLES


def reaches_its_view(app, role, endpoint):
    """Whether the role passes the route's access check at all."""
    level = access_of(app, endpoint)
    if level is None or level == "public":
        return True
    if level == "pending":
        return role in PENDING_ROLES
    return role == "admin" or (level == "staff" and role == "consultant")


def routes():
    app = create_app({"TESTING": True, "DATABASE": ":memory:"})
    found = []
    for rule in sorted(app.url_map.iter_rules(), key=lambda r: r.rule):
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            for role in roles_for(app, rule.endpoint):
                if (role, rule.endpoint) not in SPOILERS:
                    found.append(
                        pytest.param(role, rule.endpoint, method, id=f"{role}-{method}-{rule.rule}")
                    )
    return found


# Reached by the sweep, but not by the few random examples: their values never make a
# request the view answers (it needs a registration that is a likely duplicate).
RANDOM_EXAMPLES_MISS = {"staff.merge_duplicate"}


def assert_reached(app, endpoint, role, reached, *, excused=NOT_REACHED):
    """Some answers came from the view, unless the role may not pass (or it is excused)."""
    if endpoint in excused:
        assert not reached, f"{endpoint} is reached now: take it off the list"
    elif reaches_its_view(app, role, endpoint):
        assert reached, f"no answer came from the view of {endpoint} as {role}"


@pytest.mark.parametrize("role, endpoint, method", routes())
def test_hostile_input_never_gives_a_server_error(site, role, endpoint, method):
    app = site["app"]
    [rule] = [r for r in app.url_map.iter_rules() if r.endpoint == endpoint]

    query_names = site["fields"].get((endpoint, "GET"), []) if method == "GET" else []
    form_names = site["fields"].get((endpoint, "POST"), []) if method == "POST" else []
    reached = Counter()

    @given(
        path=path_values(site, rule),
        query=pairs(query_names),
        form=pairs(form_names),
        without_token=st.booleans() if method == "POST" else st.just(False),
    )
    def send(path, query, form, without_token):
        client = client_for(site, role)
        url = path + ("?" + "&".join(f"{quote(k)}={v}" for k, v in query) if query else "")
        body = "&".join(f"{quote(k)}={v}" for k, v in form).encode()
        reached[
            send_as_a_browser(site, client, method, url, body, with_token=not without_token)
        ] += 1

    send()
    excused = {*NOT_REACHED, *RANDOM_EXAMPLES_MISS}
    assert_reached(app, endpoint, role, reached[True], excused=excused)


def best_role(endpoint):
    if endpoint == "staff.sign_in":
        return "anonymous"
    if endpoint == "staff.two_factor":
        return "pending"
    if endpoint == "staff.set_up_two_factor":
        return "new staff"
    return "admin" if endpoint.startswith("staff.") else "citizen"


def every_route():
    app = create_app({"TESTING": True, "DATABASE": ":memory:"})
    return [
        pytest.param(rule.endpoint, method, id=f"{method}-{rule.rule}")
        for rule in sorted(app.url_map.iter_rules(), key=lambda r: r.rule)
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"})
        if (best_role(rule.endpoint), rule.endpoint) not in SPOILERS
    ]


# The sweep's values: one of each kind of trouble.
SHARP = [
    "9" * 30,
    "-1",
    "1e400",
    "sNaN",
    "-Infinity",
    "9999-12-31",
    "0001-01-01",
    "\x00",
    "/\r\nSet-Cookie: x=1",
    "x" * 5000,
    "<script>alert(1)</script>",
    "//evil.example",
    "\ufdd0x\ufdd1",
    "%FF%FE",
    "%ED%A0%80",
    "١٢٣٤٥٦",
    "¹²³⁴⁵⁶",
    "9" * 400,
]
# Forms with more fields than this (the 98 municipalities) get each value in all at once only.
FIELDS_ONE_AT_A_TIME = 12


def sweep(names):
    """[(name, value)] lists: each sharp value in every field at once, then in one field at
    a time with the others empty (so that the rest of the form is not what refuses it)."""
    for value in SHARP:
        yield [(name, value) for name in names]
    if len(names) <= FIELDS_ONE_AT_A_TIME:
        for name in names:
            for value in SHARP:
                yield [(other, value if other == name else "") for other in names]


def names_to_sweep(site, endpoint, method):
    """A form's fields; for an address, the query names its page reads (all the usual ones
    when it reads them all): a name nobody reads cannot change the answer."""
    names = site["fields"].get((endpoint, method)) or []
    if method == "GET":
        read = site["names_read"].get(endpoint, set())
        extra = EXTRA_NAMES if EVERY_NAME in read else read & set(FIELD_NAMES)
        names = sorted(set(names) | set(extra))
    elif not names:
        names = sorted(EXTRA_NAMES)
    return [name for name in names if name != "csrf_token"]


@pytest.mark.parametrize("endpoint, method", every_route())
def test_every_hostile_value_in_every_field_of_every_form(site, endpoint, method):
    """The sweep beside the random examples: each sharp value in the fields the route's own
    forms send, at the address its pages use, by the role that reaches its view; and the
    page a redirect leads to, as a browser follows it."""
    app = site["app"]
    [rule] = [r for r in app.url_map.iter_rules() if r.endpoint == endpoint]
    names = names_to_sweep(site, endpoint, method)
    path = real_path(rule.rule, site["ids"])
    reached = Counter()
    for fields in sweep(names) if names else [[]]:
        client = client_for(site, best_role(endpoint))
        filled = "&".join(f"{quote(name)}={encoded(value)}" for name, value in fields)
        url, body = (f"{path}?{filled}", b"") if method == "GET" else (path, filled.encode())
        reached[send_as_a_browser(site, client, method, url.rstrip("?"), body)] += 1
    assert_reached(app, endpoint, best_role(endpoint), reached[True])
    as_given = "&".join(
        f"{quote(name)}={quote(value)}"
        for name, value in site["given"].get((endpoint, method), {}).items()
    )
    for address in addresses_with_huge_ids(rule.rule, site["ids"]):
        url, body = (address, as_given.encode()) if method == "POST" else (address, b"")
        send_as_a_browser(site, client_for(site, best_role(endpoint)), method, url, body)


def addresses_of_every_form():
    """Every form's address, for every role; a question's address for every question (the
    ones this role's draft hides too)."""
    app = create_app({"TESTING": True, "DATABASE": ":memory:"})
    found = []
    for rule in sorted(app.url_map.iter_rules(), key=lambda r: r.rule):
        if "POST" not in rule.methods:
            continue
        steps = [step.key for step in STEPS] if "<step_key>" in rule.rule else [None]
        for role in roles_for(app, rule.endpoint):
            found += [
                pytest.param(role, rule.endpoint, step, id=f"{role}-{rule.rule}-{step}")
                for step in steps
                if (role, rule.endpoint) not in SPOILERS
            ]
    return found


@pytest.mark.parametrize("role, endpoint, step_key", addresses_of_every_form())
def test_every_form_sent_without_its_security_token_gets_a_page(site, role, endpoint, step_key):
    """A page left open until its token is gone, for a question this person is asked or
    not (a new visitor is not asked for a phone number before saying how to be reached)."""
    [rule] = [r for r in site["app"].url_map.iter_rules() if r.endpoint == endpoint]
    path = real_path(rule.rule, site["ids"])
    if step_key:
        path = path.rsplit("/", 1)[0] + f"/{step_key}"
    names = site["fields"].get((endpoint, "POST")) or ["name"]
    for value in ("", "9" * 400, "١٢٣٤٥٦"):
        body = "&".join(f"{quote(name)}={quote(value)}" for name in names).encode()
        send_as_a_browser(site, client_for(site, role), "POST", path, body, with_token=False)
