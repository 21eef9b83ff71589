"""The second step of signing in: a code from an authenticator app (TOTP). The first
time, the app is set up from a QR code (or the secret typed in by hand)."""

from typing import Any

from flask import redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import lazy_gettext as _l

from app.core.db import write_transaction
from app.staff.accounts.forms import CodeForm
from app.staff.accounts.views._sign_in import wait_message
from app.staff.core import audit
from app.staff.core.blueprint import blueprint
from app.staff.core.permissions import enter, leave, new_session, pending_user, requires
from app.staff.core.sign_in_guard import (
    LOCK_MINUTES,
    guard_for,
    record_failure,
    remember_device,
    seconds_to_wait,
)
from app.staff.core.users import (
    SignInAttempt,
    User,
    check_code,
    confirm_two_factor,
    provisioning_uri,
    qr_code_data_uri,
    spaced_secret,
)
from app.web.database import get_db


def check_and_enter(user: User, form: Any) -> tuple[ResponseReturnValue | None, str | None]:
    """Right code: signed in. Wrong code: counted like a wrong password (then a message),
    or back to the start when that locked the account."""
    db, guard = get_db(), guard_for(user.email)
    wait, locked = seconds_to_wait(db, guard)
    if wait:
        return None, wait_message(SignInAttempt(user, "locked" if locked else "wait", wait))
    if check_code(db, user, form.code.data):
        with write_transaction(db):
            confirm_two_factor(db, user)
            audit.record(db, user, "signed_in")
        target = enter(new_session(user))
        if user.must_change_password:
            target = url_for(".change_password")
        return remember_device(redirect(target), user.email), None
    with write_transaction(db):
        locked = record_failure(db, guard)
        audit.record(db, user, "locked" if locked else "sign_in_failed")
    if locked:
        leave()
        attempt = SignInAttempt(user, "locked", LOCK_MINUTES * 60)
        return render_template("staff/locked.html", message=wait_message(attempt)), None
    return None, _l("The code is wrong or used. Enter the newest code from the app")


def code_page(template: str, **context: Any) -> ResponseReturnValue:
    user = pending_user()
    assert user is not None  # the pages of the code are @requires("pending")
    form = CodeForm()
    problem = None
    if form.validate_on_submit():
        response, problem = check_and_enter(user, form)
        if response is not None:
            return response
        form.code.errors = [problem]
    return render_template(template, form=form, user=user, **context)


@blueprint.route("/two-factor", methods=["GET", "POST"])
@requires("pending")
def two_factor() -> ResponseReturnValue:
    user = pending_user()
    assert user is not None  # @requires("pending")
    if not user.totp_confirmed:
        return redirect(url_for(".set_up_two_factor"))
    return code_page("staff/two_factor.html")


@blueprint.route("/two-factor/set-up", methods=["GET", "POST"])
@requires("pending")
def set_up_two_factor() -> ResponseReturnValue:
    user = pending_user()
    assert user is not None  # @requires("pending")
    if user.totp_confirmed:
        return redirect(url_for(".two_factor"))
    return code_page(
        "staff/set_up_two_factor.html",
        qr_code=qr_code_data_uri(user),
        secret=spaced_secret(user),
        otpauth=provisioning_uri(user),
    )
