"""Hostile input on every route never gives a server error.

For every route in the URL map, as an anonymous visitor, a citizen with a draft, a
consultant and an admin, Hypothesis sends hostile values (huge numbers, NaN, far dates,
control characters, very long strings, bytes that are not UTF-8, markup, paths) in the
address, in every query parameter and in every form field the site knows. Every answer must
be below 500.

The test command runs a fixed, small number of examples a route (the same ones every time:
`derandomize`); a longer randomized run:

    KLAPJOB_FUZZ=thorough .venv/bin/python -m pytest tests/test_fuzz_routes.py
"""

import importlib
import inspect
import os
import pkgutil
from urllib.parse import quote, urlsplit

import pytest
from bs4 import BeautifulSoup
from flask_wtf import FlaskForm
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app import create_app
from app.core import codes
from app.core import db as database
from app.core.db import connect
from app.domain.questions.steps import STEPS
from app.staff import forms as staff_forms
from app.web.display import SETTINGS
from people import MYSELF_IN_AARHUS
from staff import register, saved_draft, staff_member
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
    """Every form of the back office, in whichever module of app.staff.forms it lives."""
    for module_info in pkgutil.iter_modules(staff_forms.__path__):
        module = importlib.import_module(f"{staff_forms.__name__}.{module_info.name}")
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
    need not wait for each to reach the disk (synchronous=OFF instead of FULL)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(database, "PRAGMAS", (*database.PRAGMAS, "PRAGMA synchronous = OFF"))
        yield


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
        }
    )
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
    db.conn.commit()
    db.close()
    draft = saved_draft(app, MYSELF_IN_AARHUS)
    ids = {
        "registration": row["public_id"],
        "user": victim.public_id,
        "meeting": add_meeting(app, "751"),
    }
    site = {
        "app": app,
        "draft": draft,
        "ids": ids,
        "cookies": {"consultant": consultant.client, "admin": admin.client},
    }
    clients = [client_for(site, role) for role in ("anonymous", "citizen", "admin")]
    site["fields"] = fields_of_every_form(app, clients, ids)
    return site


def fields_of_every_form(app, clients, ids):
    """{(endpoint, method): field names} of every form on every page the roles can open:
    the fields a route is really sent, to fuzz first."""
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
    return {key: sorted(names) for key, names in found.items()}


def real_path(rule, ids):
    """The route's address as its own pages use it: real ids, the first of each choice."""
    owner = (
        ids["user"]
        if "/users/" in rule
        else ids["meeting"]
        if "meetings/" in rule
        else ids["registration"]
    )
    usual = {
        "public_id": owner,
        "step_key": "name",
        "language": "en",
        "concept": "job",
        "clipkey:key": "0" * 32,
        "key": "x",
        "pagetoken:token": "x" * 20,
        "digest:digest": "x" * 22,
        "path:filename": "css/site.css",
        "yes_id": "x" * 16,
        "int:signup_id": "1",
    }
    parts = []
    for is_variable, text in split_rule(rule):
        if not is_variable:
            parts.append(text)
        elif text.startswith("any("):
            parts.append(text[4:].split(",")[0].split(")")[0].strip())
        else:
            parts.append(usual[text])
    return "".join(parts)


def client_for(site, role):
    """A fresh browser for the role: staff with their signed-in session, a citizen with a
    draft of their own (copied, so that sending or starting over spoils no other example)."""
    app = site["app"]
    client = app.test_client()
    if role in site["cookies"]:
        session = site["cookies"][role].get_cookie("klapjob_staff_session", path="/staff")
        client.set_cookie("klapjob_staff_session", session.value, path="/staff")
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
        "public_id": [site["ids"]["registration"], site["ids"]["user"], site["ids"]["meeting"]],
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


def send_as_a_browser(client, method, url, body):
    """Send a form (or open an address) and follow a redirect: no answer may be a 5xx."""
    response = client.open(
        url, method=method, data=body, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code < 500, f"{method} {url} {body[:300]!r}: {response.status_code}"
    if response.status_code in (301, 302, 303) and response.location.startswith("/"):
        after = client.get(response.location)
        assert after.status_code < 500, f"after {method} {url}: {response.location}"


ROLES = ("anonymous", "citizen", "consultant", "admin")
# These end the role's session for every later example; they take no input worth fuzzing.
SPOILERS = {("consultant", "staff.sign_out"), ("admin", "staff.sign_out")}


def routes():
    app = create_app({"TESTING": True, "DATABASE": ":memory:"})
    found = []
    for rule in sorted(app.url_map.iter_rules(), key=lambda r: r.rule):
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            for role in ROLES:
                if (role, rule.endpoint) not in SPOILERS:
                    found.append(
                        pytest.param(role, rule.endpoint, method, id=f"{role}-{method}-{rule.rule}")
                    )
    return found


@pytest.mark.parametrize("role, endpoint, method", routes())
def test_hostile_input_never_gives_a_server_error(site, role, endpoint, method):
    app = site["app"]
    [rule] = [r for r in app.url_map.iter_rules() if r.endpoint == endpoint]

    query_names = site["fields"].get((endpoint, "GET"), []) if method == "GET" else []
    form_names = site["fields"].get((endpoint, "POST"), []) if method == "POST" else []

    @given(path=path_values(site, rule), query=pairs(query_names), form=pairs(form_names))
    def send(path, query, form):
        client = client_for(site, role)
        url = path + ("?" + "&".join(f"{quote(k)}={v}" for k, v in query) if query else "")
        body = "&".join(f"{quote(k)}={v}" for k, v in form).encode()
        send_as_a_browser(client, method, url, body)

    send()


def best_role(endpoint):
    if endpoint in ("staff.sign_in", "staff.two_factor", "staff.set_up_two_factor"):
        return "anonymous"
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


@pytest.mark.parametrize("endpoint, method", every_route())
def test_every_hostile_value_in_every_field_of_every_form(site, endpoint, method):
    """The sweep beside the random examples: each sharp value in the fields the route's own
    forms send, at the address its pages use, by the role that reaches its view; and the
    page a redirect leads to, as a browser follows it."""
    app = site["app"]
    [rule] = [r for r in app.url_map.iter_rules() if r.endpoint == endpoint]
    names = site["fields"].get((endpoint, method)) or []
    if method == "GET" or not names:
        names = sorted(set(names) | set(EXTRA_NAMES))
    names = [name for name in names if name != "csrf_token"]
    path = real_path(rule.rule, site["ids"])
    for fields in sweep(names):
        client = client_for(site, best_role(endpoint))
        filled = "&".join(f"{quote(name)}={encoded(value)}" for name, value in fields)
        url, body = (f"{path}?{filled}", b"") if method == "GET" else (path, filled.encode())
        send_as_a_browser(client, method, url, body)
