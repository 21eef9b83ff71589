"""Likely duplicates: the same person registered twice (on the site and by phone, or
twice on the site). Found by the same phone, the same email, or the same name with the
same age group (the journey asks an age group, not a birth year). Only such a pair can be
merged (merges.py)."""

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

from app.core.phone import normalise_phone
from app.domain.registrations.sending import answers_of
from app.staff.core.access import visibility

REASONS = {
    "phone": _l("Same phone number"),
    "email": _l("Same email"),
    "name": _l("Same name and age group"),
}


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


def duplicates_of_case(db, user, registration):
    """The registrations `user` may see that look like this registration's person."""
    answers = {
        **answers_of(db, registration.id),
        "phone": registration.phone,
        "email": registration.email,
        "name": registration.name,
    }
    return likely_duplicates(db, user, answers, except_id=registration.id)
