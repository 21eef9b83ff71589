"""What a consultant typed on a case and sent after the back office signed them out for
being idle: kept in the database for them alone, put back in its fields when they open the
case after signing in again (not saved until they press again), then forgotten."""

import json

from werkzeug.datastructures import MultiDict

from app.core import clock
from app.core.db import write_transaction
from app.staff.core.sessions import LONGEST_SESSION

NOT_TYPED = ("csrf_token",)


def keep(db, user_id, public_id, form):
    """Keep `form` (a request's form) for `user_id` on the case `public_id`; whether kept."""
    found = next(
        db.query("SELECT id FROM registrations WHERE public_id = ?", [public_id or ""]), None
    )
    fields = [(name, value) for name, value in form.items(multi=True) if name not in NOT_TYPED]
    if found is None or not fields:
        return False
    with write_transaction(db):
        db.execute(
            "INSERT INTO typed_work (user_id, registration_id, fields, kept_at)"
            " VALUES (?, ?, ?, ?) ON CONFLICT (user_id, registration_id)"
            " DO UPDATE SET fields = excluded.fields, kept_at = excluded.kept_at",
            [user_id, found["id"], json.dumps(fields), clock.iso(clock.now())],
        )
    return True


def forget_old(db, now=None):
    """Forget what was kept longer ago than the longest session: nobody came back for it
    (on opening a case, and every night by `flask data purge`)."""
    oldest = clock.iso((now or clock.now()) - LONGEST_SESSION)
    db.execute("DELETE FROM typed_work WHERE kept_at < ?", [oldest])


def take(db, user, registration_id):
    """What `user` typed on this case before signing in again (then forgotten), or None."""
    with write_transaction(db):
        forget_old(db)
        found = next(
            db.query(
                "SELECT id, fields FROM typed_work WHERE user_id = ? AND registration_id = ?",
                [user.id, registration_id],
            ),
            None,
        )
        if found is not None:
            db.execute("DELETE FROM typed_work WHERE id = ?", [found["id"]])
    return MultiDict(json.loads(found["fields"])) if found else None
