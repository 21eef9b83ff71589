"""gunicorn's settings for KLAPjob, used by scripts/serve, the benches and the systemd
unit in docs/operations.md: `gunicorn --config gunicorn.conf.py wsgi:app`."""

import os

from app.config import database_path
from app.core.db import prepare_database
from app.core.serving import hold_serving_lock

bind = os.environ.get("KLAPJOB_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("KLAPJOB_WORKERS", "2"))
# Access and error lines on standard output and error, one logfmt line an event, UTC, with
# the request id, and no query string or personal path (app/logging_setup.py).
accesslog = "-"
errorlog = "-"
logger_class = "app.web.logging_setup.GunicornLogger"
# gunicorn 25+ opens a control socket at one path per user; several sites on one machine
# (the tests, a bench, the real one) would fight over it, and nothing of ours uses it.
control_socket_disable = True


def on_starting(server):
    # The master holds the "site is running" lock as long as it lives, between worker
    # restarts too; `flask data restore` refuses while it is held (app/serving.py).
    hold_serving_lock(database_path())
    # Migrate once, before the workers start: two workers migrating a new database at the
    # same moment collide ("table drafts already exists") and gunicorn gives up.
    prepare_database(database_path())
