"""Signing in with an email address and a password; then a one-time code (two_factor)."""

from flask import flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import lazy_gettext as _l

from app.staff.accounts.forms import SignInForm
from app.staff.accounts.views._sign_in import wait_message
from app.staff.core import audit
from app.staff.core.blueprint import blueprint
from app.staff.core.permissions import begin_pending, current_user, leave, remember_next, requires
from app.staff.core.sign_in_guard import guard_for
from app.staff.core.users import check_password
from app.web.database import get_db
from app.web.question_page import form_errors


@blueprint.route("/sign-in", methods=["GET", "POST"])
@requires("public")
def sign_in() -> ResponseReturnValue:
    if current_user():
        return redirect(url_for(".inbox"))
    form = SignInForm()
    if request.method == "GET" and request.args.get("next"):
        remember_next(request.args["next"])
    problem = None
    if form.validate_on_submit():
        db = get_db()
        attempt = check_password(
            db, form.email.data, form.password.data, guard_for(form.email.data)
        )
        if attempt.problem is None:
            assert attempt.user is not None  # a right password is someone's
            begin_pending(attempt.user)
            if not attempt.user.totp_confirmed:
                return redirect(url_for(".set_up_two_factor"))
            return redirect(url_for(".two_factor"))
        if attempt.problem in ("wrong", "locked"):
            # Logged for an unknown address too (without it): the same work either way.
            action = "locked" if attempt.problem == "locked" else "sign_in_failed"
            audit.record_now(db, attempt.user, action)
        if attempt.problem == "wrong":
            problem = _l("The email address or the password is wrong")
        else:
            problem = wait_message(attempt)
    errors = form_errors(form)
    if problem:
        errors.append(("email", problem))
    return render_template("staff/sign_in.html", form=form, errors=errors), 200


@blueprint.post("/sign-out")
@requires("staff")
def sign_out() -> ResponseReturnValue:
    audit.record_now(get_db(), current_user(), "signed_out")
    leave()
    flash(_l("You are signed out."))
    return redirect(url_for(".sign_in"))
