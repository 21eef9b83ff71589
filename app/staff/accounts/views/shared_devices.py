"""On a tablet passed between people, a signed-in staff member makes this device shared
(or personal again). The mark stays on the device after they sign out."""

from flask import flash, make_response, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import lazy_gettext as _l

from app.staff.core import audit
from app.staff.core.blueprint import blueprint
from app.staff.core.forms import ActionForm
from app.staff.core.permissions import current_user, requires
from app.web.database import get_db
from app.web.device import is_shared_device, mark_as_shared, unmark_shared


@blueprint.route("/device", methods=["GET", "POST"])
@requires("staff")
def shared_device() -> ResponseReturnValue:
    form = ActionForm()
    if form.validate_on_submit():
        response = make_response(redirect(url_for(".shared_device")))
        if is_shared_device():
            unmark_shared(response)
            audit.record_now(get_db(), current_user(), "device_unshared")
            flash(_l("This device is personal again."))
        else:
            mark_as_shared(response, current_user().id)
            audit.record_now(get_db(), current_user(), "device_shared")
            flash(_l("This device is now shared. Sign out before you hand it over."))
        return response
    return render_template("staff/device.html", form=form, shared=is_shared_device())
