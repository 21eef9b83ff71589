"""Admins manage staff accounts: create, change role, deactivate, unlock, reset the
one-time codes of someone who lost their phone, and reset a forgotten password (the person
then chooses their own). A reset is mailed to the person."""

from collections.abc import Callable
from typing import Any

from flask import abort, flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import lazy_gettext as _l
from sqlite_utils import Database

from app.core.db import write_transaction
from app.staff.accounts.data.notices import tell
from app.staff.accounts.data.teams import put_in_team, team_names
from app.staff.accounts.forms import EditUserForm, NewUserForm, ResetPasswordForm
from app.staff.core import audit
from app.staff.core.blueprint import blueprint
from app.staff.core.forms import ActionForm
from app.staff.core.permissions import current_user, requires
from app.staff.core.sign_in_guard import failures_of, is_locked
from app.staff.core.users import (
    User,
    all_users,
    create_user,
    reset_password,
    reset_two_factor,
    unlock,
    update_user,
    user_by_email,
    user_by_public_id,
)
from app.web.database import get_db


def user_or_404(public_id: str) -> User:
    return user_by_public_id(get_db(), public_id) or abort(404)


@blueprint.get("/users")
@requires("admin")
def users() -> ResponseReturnValue:
    db = get_db()
    people = all_users(db)
    locked = {user.public_id for user in people if is_locked(db, user.email)}
    return render_template("staff/users.html", users=people, locked=locked)


@blueprint.route("/users/new", methods=["GET", "POST"])
@requires("admin")
def new_user() -> ResponseReturnValue:
    form = NewUserForm()
    db = get_db()
    if form.validate_on_submit():
        if user_by_email(db, form.email.data):
            form.email.errors.append(_l("There is already a user with this email address"))
        else:
            with write_transaction(db):  # the account and its audit entry, or neither
                user = create_user(
                    db, form.email.data, form.name.data, form.role.data, form.password.data
                )
                audit.record(db, current_user(), "user_created", detail=user.public_id)
            flash(_l("%(name)s can now sign in and set up the authenticator app.", name=user.name))
            return redirect(url_for(".users"))
    return render_template("staff/new_user.html", form=form)


@blueprint.route("/users/<public_id>", methods=["GET", "POST"])
@requires("admin")
def edit_user(public_id: str) -> ResponseReturnValue:
    user = user_or_404(public_id)
    form = EditUserForm(obj=user)
    db = get_db()
    if form.validate_on_submit():
        if user.id == current_user().id and (form.role.data != "admin" or not form.active.data):
            form.role.errors.append(_l("You cannot take admin away from yourself"))
        else:
            with write_transaction(db):
                update_user(
                    db, user, name=form.name.data, role=form.role.data, active=form.active.data
                )
                put_in_team(db, user.id, form.team.data or "")
                audit.record(db, current_user(), "user_changed", detail=user.public_id)
            flash(_l("The user is saved."))
            return redirect(url_for(".users"))
    return user_page(user, form)


def user_page(user: User, form: Any, reset_form: Any = None) -> ResponseReturnValue:
    reset_form = reset_form or ResetPasswordForm(formdata=None)
    return render_template(
        "staff/edit_user.html",
        form=form,
        reset_form=reset_form,
        user=user,
        action_form=ActionForm(formdata=None),
        failures=failures_of(get_db(), user.email),
        team_names=team_names(get_db()),
    )


def admin_action(
    public_id: str,
    action: Callable[[Database, User], object],
    detail: str,
    message: Callable[[User], str],
    *,
    notice: str | None = None,
) -> ResponseReturnValue:
    """A button on a user's page: do it (with its security token), log it, say so, and
    mail the person when it changes how they sign in."""
    user = user_or_404(public_id)
    if ActionForm().validate_on_submit():
        db = get_db()
        with write_transaction(db):
            action(db, user)
            audit.record(db, current_user(), "user_changed", detail=f"{user.public_id} {detail}")
        flash(message(user))
        if notice and not tell(user, notice):
            flash(_l("No email could be sent to %(name)s: tell them yourself.", name=user.name))
    return redirect(url_for(".edit_user", public_id=public_id))


@blueprint.post("/users/<public_id>/unlock")
@requires("admin")
def unlock_user(public_id: str) -> ResponseReturnValue:
    return admin_action(
        public_id, unlock, "unlocked", lambda user: _l("The account is open again.")
    )


@blueprint.post("/users/<public_id>/reset-two-factor")
@requires("admin")
def reset_user_two_factor(public_id: str) -> ResponseReturnValue:
    return admin_action(
        public_id,
        reset_two_factor,
        "two-factor reset",
        lambda user: _l(
            "At the next sign-in, %(name)s sets up the authenticator app again.", name=user.name
        ),
        notice="two_factor_reset",
    )


@blueprint.post("/users/<public_id>/reset-password")
@requires("admin")
def reset_user_password(public_id: str) -> ResponseReturnValue:
    """A password for one sign-in, chosen by the admin (the same rules as any); the person
    then chooses their own and sets up the app again. Not one's own: that is changed with
    the current password."""
    user = user_or_404(public_id)
    if user.id == current_user().id:
        abort(404)
    reset_form = ResetPasswordForm()
    reset_form.user = user
    if not reset_form.validate_on_submit():
        return user_page(user, EditUserForm(obj=user, formdata=None), reset_form)
    return admin_action(
        public_id,
        lambda db, user: reset_password(db, user, reset_form.temporary_password.data),
        "password reset",
        lambda user: _l(
            "%(name)s signs in once with the password you chose, then chooses their own.",
            name=user.name,
        ),
        notice="password_reset",
    )
