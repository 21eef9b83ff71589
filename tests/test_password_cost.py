"""The one test of the real cost of a staff password: every other test hashes at a cheap
cost (tests/conftest.py), as hundreds of sign-ins at the real cost took minutes."""

import pytest
from argon2 import PasswordHasher

from app.staff.core import users
from app.staff.core.sign_in_guard import guard_for
from staff import PASSWORD

CHEAP = users.hasher


@pytest.fixture
def real_cost():
    users.use_hasher(users.REAL_HASHER)
    yield
    users.use_hasher(CHEAP)


def signed_in(app, db, email, password):
    with app.test_request_context():
        return users.check_password(db, email, password, guard_for(email))


def test_the_site_hashes_staff_passwords_with_argon2id_at_owasps_cost(app, db, real_cost):
    users.create_user(db, "karl@klapjob.dk", "Karl", "consultant", PASSWORD)
    stored = next(db.query("SELECT password_hash FROM users"))["password_hash"]
    assert stored.startswith("$argon2id$v=19$m=65536,t=3,p=4$")
    attempt = signed_in(app, db, "karl@klapjob.dk", PASSWORD)
    assert attempt.problem is None and attempt.user.email == "karl@klapjob.dk"


def test_a_password_hashed_at_a_lower_cost_is_hashed_again_at_sign_in(app, db, real_cost):
    users.create_user(db, "karl@klapjob.dk", "Karl", "consultant", PASSWORD)
    cheap = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1).hash(PASSWORD)
    db.execute("UPDATE users SET password_hash = ?", [cheap])
    db.conn.commit()
    assert signed_in(app, db, "karl@klapjob.dk", PASSWORD).problem is None
    stored = next(db.query("SELECT password_hash FROM users"))["password_hash"]
    assert stored.startswith("$argon2id$v=19$m=65536,t=3,p=4$")
