"""Log lines: one an event, UTC, a request id, parseable, and never anything personal."""

import copy
import logging
import re
import secrets
import socket
import string

import pytest

from app.core.phone import normalise_phone
from app.web.logging_setup import LogfmtFormatter, WithoutTheRequest, route_for_log
from http_visitor import HttpVisitor, reference_on
from people import HELPED_BY_SUPPORT_WORKER, MYSELF_IN_AARHUS
from served_site import ServedSite

LOGFMT_PAIR = re.compile(r'(\w+)=("(?:[^"\\]|\\.)*"|\S*)')


def parse_logfmt(line):
    return {key: value.strip('"') for key, value in LOGFMT_PAIR.findall(line)}


def unique_marker():
    return "Qvorb" + "".join(secrets.choice(string.ascii_lowercase) for _ in range(10))


def unique_phone_digits():
    """Eight digits no other test uses, that the site takes as a Danish number."""
    while True:
        digits = "2" + "".join(secrets.choice(string.digits) for _ in range(7))
        if normalise_phone(f"+45 {digits}"):
            return digits


def answers_with_marker(marker, phone_digits):
    helped = copy.deepcopy(HELPED_BY_SUPPORT_WORKER)
    helped["helper"].update(helper_name=f"{marker} Helper", helper_contact=f"{marker}@example.org")
    helped["name"] = {"name": f"{marker} Person"}
    helped["work"] = {"work_wishes": ["other"], "work_other": f"{marker} work"}
    helped["strengths"] = {"strengths_text": f"{marker} strengths"}
    helped["needs"] = {"needs": ["quiet"], "needs_text": f"{marker} needs"}
    helped["health"] = {"health": f"{marker} health"}
    by_email = copy.deepcopy(MYSELF_IN_AARHUS)
    by_email["name"] = {"name": f"{marker} Selv"}
    by_email["contact"] = {"contact_method": "email"}
    by_email["email"] = {"email": f"{marker.lower()}@example.org"}
    by_phone = copy.deepcopy(MYSELF_IN_AARHUS)
    by_phone["phone"] = {"phone": f"+45 {phone_digits}"}
    return [helped, by_email, by_phone]


@pytest.fixture
def served(tmp_path):
    with ServedSite(tmp_path) as site:
        yield site


def test_nothing_a_person_types_or_searches_for_reaches_the_log(served):
    marker = unique_marker()
    phone_digits = unique_phone_digits()
    for answers in answers_with_marker(marker, phone_digits):
        person = HttpVisitor(served.base)
        assert person.answer_all(answers).path == "/register/check"
        assert reference_on(person.send()), "the receipt was not shown"
    # Addresses can carry personal data too: a search in the back office, a resume key,
    # an address someone typed by hand.
    visitor = HttpVisitor(served.base)
    visitor.request(f"/staff/?search={marker}+{phone_digits}")
    visitor.request(f"/register/resume/{marker}")
    visitor.request(f"/{marker}")
    served.stop()

    log = served.log_text()
    assert marker not in log
    assert marker.lower() not in log
    assert phone_digits not in log
    assert "route=/register/name" in log, "the requests were not logged at all"


def test_each_request_is_one_parseable_line_in_utc_with_its_request_id(served):
    answer = HttpVisitor(served.base).request("/register/who?from=somewhere")
    served.stop()
    lines = [
        parse_logfmt(line) for line in served.log_text().splitlines() if "logger=access" in line
    ]
    [line] = [line for line in lines if line["route"] == "/register/who"]
    assert answer.status == 200
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", line["time"])
    assert line["method"] == "GET" and line["status"] == "200"
    assert re.fullmatch(r"[0-9a-f]{16}", line["request_id"])
    assert line["request_id"] == answer.headers["X-Request-Id"]
    assert "from=" not in served.log_text()


def test_the_health_check_is_not_logged_for_every_request(served):
    for _ in range(3):
        assert HttpVisitor(served.base).request("/healthz").status == 200
    HttpVisitor(served.base).request("/register/who")
    served.stop()
    log = served.log_text()
    assert "route=/register/who" in log
    assert "healthz" not in log


def test_a_log_line_from_a_request_carries_its_id_and_no_error_message(app, caplog):
    @app.get("/fails/<name>")
    def fails(name):
        raise ValueError(f"{name} Hansen typed this")

    app.config["PROPAGATE_EXCEPTIONS"] = False
    app.testing = False
    response = app.test_client().get("/fails/Mette")
    assert response.status_code == 500
    [record] = [r for r in caplog.records if r.exc_info]
    line = LogfmtFormatter().format(record)
    assert "\n" not in line
    fields = parse_logfmt(line)
    assert fields["request_id"] == response.headers["X-Request-Id"]
    assert fields["error"] == "ValueError"
    assert "fails" in fields["trace"]
    assert "/fails/<name>" in fields["msg"]
    assert "Mette" not in line


def test_a_message_with_quotes_and_newlines_stays_one_line():
    record = logging.LogRecord(
        "klapjob", logging.WARNING, __file__, 1, 'first "line"\nsecond=line', None, None
    )
    line = LogfmtFormatter().format(record)
    assert "\n" not in line
    assert parse_logfmt(line)["level"] == "warning"
    assert '\\"line\\"' in line and "\\n" in line


def test_every_control_sign_in_a_log_line_is_written_as_an_escape():
    """ESC, BEL and NUL would colour, beep or cut a terminal that shows the log; a
    right-to-left mark would turn the line round. Each is written as an escape."""
    message = "a\x1b[31m b\x07\x00\x7f\x85\u202e\u2028\ufeffz"
    record = logging.LogRecord("klapjob", logging.WARNING, __file__, 1, message, None, None)
    line = LogfmtFormatter().format(record)
    assert [ch for ch in line if not ch.isprintable()] == []
    for escape in ("\\x1b", "\\x07", "\\x00", "\\x7f", "\\x85", "\\u202e", "\\u2028", "\\ufeff"):
        assert escape in line, escape


def test_an_address_the_site_does_not_know_is_logged_as_its_route(app):
    """A question's key, a language, a pictogram or a file is written as it was asked only
    when the site has one of that name; otherwise the route (a name and a diagnosis typed
    into an address stay out of the log)."""
    for address, logged in (
        ("/register/name", "/register/name"),
        ("/register/Mette%20Hansen%20diabetes", "/register/<step_key>"),
        ("/register/%1B[31m%07%00", "/register/<step_key>"),
        ("/language/en", "/language/en"),
        ("/language/Mette", "/language/<language>"),
        ("/pictograms/job.svg", "/pictograms/job.svg"),
        ("/pictograms/Mette.svg", "/pictograms/<concept>.svg"),
        ("/static/css/site.css", "/static/css/site.css"),
        ("/static/Mette.css", "/static/<filename>"),
        ("/static/" + "9" * 400, "/static/<filename>"),
        ("/listen/speed/slow", "/listen/speed/slow"),
    ):
        with app.test_request_context(address):
            assert route_for_log() == logged, address


def raw_request(site, line):
    """Bytes sent as they are: an HTTP client would refuse to send most of these."""
    with socket.create_connection(("127.0.0.1", site.port), timeout=10) as connection:
        connection.sendall(line + b"\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        while connection.recv(65536):
            pass


def test_control_signs_and_names_in_an_address_never_reach_the_log(served):
    marker = unique_marker().encode()
    for line in (
        b"GET /register/" + marker + b"%20Hansen%20diabetes HTTP/1.1",
        b"GET /register/%1B[31m" + marker + b"%07%00 HTTP/1.1",
        b"GET /language/" + marker + b" HTTP/1.1",
        b"GET /static/" + marker + b"%1B.css HTTP/1.1",
        b"GET /register/\x1b[31m" + marker + b"\x07 HTTP/1.1",
        b"GET /" + marker + b"\x00 HTTP/1.1",
    ):
        raw_request(served, line)
    served.stop()
    log = served.log_text()
    assert "route=/register/<step_key>" in log, "the requests were not logged at all"
    assert marker.decode() not in log
    assert [ch for ch in log if not ch.isprintable() and ch != "\n"] == []


def test_gunicorns_lines_about_a_request_keep_the_problem_and_not_the_request():
    """gunicorn writes these itself, before or after the site had the request."""
    unreadable = logging.LogRecord(
        "gunicorn.error",
        logging.WARNING,
        __file__,
        1,
        "Invalid request from ip=10.0.0.7: Invalid HTTP request line: 'GET /Mette\\x1b HTTP/1.1'",
        None,
        None,
    )
    failed = logging.LogRecord(
        "gunicorn.error",
        logging.ERROR,
        __file__,
        1,
        "Error handling request %s %s",
        ("GET", "/staff/?search=Mette+Hansen"),
        None,
    )
    for record, kept in ((unreadable, "Invalid HTTP request line"), (failed, "Error handling")):
        assert WithoutTheRequest().filter(record)
        line = LogfmtFormatter().format(record)
        assert kept in line
        assert "Mette" not in line and "10.0.0.7" not in line, line
