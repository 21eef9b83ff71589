"""A staff member's own account: choosing a new password (with the current one), and seeing
where they are signed in and signing out there (after typing the password again).

A wrong password here counts like a failed sign-in (sign_in_guard.py): a session left open
on somebody's desk is no place to guess in. Each right one gives this browser a new session.
"""

from typing import Any

from flask import flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import lazy_gettext as _l

from app.core.db import write_transaction
from app.staff.accounts.data.notices import tell
from app.staff.accounts.forms import ChangePasswordForm, EndSessionsForm
from app.staff.accounts.views._sign_in import wait_message
from app.staff.core import audit
from app.staff.core.blueprint import blueprint
from app.staff.core.permissions import (
    current_session_token,
    current_user,
    leave,
    renew_session,
    requires,
)
from app.staff.core.sessions import end_sessions, sessions_of
from app.staff.core.sign_in_guard import guard_for
from app.staff.core.users import check_password, set_password
from app.web.database import get_db


def recheck_password(field: Any) -> tuple[bool, str | None]:
    """(right, response): whether the password in `field` is the person's own. If not, its
    message goes next to the field; if that locked the account, this browser is signed
    out and `response` is the page that says so."""
    db, user = get_db(), current_user()
    attempt = check_password(db, user.email, field.data, guard_for(user.email))
    if attempt.problem is None:
        return True, None
    if attempt.problem in ("wrong", "locked"):
        audit.record_now(db, user, "locked" if attempt.problem == "locked" else "sign_in_failed")
    if attempt.problem == "locked":
        leave()
        return False, render_template("staff/locked.html", message=wait_message(attempt))
    wrong = _l("The password is wrong")
    field.errors.append(wait_message(attempt) if attempt.problem == "wait" else wrong)
    return False, None


@blueprint.route("/account/password", methods=["GET", "POST"])
@requires("staff")
def change_password() -> ResponseReturnValue:
    user = current_user()
    form = ChangePasswordForm()
    form.user = user
    if form.validate_on_submit():
        right, locked = recheck_password(form.current_password)
        if locked is not None:
            return locked
        if right:
            db = get_db()
            with write_transaction(db):
                set_password(db, user, form.new_password.data)
                audit.record(db, user, "password_changed")
            renew_session(user)
            tell(user, "password_changed")
            flash(_l("Your password is changed. You are signed out everywhere else."))
            return redirect(url_for(".inbox"))
    return render_template("staff/change_password.html", form=form, user=user)


@blueprint.route("/account/sessions", methods=["GET", "POST"])
@requires("staff")
def account_sessions() -> ResponseReturnValue:
    user = current_user()
    form = EndSessionsForm()
    if form.validate_on_submit():
        right, locked = recheck_password(form.password)
        if locked is not None:
            return locked
        if right:
            db = get_db()
            with write_transaction(db):
                ended = end_sessions(db, user, form.sessions.data or [])
                audit.record(db, user, "sessions_ended", detail=str(ended))
            renew_session(user)
            flash(_l("You are signed out in the browsers you chose."))
            return redirect(url_for(".account_sessions"))
    return render_template(
        "staff/sessions.html",
        form=form,
        sessions=sessions_of(get_db(), user, current_session_token()),
    )


@blueprint.route("/still-here", methods=["POST"])
@requires("staff")
def still_here() -> ResponseReturnValue:
    """The page's "Stay signed in", or a note being typed: a request that keeps the session
    (every signed-in request does, permissions.check_access); nothing else to do."""
    return "", 204
