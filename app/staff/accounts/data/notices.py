"""Mail to a staff member when their way of signing in changes (OWASP ASVS 5, V6.3.7): a
new password, an admin's reset of it, or of the authenticator app. The mail never holds a
password; if the change was not theirs, the person knows at once and tells an admin."""

from flask import current_app, render_template
from flask_babel import force_locale
from flask_babel import lazy_gettext as _l

from app.core.mail import send_mail
from app.staff.core.users import User
from app.web.links import public_url

NOTICES = {
    "password_changed": (
        _l("Your password has been changed"),
        _l(
            "Your password for KLAPjob's back office has been changed. You have been signed "
            "out in every other browser."
        ),
    ),
    "password_reset": (
        _l("Your password has been reset"),
        _l(
            "An admin has reset your password and your authenticator app for KLAPjob's back "
            "office. The admin gives you a password for one sign-in. Then you choose your own "
            "password and set up the app again."
        ),
    ),
    "two_factor_reset": (
        _l("Your authenticator app has been reset"),
        _l(
            "An admin has reset your authenticator app for KLAPjob's back office. You set up "
            "the app again at the next sign-in."
        ),
    ),
}


def tell(user: User, notice: str) -> bool:
    """Mail `user` about the change `notice`, in the back office's language. Returns False
    when it could not be sent (the change stands: the caller says so)."""
    subject, what = NOTICES[notice]
    with force_locale(current_app.config["BABEL_DEFAULT_LOCALE"]):
        subject, what = str(subject), str(what)
        body = render_template(
            "email/staff_account.txt",
            name=user.name,
            what=what,
            link=public_url("staff.sign_in"),
        )
    return send_mail(user.email, subject, body)
