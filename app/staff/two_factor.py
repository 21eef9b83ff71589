"""The second step of signing in: a code from an authenticator app (TOTP). The first
time, the app is set up from a QR code (or the secret typed in by hand)."""

from flask import redirect, render_template, url_for
from flask_babel import lazy_gettext as _l

from ..db import get_db
from ..users import check_code, qr_code_data_uri, record_failure, record_success, spaced_secret
from ..users import SignInAttempt, provisioning_uri, seconds_to_wait, user_by_id, utc_now
from . import audit, blueprint
from .access import enter, leave, pending_user, requires
from .forms import CodeForm
from .sessions import start_session
from .sign_in import wait_message


def check_and_enter(user, form):
    """Right code: signed in. Wrong code: counted like a wrong password (then a message),
    or back to the start when that locked the account."""
    db = get_db()
    wait = seconds_to_wait(user, utc_now())
    if wait:
        return None, wait_message(SignInAttempt(user, "wait", wait))
    if check_code(db, user, form.code.data):
        record_success(db, user)
        audit.record_now(db, user, "signed_in")
        return redirect(enter(start_session(db, user))), None
    attempt = record_failure(db, user_by_id(db, user.id), utc_now())
    audit.record_now(db, user, "locked" if attempt.problem == "locked" else "sign_in_failed")
    if attempt.problem == "locked":
        leave()
        return render_template("staff/locked.html", message=wait_message(attempt)), None
    return None, _l("The code is wrong or used. Enter the newest code from the app")


def code_page(template, **context):
    user = pending_user()
    form = CodeForm()
    problem = None
    if form.validate_on_submit():
        response, problem = check_and_enter(user, form)
        if response is not None:
            return response
        form.code.errors = [problem]
    errors = [(form.code.id, form.code.errors[0])] if form.code.errors else []
    return render_template(template, form=form, errors=errors, user=user, **context)


@blueprint.route("/two-factor", methods=["GET", "POST"])
@requires("pending")
def two_factor():
    if not pending_user().totp_confirmed:
        return redirect(url_for(".set_up_two_factor"))
    return code_page("staff/two_factor.html")


@blueprint.route("/two-factor/set-up", methods=["GET", "POST"])
@requires("pending")
def set_up_two_factor():
    user = pending_user()
    if user.totp_confirmed:
        return redirect(url_for(".two_factor"))
    return code_page(
        "staff/set_up_two_factor.html",
        qr_code=qr_code_data_uri(user),
        secret=spaced_secret(user),
        otpauth=provisioning_uri(user),
    )
