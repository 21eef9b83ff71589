"""`GET /healthz` for a monitor or a load balancer: 200 when the site can take a
registration, 503 when it cannot. It says which check failed and nothing else: no
figures, no personal data. gunicorn's access log leaves it out (see logging_setup)."""

import shutil
import sqlite3
from pathlib import Path

from flask import Blueprint, current_app
from flask.typing import ResponseReturnValue

from app.web.listenable import not_listenable

blueprint = Blueprint("health", __name__)


def database_answers(path: str | Path) -> bool:
    # mode=rw: a missing file is a failure, not a new empty database.
    try:
        conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=rw", uri=True, timeout=2)
    except sqlite3.Error:
        return False
    try:
        conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()
        return True
    except sqlite3.Error:
        return False
    finally:
        conn.close()


def disk_has_room(path: str | Path, floor_bytes: int) -> bool:
    return shutil.disk_usage(Path(path).resolve().parent).free >= floor_bytes


def problems() -> list[str]:
    config = current_app.config
    database = config["DATABASE"]
    found = []
    if not database_answers(database):
        found.append("database")
    if not disk_has_room(database, config["HEALTH_MIN_FREE_MB"] * 1024 * 1024):
        found.append("disk")
    return found


@blueprint.get("/healthz")
@not_listenable
def healthz() -> ResponseReturnValue:
    found = problems()
    headers = {"Content-Type": "text/plain; charset=utf-8"}
    if found:
        return "not ok: " + " ".join(found) + "\n", 503, headers
    return "ok\n", 200, headers
