"""GET /healthz: what a monitor asks before it wakes somebody."""

import pytest

from app import create_app
from staff import register


def test_the_health_check_says_ok_when_the_database_answers_and_the_disk_has_room(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_data(as_text=True) == "ok\n"
    assert response.headers["Cache-Control"] == "no-store"


def test_the_health_check_fails_when_the_disk_is_below_the_floor(app, client):
    app.config["HEALTH_MIN_FREE_MB"] = 1024**4  # a petabyte: no disk here has that free
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.get_data(as_text=True) == "not ok: disk\n"


@pytest.mark.parametrize("damage", ["missing", "not_a_database"])
def test_the_health_check_fails_when_the_database_does_not_answer(tmp_path, damage):
    app = create_app(
        {
            "TESTING": True,
            "DATABASE": str(tmp_path / "klapjob.sqlite3"),
            "AUDIO_DIR": str(tmp_path / "audio"),
        }
    )
    database = tmp_path / "klapjob.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        (tmp_path / f"klapjob.sqlite3{suffix}").unlink(missing_ok=True)
    if damage == "not_a_database":
        database.write_bytes(b"this is not SQLite " * 300)
    response = app.test_client().get("/healthz")
    assert response.status_code == 503
    assert response.get_data(as_text=True) == "not ok: database\n"
    if damage == "missing":
        assert not database.exists(), "the check must not create an empty database"


def test_the_health_check_shows_nothing_about_anybody(app, client):
    register(app, name="Mette Hansen")
    body = client.get("/healthz").get_data(as_text=True)
    assert body == "ok\n"
