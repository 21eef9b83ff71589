"""Who may open which staff page. Every view declares its access with @requires; a view
that declares none is refused (deny by default), and a test walks the URL map to prove
every route has one.

  public   the sign-in page
  pending  the one-time code pages, after a right password
  staff    any signed-in consultant or admin
  admin    admins only

A person whose password an admin chose (a new account, a reset) reaches only the page
where they choose their own, until they have.
"""

from collections.abc import Callable
from datetime import datetime, timedelta
from functools import wraps
from typing import Any, TypeVar

from flask import abort, current_app, flash, g, redirect, request, session, url_for
from flask.typing import ResponseReturnValue
from flask_babel import lazy_gettext as _l
from werkzeug.datastructures import MultiDict
from werkzeug.exceptions import HTTPException
from werkzeug.wrappers import Response

from app.core import clock
from app.staff.core import typed_work
from app.staff.core.blueprint import blueprint
from app.staff.core.sessions import (
    browser_of,
    end_session,
    owner_of,
    start_session,
    user_of_session,
)
from app.staff.core.users import User, user_by_public_id
from app.web.database import get_db
from app.web.i18n import safe_local_path

SESSION_KEY = "staff_session"
PENDING_KEY = "staff_pending"
PENDING_FOR = timedelta(minutes=10)
LEVELS = ("public", "pending", "staff", "admin")
View = TypeVar("View", bound=Callable[..., Any])
# What a person whose password an admin chose may open until they have chosen their own.
BEFORE_OWN_PASSWORD = ("staff.change_password", "staff.sign_out")


def requires(level: str) -> Callable[[View], View]:
    assert level in LEVELS, level

    def decorate(view: View) -> View:
        view.staff_access = level  # type: ignore[attr-defined]  # a function takes any attribute
        return view

    return decorate


def access_of(endpoint: str | None) -> str | None:
    if endpoint is None:
        return None
    return getattr(current_app.view_functions.get(endpoint), "staff_access", None)


@blueprint.before_request
def check_access() -> ResponseReturnValue | None:
    level = access_of(request.endpoint)
    if level is None:
        abort(403)
    db = get_db()
    token = session.get(SESSION_KEY)
    owner = owner_of(db, token) if request.method == "POST" else None
    g.staff_user = user_of_session(
        db, token, idle=timedelta(minutes=current_app.config["STAFF_IDLE_MINUTES"])
    )
    if level == "public":
        return None
    if level == "pending":
        return None if pending_user() else redirect(url_for("staff.sign_in"))
    if g.staff_user is None:
        return to_sign_in(typed_work_kept_for(owner))
    if g.staff_user.must_change_password and request.endpoint not in BEFORE_OWN_PASSWORD:
        return redirect(url_for("staff.change_password"))
    if level == "admin" and not g.staff_user.is_admin:
        abort(403)
    return None


def keeps_typed_work(view: View) -> View:
    """A page with a form of its own: what was typed on it when the back office signed the
    consultant out comes back on it after signing in (its view takes `typed_work_here`)."""
    view.keeps_typed_work = True  # type: ignore[attr-defined]  # a function takes any attribute
    return view


def typed_work_kept_for(owner: int | None) -> str | None:
    """A form sent by a session that has just ended: what was typed is kept for the one who
    typed it. The address to come back to after signing in (where it stands in its fields
    again), or None."""
    public_id = (request.view_args or {}).get("public_id")
    kind, page = where_typed(public_id)
    if owner is None or kind is None:
        return None
    if not typed_work.keep(get_db(), owner, kind, public_id, request.form, page):
        return None
    return page


def where_typed(public_id: str | None) -> tuple[str | None, str]:
    """(kind, page): what the form sent belongs to, and the page that shows it again. A
    case's page gathers the forms of its own buttons; a form page shows its own."""
    if request.endpoint == "staff.intake_page":
        return "intake", request.path
    on_a_case = bool(public_id) and request.path.startswith("/staff/registrations/")
    if getattr(current_app.view_functions.get(request.endpoint or ""), "keeps_typed_work", False):
        return ("case" if on_a_case else typed_work.ON_A_PAGE), request.path
    if on_a_case:
        return "case", url_for("staff.registration", public_id=public_id)
    return None, ""


def typed_work_here(registration_id: int | None = None) -> MultiDict[str, str] | None:
    """On a page that keeps typed work, opened again: what this user typed on it before
    being signed out (on the case `registration_id`, or on no person's page), or None."""
    if request.method != "GET":
        return None
    kind = "case" if registration_id is not None else typed_work.ON_A_PAGE
    typed = typed_work.take(get_db(), current_user(), kind, registration_id, request.path)
    if typed is not None:
        flash(typed_work.PUT_BACK)
    return typed


def to_sign_in(case_with_typed_work: str | None) -> Response:
    if session.pop(SESSION_KEY, None):
        flash(_l("You were signed out because you had not used the back office for a while."))
    if case_with_typed_work:
        flash(_l("What you wrote is kept. Sign in again, and it stands in its field."))
    back = request.full_path.rstrip("?") if request.method == "GET" else case_with_typed_work
    return redirect(url_for("staff.sign_in", next=back))


def current_user() -> User:
    return g.staff_user


def begin_pending(user: User) -> None:
    """The password was right: a fresh session that waits for the one-time code."""
    next_page = session.get("staff_next")
    session.clear()
    session[PENDING_KEY] = {"user": user.public_id, "since": clock.iso(clock.now())}
    if next_page:
        session["staff_next"] = next_page


def pending_user() -> User | None:
    pending = session.get(PENDING_KEY)
    if not pending:
        return None
    if clock.now() - datetime.fromisoformat(pending["since"]) > PENDING_FOR:
        session.pop(PENDING_KEY, None)
        return None
    user = user_by_public_id(get_db(), pending["user"])
    return user if user and user.active else None


def remember_next(target: str | None) -> None:
    session["staff_next"] = safe_staff_path(target)


def safe_staff_path(target: str | None) -> str:
    path = safe_local_path(target, fallback="")
    return path if path.startswith("/staff/") else ""


def enter(token: str) -> str:
    """Signed in: a new session again (no id from before sign-in survives), holding only
    the server-side session's token. Returns where to go."""
    next_page = session.get("staff_next") or url_for("staff.inbox")
    session.clear()
    session[SESSION_KEY] = token
    return next_page


def new_session(user: User) -> str:
    """A server-side session for `user` in this browser: its token."""
    return start_session(get_db(), user, browser=browser_of(request.headers.get("User-Agent")))


def renew_session(user: User) -> None:
    """After the person typed their password again (a new password, signing out elsewhere):
    this browser's session is replaced by a new one, with a new token."""
    token = session.get(SESSION_KEY)
    if token:
        end_session(get_db(), token)
    session.clear()
    session[SESSION_KEY] = new_session(user)


def current_session_token() -> str | None:
    return session.get(SESSION_KEY)


def leave() -> None:
    token = session.get(SESSION_KEY)
    if token:
        end_session(get_db(), token)
    session.clear()


def with_registration(
    view: Callable[..., ResponseReturnValue],
) -> Callable[..., ResponseReturnValue]:
    """Views of one registration: load it if this user may see it, else 404."""
    from app.staff.core.access import visible_registration

    @wraps(view)
    def wrapped(public_id: str, **kwargs: Any) -> ResponseReturnValue:
        registration = visible_registration(get_db(), current_user(), public_id)
        if registration is None:
            abort(404)
        return view(registration, **kwargs)

    return wrapped


@blueprint.errorhandler(403)
@blueprint.errorhandler(404)
def staff_error(error: HTTPException) -> ResponseReturnValue:
    from flask import render_template

    assert error.code is not None  # registered for 403 and 404 only

    return render_template("staff/error.html", code=error.code), error.code
