"""Likely duplicates: the same person registered twice (on the site and by phone, or
twice on the site). Found by the same phone, the same email, or the same name with the
same age group (the journey asks an age group, not a birth year). A merge keeps both
histories on the case that is kept."""

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

from app.core import clock
from app.core.db import write_transaction
from app.core.phone import normalise_phone
from app.domain.questions.steps import FIELDS_BY_NAME
from app.staff import audit
from app.staff.casework.access import visibility
from app.staff.casework.history import add_history

REASONS = {
    "phone": _l("Same phone number"),
    "email": _l("Same email"),
    "name": _l("Same name and age group"),
}
# Rows that belong to one case and move with a merge, as they are.
MOVED_TABLES = ("registration_history", "placements", "appointments", "employer_consents")
# One row a case: the kept case's own stays; the other's moves only where it has none.
ONE_A_CASE_TABLES = ("next_steps", "ambassador_matches")
NOT_SENSITIVE = tuple(name for name, spec in FIELDS_BY_NAME.items() if not spec.sensitive)


@dataclass
class Duplicate:
    public_id: str
    reference: str
    name: str
    submitted_at: str
    reasons: list

    @property
    def reason_labels(self):
        return [REASONS[reason] for reason in self.reasons]


def comparable_phone(text):
    return normalise_phone(text) if text else None


def likely_duplicates(db, user, answers, *, except_id=None):
    """The registrations `user` may see that look like the person with these answers."""
    phone = comparable_phone(answers.get("phone"))
    email = (answers.get("email") or "").strip().lower() or None
    name = (answers.get("name") or "").strip() or None
    where, params = visibility(user)
    rows = db.query(
        f"""
        SELECT r.id, r.public_id, r.reference, r.name, r.submitted_at, r.phone, r.email,
               (SELECT value FROM answers a WHERE a.registration_id = r.id
                AND a.field = 'age_group') AS age_group
        FROM registrations r
        WHERE r.id IS NOT ? AND {where}
          AND (r.phone = ? OR lower(r.email) = ? OR r.name = ? COLLATE NOCASE)
        ORDER BY r.submitted_at
        """,
        [except_id, *params, phone, email, name],
    )
    found = []
    for row in rows:
        reasons = [
            reason
            for reason, same in (
                ("phone", phone and row["phone"] == phone),
                ("email", email and (row["email"] or "").lower() == email),
                (
                    "name",
                    name
                    and row["name"].lower() == name.lower()
                    and row["age_group"] == answers.get("age_group"),
                ),
            )
            if same
        ]
        if reasons:
            found.append(
                Duplicate(
                    row["public_id"], row["reference"], row["name"], row["submitted_at"], reasons
                )
            )
    return found


def merge(db, user, kept, other, *, now=None):
    """Move everything of `other` onto `kept` and remove `other`, in one transaction with
    its audit entry: notes, calls, placements, meetings, consents to employers, profile
    versions (numbered after the kept case's), the audit log's entries, and the answers
    the kept case lacks (not health: that rests on each registration's own yes)."""
    if kept.id == other.id:
        raise ValueError("a registration cannot be merged with itself")
    now = now or clock.now()
    with write_transaction(db):
        for table in MOVED_TABLES:
            db.execute(
                f"UPDATE {table} SET registration_id = ? WHERE registration_id = ?",
                [kept.id, other.id],
            )
        for table in ONE_A_CASE_TABLES:
            db.execute(
                f"UPDATE OR IGNORE {table} SET registration_id = ? WHERE registration_id = ?",
                [kept.id, other.id],
            )
        after = next(
            db.query(
                "SELECT coalesce(max(number), 0) AS n FROM profile_versions"
                " WHERE registration_id = ?",
                [kept.id],
            )
        )["n"]
        db.execute(
            "UPDATE profile_versions SET registration_id = ?, number = number + ?"
            " WHERE registration_id = ?",
            [kept.id, after, other.id],
        )
        placeholders = ", ".join("?" for _ in NOT_SENSITIVE)
        db.execute(
            "INSERT INTO answers (registration_id, field, position, value)"
            " SELECT ?, field, position, value FROM answers WHERE registration_id = ?"
            f" AND field IN ({placeholders}) AND field NOT IN"
            " (SELECT field FROM answers WHERE registration_id = ?)",
            [kept.id, other.id, *NOT_SENSITIVE, kept.id],
        )
        db.execute(
            "UPDATE audit_log SET reference = ? WHERE reference = ?",
            [kept.reference, other.reference],
        )
        add_history(db, kept, user, "merged", now=now, note=other.reference)
        audit.record(
            db,
            user,
            "merged",
            reference=kept.reference,
            detail=f"merged: {other.reference}",
            now=now,
        )
        db.execute("DELETE FROM registrations WHERE id = ?", [other.id])
