"""The back office, where KLAPjob's consultants receive, follow and close registrations.

One package a feature (cases, intake, meetings, data_requests, reporting, accounts), each
with its views above its forms above its data, on the staff core beneath (core/): see
docs/architecture.md. The views are imported in init_app, so that loading the package
stays cheap.
"""

from flask import Flask

from app.staff.core.blueprint import blueprint


def init_app(app: Flask) -> None:
    from app.staff.accounts import views as accounts_views  # noqa: F401 - the routes
    from app.staff.cases import views as cases_views  # noqa: F401 - the routes
    from app.staff.cases.data.profiles import init_profiles
    from app.staff.cli import users_command
    from app.staff.core import permissions  # noqa: F401 - its checks run before every view
    from app.staff.core.filters import init_filters
    from app.staff.data_requests import views as data_requests_views  # noqa: F401 - the routes
    from app.staff.intake import views as intake_views  # noqa: F401 - the routes
    from app.staff.intake.data.from_the_site import subscribe
    from app.staff.meetings import views as meetings_views  # noqa: F401 - the routes
    from app.staff.reporting import views as reporting_views  # noqa: F401 - the routes

    app.register_blueprint(blueprint)
    app.cli.add_command(users_command)
    init_filters(app)
    subscribe()
    init_profiles()
