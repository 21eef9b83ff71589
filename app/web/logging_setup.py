"""Log lines a person can read and a machine can parse, with nothing personal in them.

One line an event, in logfmt (`key=value`, values with spaces quoted), time in UTC, and
the request's id on every line written while a request is handled:

    time=2026-12-01T16:28:54.856Z level=warning logger=klapjob.sign_in request_id=3f9c1a0b7d2e4c55 msg="Failed sign-in for user u_8Jq (3 in a row)"

gunicorn's access log is written by `GunicornLogger` in the same form. It names the route
(`/register/resume/<key>`), never the address as typed: a query string can hold a name
someone searched for, and a path can hold a resume key that opens a person's draft. A
route argument is written out only when the site has one of that name (`/register/name`,
but `/register/<step_key>` for `/register/Mette Hansen`), and gunicorn's own lines about a
request it could not read keep the kind of problem, not the request. Every sign a terminal
would act on (ESC, BEL, NUL, a right-to-left mark, a line break) is written as an escape.
A traceback is logged as its exception type and the places it passed through, without
the exception's message, which can quote what a person typed. `/healthz` is not logged.
"""

import logging
import os
import re
import sys
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from types import TracebackType
from typing import Any, TextIO

from flask import Flask, current_app, g, has_request_context, request
from gunicorn.glogging import Logger as _GunicornBaseLogger
from werkzeug.security import safe_join
from werkzeug.wrappers import Response

from app.core import clock, codes
from app.domain.pictograms import pictogram_exists
from app.domain.questions.steps import STEPS_BY_KEY
from app.web.i18n import supported_languages

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]
REQUEST_ID_KEY = "klapjob.request_id"
ROUTE_KEY = "klapjob.route"


def is_static_file(name: str) -> bool:
    # os.path.isfile, not Path.is_file: a name too long for the file system is no file,
    # not an OSError.
    assert current_app.static_folder is not None  # the site's app always has static/
    found = safe_join(current_app.static_folder, name)
    return found is not None and os.path.isfile(found)


# Route arguments that say nothing about a person and help to read the log, each with how
# to know the value is one of the site's own (anything else was typed by someone).
PUBLIC_ARGUMENTS = {
    "step_key": lambda value: value in STEPS_BY_KEY,
    "language": lambda value: value in supported_languages(),
    "concept": pictogram_exists,
    "filename": is_static_file,
    # Their routes take only the words they list: any(normal, slow), any(mp3, json).
    "speed": lambda value: True,
    "kind": lambda value: True,
}
UNLOGGED_PATHS = {"/healthz"}
ARGUMENT = re.compile(r"<(?:[^<>]*:)?(\w+)>")
TRACE_FRAMES = 6
PLAIN_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def utc_timestamp(seconds: float) -> str:
    moment = datetime.fromtimestamp(seconds, UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def escaped_sign(ch: str) -> str:
    if ch in PLAIN_ESCAPES:
        return PLAIN_ESCAPES[ch]
    # Python's own escapes: \x1b, \u202e, \U000e0001.
    return ch if ch.isprintable() else repr(ch)[1:-1]


def logfmt_value(value: object) -> str:
    text = str(value)
    if text and not any(ch in text for ch in ' "=\\') and text.isprintable():
        return text
    return '"' + "".join(escaped_sign(ch) for ch in text) + '"'


def logfmt(pairs: Iterable[tuple[str, object]]) -> str:
    return " ".join(f"{key}={logfmt_value(value)}" for key, value in pairs if value is not None)


def trace_of(exc_info: ExcInfo) -> tuple[str, str]:
    """'ValueError', and where it passed, innermost last: no message, no local values."""
    kind, _error, traceback = exc_info
    places = []
    while traceback is not None:
        code = traceback.tb_frame.f_code
        places.append(f"{code.co_filename.rsplit('/', 1)[-1]}:{traceback.tb_lineno}:{code.co_name}")
        traceback = traceback.tb_next
    return kind.__name__, " > ".join(places[-TRACE_FRAMES:])


class LogfmtFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        pairs: list[tuple[str, object]] = [
            ("time", utc_timestamp(record.created)),
            ("level", record.levelname.lower()),
            ("logger", record.name),
            ("pid", record.process),
            ("request_id", getattr(record, "request_id", None)),
            ("msg", record.getMessage()),
        ]
        if record.exc_info and record.exc_info[0] is not None:
            kind, places = trace_of(record.exc_info)
            pairs += [("error", kind), ("trace", places)]
        return logfmt(pairs)


class RequestIdFilter(logging.Filter):
    """Adds the id of the request being handled, when there is one, and names the route
    rather than the address in Flask's "Exception on /path [GET]"."""

    def filter(self, record: logging.LogRecord) -> bool:
        if has_request_context():
            if not getattr(record, "request_id", None):
                record.request_id = g.get("request_id")
            if record.msg == f"Exception on {request.path} [{request.method}]":
                record.msg = f"Exception on {route_for_log()} [{request.method}]"
        return True


def new_request_id() -> str:
    return codes.random_name(8)


def route_for_log() -> str:
    """The rule the request matched, with only the public arguments filled in."""
    rule = request.url_rule
    if rule is None:
        return "-"
    arguments = request.view_args or {}

    def fill(match: re.Match[str]) -> str:
        name = match.group(1)
        value = str(arguments.get(name, ""))
        if name in PUBLIC_ARGUMENTS and name in arguments and PUBLIC_ARGUMENTS[name](value):
            return value
        return f"<{name}>"

    return ARGUMENT.sub(fill, rule.rule)


def start_request() -> None:
    g.request_id = new_request_id()
    request.environ[REQUEST_ID_KEY] = g.request_id
    request.environ[ROUTE_KEY] = route_for_log()


def add_request_id(response: Response) -> Response:
    if "request_id" in g:
        response.headers["X-Request-Id"] = g.request_id
    return response


class StderrHandler(logging.StreamHandler):
    """Writes to whatever sys.stderr is when the line is written, not when the handler was
    made (a test runner or a CLI runner may have swapped it since)."""

    _klapjob: bool  # set on the one handler this module adds

    @property
    def stream(self) -> TextIO:
        return sys.stderr

    @stream.setter
    def stream(self, _value: TextIO) -> None:
        pass


def handler_for_stderr() -> StderrHandler:
    handler = StderrHandler()
    handler.setFormatter(LogfmtFormatter())
    handler.addFilter(RequestIdFilter())
    handler._klapjob = True
    return handler


def configure_logging() -> None:
    """One handler on the root logger, so Flask's, ours and gunicorn's lines look alike.
    Levels stay as Python sets them (warnings and errors); gunicorn's access log is its own."""
    root = logging.getLogger()
    if not any(getattr(h, "_klapjob", False) for h in root.handlers):
        root.addHandler(handler_for_stderr())


def init_app(app: Flask) -> None:
    configure_logging()
    app.before_request(start_request)
    app.after_request(add_request_id)


# gunicorn's own lines that quote a request (workers/base.py, handle_error).
UNREADABLE_REQUEST = re.compile(r"Invalid request from ip=.*?: ([^:'\"]*)", re.DOTALL)
FAILED_REQUEST = "Error handling request"


class WithoutTheRequest(logging.Filter):
    """gunicorn's "Invalid request from ip=...: Invalid HTTP request line: 'GET /Mette'"
    keeps only the kind of problem; "Error handling request GET /path" only its words."""

    def filter(self, record: logging.LogRecord) -> bool:
        text = record.getMessage()
        unreadable = UNREADABLE_REQUEST.match(text)
        if unreadable:
            record.msg, record.args = f"Invalid request: {unreadable.group(1).strip()}", None
        elif text.startswith(FAILED_REQUEST):
            record.msg, record.args = FAILED_REQUEST, None
        return True


class GunicornLogger(_GunicornBaseLogger):
    """gunicorn's logger with our line format; set by gunicorn.conf.py."""

    def setup(self, cfg: Any) -> None:
        super().setup(cfg)
        for handler in self.error_log.handlers:
            handler.setFormatter(LogfmtFormatter())
            handler.addFilter(WithoutTheRequest())
        for handler in self.access_log.handlers:
            handler.setFormatter(logging.Formatter("%(message)s"))

    def access(self, resp: Any, req: Any, environ: dict[str, Any], request_time: timedelta) -> None:
        if not self.access_log_enabled or environ.get("PATH_INFO") in UNLOGGED_PATHS:
            return
        duration = request_time.total_seconds() * 1000
        self.access_log.info(
            logfmt(
                [
                    ("time", utc_timestamp(clock.seconds())),
                    ("level", "info"),
                    ("logger", "access"),
                    ("request_id", environ.get(REQUEST_ID_KEY, "-")),
                    ("method", environ.get("REQUEST_METHOD", "-")),
                    ("route", environ.get(ROUTE_KEY, "-")),
                    ("status", getattr(resp, "status_code", None) or str(resp.status).split()[0]),
                    ("bytes", getattr(resp, "sent", None)),
                    ("ms", f"{duration:.1f}"),
                ]
            )
        )
