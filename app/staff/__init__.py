"""The back office, where KLAPjob's consultants receive, follow and close registrations.

One view module per task in views/, as GOV.UK Notify's admin does. The data functions
beside them (casework/, accounts/, personal_data, figures...) know nothing of requests.
The views are imported in init_app, so that loading the package stays cheap.
"""

from app.staff.blueprint import blueprint


def init_app(app):
    from app.staff import permissions  # noqa: F401 - its checks run before every view
    from app.staff.cli import users_command
    from app.staff.filters import init_filters
    from app.staff.intake import subscribe
    from app.staff.profiles import init_profiles
    from app.staff.views import (  # noqa: F401 - each module adds its routes to the blueprint
        account,
        ambassadors,
        audit_log,
        calls,
        corrections,
        drafts,
        duplicates,
        export,
        follow_ups,
        inbox,
        meetings,
        municipalities,
        person,
        person_requests,
        placements,
        plans,
        profile,
        registration,
        reports,
        shared_devices,
        sign_in,
        statistics,
        taken_by_phone,
        two_factor,
        users,
        week,
    )
    from app.staff.voice import voice_recording  # noqa: F401 - the recordings' route

    app.register_blueprint(blueprint)
    app.cli.add_command(users_command)
    init_filters(app)
    subscribe()
    init_profiles()
