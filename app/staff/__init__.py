"""The back office, where KLAPjob's consultants receive, follow and close registrations.

One view module per task, as GOV.UK Notify's admin does: sign_in, two_factor, inbox,
registration, follow_ups, municipalities, statistics, export, users, audit_log. The
data functions beside them (casework, coverage, personal_data, figures...) know nothing
of requests. The views are imported in init_app, so that registrations.py can use
`intake` without pulling in the whole back office.
"""

import os

from flask import Blueprint

blueprint = Blueprint("staff", __name__, url_prefix="/staff")


def init_app(app):
    app.config.setdefault(
        "STAFF_IDLE_MINUTES", int(os.environ.get("KLAPJOB_STAFF_IDLE_MINUTES", "30"))
    )
    app.config.setdefault(
        "PURGE_CLOSED_DAYS", int(os.environ.get("KLAPJOB_PURGE_CLOSED_DAYS", "365"))
    )
    app.config.setdefault("PURGE_DRAFT_DAYS", int(os.environ.get("KLAPJOB_PURGE_DRAFT_DAYS", "30")))

    from . import (  # noqa: F401 - each module adds its routes to the blueprint
        access,
        ambassadors,
        audit_log,
        drafts,
        export,
        follow_ups,
        inbox,
        meetings,
        municipalities,
        person,
        registration,
        shared_devices,
        sign_in,
        statistics,
        two_factor,
        users,
    )
    from .cli import data_command, users_command
    from .display import init_filters

    app.register_blueprint(blueprint)
    app.cli.add_command(users_command)
    app.cli.add_command(data_command)
    init_filters(app)
