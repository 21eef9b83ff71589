"""What a consultant typed and sent after the back office signed them out for being idle:
on a case, on a question of a registration they take by phone, or on a page with a form of
its own (a correction, a new meeting). Kept in the database for them alone, put back in its
fields on the page it was typed on when they come back after signing in again (not saved
until they press again), then forgotten."""

import json
from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlite_utils import Database
from werkzeug.datastructures import MultiDict

from app.core import clock
from app.core.db import write_transaction
from app.staff.core.sessions import LONGEST_SESSION
from app.staff.core.users import User

NOT_TYPED = ("csrf_token",)
# What was typed on: its table, and typed_work's column that points at it. A page of no
# case or phone registration ("page") is named by its address alone.
KINDS = {"case": ("registrations", "registration_id"), "intake": ("staff_intakes", "intake_id")}
ON_A_PAGE = "page"
PUT_BACK = _l(
    "What you wrote before you were signed out stands in its field again. It is not"
    " saved: press the button again."
)


def keep(
    db: Database,
    user_id: int,
    kind: str,
    public_id: str | None,
    form: MultiDict[str, str],
    page: str,
) -> bool:
    """Keep `form` (a request's form) for `user_id` on the case or phone registration
    (`kind`) `public_id`, or on no person's page (`kind` ON_A_PAGE), to put back on `page`
    (an address); whether it was kept."""
    fields = [(name, value) for name, value in form.items(multi=True) if name not in NOT_TYPED]
    if not fields:
        return False
    if kind == ON_A_PAGE:
        keep_on_a_page(db, user_id, page, fields)
        return True
    table, column = KINDS[kind]
    found = next(db.query(f"SELECT id FROM {table} WHERE public_id = ?", [public_id or ""]), None)
    if found is None:
        return False
    with write_transaction(db):
        db.execute(
            f"INSERT INTO typed_work (user_id, {column}, page, fields, kept_at)"
            f" VALUES (?, ?, ?, ?, ?) ON CONFLICT (user_id, {column}) DO UPDATE SET"
            " page = excluded.page, fields = excluded.fields, kept_at = excluded.kept_at",
            [user_id, found["id"], page, json.dumps(fields), clock.iso(clock.now())],
        )
    return True


def keep_on_a_page(db: Database, user_id: int, page: str, fields: list[tuple[str, str]]) -> None:
    with write_transaction(db):
        db.execute(
            "DELETE FROM typed_work WHERE user_id = ? AND page = ?"
            " AND registration_id IS NULL AND intake_id IS NULL",
            [user_id, page],
        )
        db.execute(
            "INSERT INTO typed_work (user_id, page, fields, kept_at) VALUES (?, ?, ?, ?)",
            [user_id, page, json.dumps(fields), clock.iso(clock.now())],
        )


def forget_old(db: Database, now: datetime | None = None) -> None:
    """Forget what was kept longer ago than the longest session: nobody came back for it
    (whenever kept work is looked for, and every night by `flask data purge`)."""
    oldest = clock.iso((now or clock.now()) - LONGEST_SESSION)
    db.execute("DELETE FROM typed_work WHERE kept_at < ?", [oldest])


def take(
    db: Database, user: User, kind: str, row_id: int | None, page: str | None = None
) -> MultiDict[str, str] | None:
    """What `user` typed on this case or phone registration (or, `kind` ON_A_PAGE, on no
    person's `page`) before signing in again (then forgotten), or None; with `page`, only
    what was typed on that page."""
    if kind == ON_A_PAGE:
        where = "registration_id IS NULL AND intake_id IS NULL AND ? IS NULL"
    else:
        where = f"{KINDS[kind][1]} = ?"
    with write_transaction(db):
        forget_old(db)
        found = next(
            db.query(
                f"SELECT id, fields FROM typed_work WHERE user_id = ? AND {where}"
                " AND (? IS NULL OR page = ?)",
                [user.id, row_id, page, page],
            ),
            None,
        )
        if found is not None:
            db.execute("DELETE FROM typed_work WHERE id = ?", [found["id"]])
    return MultiDict(json.loads(found["fields"])) if found else None
