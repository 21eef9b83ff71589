"""The small rules under everything, each with the answer a person would work out by hand:
Danish working days and months (app.core.clock), codes and their hashes (app.core.codes),
and who may see which registration (app.staff.core.access). scripts/mutation changes
these modules one small step at a time and counts the changes these tests notice."""

import hashlib
import hmac
from datetime import UTC, date, datetime
from types import SimpleNamespace

import pytest
import time_machine
from itsdangerous import BadSignature, SignatureExpired, URLSafeSerializer

from app.core import clock, codes
from app.core.db import connect
from app.core.migrations import migrations
from app.staff.core.access import visibility, visible_registration
from app.staff.core.health import HealthOf, shows_at_once

# ---- Danish days (2026: Christmas Day is a Friday, 1 January 2027 a Friday) ----


@pytest.mark.parametrize(
    "day, working",
    [
        (date(2026, 12, 7), True),  # a Monday
        (date(2026, 12, 11), True),  # a Friday
        (date(2026, 12, 12), False),  # a Saturday
        (date(2026, 12, 13), False),  # a Sunday
        (date(2026, 12, 25), False),  # Christmas Day, a Friday
        (date(2027, 1, 1), False),  # New Year's Day, a Friday
    ],
)
def test_a_working_day_is_a_weekday_that_is_no_public_holiday(day, working):
    assert clock.is_working_day(day) is working


@pytest.mark.parametrize(
    "start, days, expected",
    [
        (date(2026, 12, 7), 0, date(2026, 12, 7)),
        (date(2026, 12, 7), 1, date(2026, 12, 8)),
        (date(2026, 12, 11), 1, date(2026, 12, 14)),  # Friday -> Monday
        (date(2026, 12, 12), 1, date(2026, 12, 14)),  # Saturday -> Monday
        (date(2026, 11, 27), 5, date(2026, 12, 4)),
        # Christmas Eve is no public holiday; Christmas Day (a Friday) and the weekend are.
        (date(2026, 12, 23), 2, date(2026, 12, 28)),
    ],
)
def test_working_days_are_counted_from_the_day_after(start, days, expected):
    assert clock.add_working_days(start, days) == expected


@pytest.mark.parametrize(
    "day, months, expected",
    [
        (date(2026, 1, 15), 1, date(2026, 2, 15)),
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2028, 1, 31), 1, date(2028, 2, 29)),
        (date(2026, 3, 31), 1, date(2026, 4, 30)),
        (date(2026, 12, 15), 1, date(2027, 1, 15)),
        (date(2026, 1, 15), -1, date(2025, 12, 15)),
        (date(2026, 6, 30), 18, date(2027, 12, 30)),
        (date(2026, 6, 1), -12, date(2025, 6, 1)),
    ],
)
def test_months_are_added_as_a_calendar_does(day, months, expected):
    assert clock.add_months(day, months) == expected


def test_no_month_past_the_calendar():
    with pytest.raises(OverflowError, match="no year 10000"):
        clock.add_months(date(9999, 12, 1), 1)
    assert clock.add_months(date(9999, 11, 1), 1) == date(9999, 12, 1)
    assert clock.add_months(date(1, 2, 1), -1) == date(1, 1, 1)


@pytest.mark.parametrize(
    "stamp, day",
    [
        ("2026-11-30T22:59:59+00:00", date(2026, 11, 30)),
        ("2026-11-30T23:00:00+00:00", date(2026, 12, 1)),  # midnight in winter: UTC+1
        ("2026-06-30T22:00:00+00:00", date(2026, 7, 1)),  # midnight in summer: UTC+2
    ],
)
def test_a_stored_stamp_falls_on_its_danish_day(stamp, day):
    assert clock.day_in_denmark(stamp) == day


def test_the_clock_tells_the_moment_to_the_second_in_utc():
    with time_machine.travel(datetime(2026, 11, 30, 23, 30, 15, 500, tzinfo=UTC), tick=False):
        assert clock.now_iso() == "2026-11-30T23:30:15+00:00"
        assert clock.local_now().isoformat(timespec="seconds") == "2026-12-01T00:30:15+01:00"
        assert clock.seconds() == datetime(2026, 11, 30, 23, 30, 15, 500, tzinfo=UTC).timestamp()
        assert clock.today() == date(2026, 12, 1)


# ---- Codes ----


def test_a_code_has_the_length_asked_for_in_the_easy_alphabet():
    for length in (1, 6, 8):
        code = codes.random_code(length)
        assert len(code) == length and set(code) <= set(codes.REFERENCE_ALPHABET)
    assert len(codes.make_reference()) == 6


def test_a_code_is_spaced_in_halves_or_in_groups():
    assert codes.spaced("K7M4PX") == "K7M 4PX"
    assert codes.spaced("K7M4PXAC", 4) == "K7M4 PXAC"
    assert codes.spaced("K7M4PXA", 2) == "K7 M4 PX A"


def test_tokens_and_ids_are_as_long_as_their_randomness():
    assert len(codes.new_token()) == 43  # 32 bytes
    assert len(codes.new_token(9)) == 12
    assert len(codes.new_public_id()) == 12  # 9 bytes
    assert len(codes.new_public_id(12)) == 16
    assert len(codes.random_name()) == 8 and int(codes.random_name(), 16) >= 0
    assert len(codes.random_name(8)) == 16
    assert len({codes.new_public_id() for _ in range(100)}) == 100


def test_the_database_keeps_a_hash_a_copy_cannot_turn_back():
    assert codes.token_hash("abc") == hashlib.sha256(b"abc").hexdigest()
    expected = hmac.new(b"secret", b"text", hashlib.sha256)
    assert codes.keyed_digest("secret", "text") == expected.digest()
    assert codes.keyed_hash("secret", "text") == expected.hexdigest()
    assert codes.keyed_hash("other", "text") != codes.keyed_hash("secret", "text")


def test_a_signed_value_opens_only_with_its_own_salt():
    signed = codes.signer("secret", "cookie").dumps({"a": 1})
    assert codes.signer("secret", "cookie").loads(signed) == {"a": 1}
    assert isinstance(codes.signer("secret", "cookie"), URLSafeSerializer)
    with pytest.raises(BadSignature):
        codes.signer("secret", "page").loads(signed)
    with pytest.raises(BadSignature):
        codes.signer("another secret", "cookie").loads(signed)


def test_a_timed_signed_value_carries_its_age():
    with time_machine.travel(datetime(2026, 11, 1, tzinfo=UTC), tick=False):
        signed = codes.signer("secret", "device", timed=True).dumps("k")
    with time_machine.travel(datetime(2026, 11, 2, tzinfo=UTC), tick=False):
        timed = codes.signer("secret", "device", timed=True)
        assert timed.loads(signed, max_age=2 * 24 * 3600) == "k"
        with pytest.raises(SignatureExpired):
            timed.loads(signed, max_age=3600)


# ---- Who may see which registration ----


def person(name, municipality, consultant_id):
    return {
        "reference": name[:6].upper(),
        "public_id": name.split()[0].lower(),
        "submitted_at": "2026-11-01T09:00:00+00:00",
        "language": "da",
        "name": name,
        "filled_by": "self",
        "contact_method": "phone",
        "municipality_code": municipality,
        "consultant_id": consultant_id,
    }


@pytest.fixture
def office():
    """Karl (2) covers Aarhus (751), Lise (3) covers Copenhagen (101); Anna (1) is admin."""
    db = connect(":memory:")
    migrations.apply(db)
    for user_id, name in ((1, "Anna"), (2, "Karl"), (3, "Lise")):
        db.execute(
            "INSERT INTO users (id, public_id, email, name, role, password_hash, totp_secret,"
            " created_at) VALUES (?, ?, ?, ?, 'consultant', '', '', '')",
            [user_id, f"u{user_id}", f"{name}@klapjob.dk", name],
        )
    db.execute("INSERT INTO municipality_agreements VALUES ('751', 1, 2), ('101', 1, 3)")
    for row in (
        person("Mette given to Karl", "101", 2),
        person("Ali nobody's in Aarhus", "751", None),
        person("Ole nobody's in Copenhagen", "101", None),
        person("Sara given to Lise", "751", 3),
        person("Bo nobody's in Odense", "461", None),
        person("Ida given to Lise in Aalborg", "851", 3),
    ):
        db.table("registrations").insert(row)
    return db


def seen_by(db, user):
    condition, parameters = visibility(user)
    rows = db.query(f"SELECT name FROM registrations r WHERE {condition} ORDER BY id", parameters)
    return [row["name"] for row in rows]


def test_a_consultant_sees_their_own_their_municipalitys_and_the_queue_nobody_covers(office):
    karl = SimpleNamespace(id=2, is_admin=False)
    assert seen_by(office, karl) == [
        "Mette given to Karl",
        "Ali nobody's in Aarhus",
        "Sara given to Lise",  # in Aarhus: handed on, still in sight of the one who covers it
        "Bo nobody's in Odense",  # nobody covers Odense: the queue
    ]
    lise = SimpleNamespace(id=3, is_admin=False)
    assert seen_by(office, lise) == [
        "Mette given to Karl",
        "Ole nobody's in Copenhagen",
        "Sara given to Lise",
        "Bo nobody's in Odense",
        "Ida given to Lise in Aalborg",
    ]


def test_a_team_reads_each_others_cases(office):
    karl = SimpleNamespace(id=2, is_admin=False)
    assert "Ida given to Lise in Aalborg" not in seen_by(office, karl)
    office.execute("INSERT INTO teams (id, name) VALUES (1, 'Midt')")
    office.execute("UPDATE users SET team_id = 1 WHERE id IN (2, 3)")
    assert "Ida given to Lise in Aalborg" in seen_by(office, karl)


def test_an_admin_sees_every_registration(office):
    anna = SimpleNamespace(id=1, is_admin=True)
    assert len(seen_by(office, anna)) == 6


def test_health_shows_at_once_only_to_the_consultant_it_is_given_to():
    karl, lise = SimpleNamespace(id=2), SimpleNamespace(id=3)
    assert shows_at_once(karl, HealthOf("ABC", given_to=2)) is True
    assert shows_at_once(lise, HealthOf("ABC", given_to=2)) is False
    assert shows_at_once(karl, HealthOf("ABC", given_to=None)) is False


def test_a_registration_out_of_sight_is_not_found_at_all(office):
    karl = SimpleNamespace(id=2, is_admin=False)
    assert visible_registration(office, karl, "mette").name == "Mette given to Karl"
    assert visible_registration(office, karl, "ida") is None
    assert visible_registration(office, karl, "nobody") is None
