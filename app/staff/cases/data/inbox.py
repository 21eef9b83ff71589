"""The inbox's list: the registrations a user may see, filtered and searched, a page at a
time (and the same list for the CSV export). It opens on the open cases, the one to call
first at the top: the earliest promised callback day (the day it was sent in Denmark where no
day was promised), then whatever waited longest."""

from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from app.core import codes
from app.staff.cases.data.calls import OUTCOMES
from app.staff.cases.data.next_steps import KINDS as NEXT_STEP_KINDS
from app.staff.core.access import (
    INBOX_COLUMNS,
    RegistrationRow,
    in_the_queue,
    of_the_team,
    visibility,
)
from app.staff.core.duplicates import comparable, maybe_twice
from app.staff.core.paging import within
from app.staff.core.statuses import STATUSES
from app.staff.core.users import User

PAGE_SIZE = 25


OPEN = "open"
ORDERS = {
    # Who to call first: new cases by the day promised (or sent), the rest after them.
    "callback": "CASE WHEN r.status = 'new' THEN COALESCE(r.callback_promised_by,"
    " danish_day(r.submitted_at)) END IS NULL,"
    " CASE WHEN r.status = 'new' THEN COALESCE(r.callback_promised_by,"
    " danish_day(r.submitted_at)) END, r.submitted_at, r.id",
    "newest": "r.submitted_at DESC, r.id DESC",
}


CONTACTS = ", ".join(f"'{kind}'" for kind in OUTCOMES)
# Where each case is, on its row: the newest contact and how, the next step and its day,
# the age group, and whether the person may be there twice (core.duplicates' rule, which
# lists them on the case).
WHERE_THE_CASE_IS = """
    lc.at AS last_contact_at, lc.kind AS last_contact_kind,
    n.kind AS next_step_kind, n.due_on AS next_step_due,
    (SELECT a.value FROM answers a WHERE a.registration_id = r.id AND a.field = 'age_group'
     LIMIT 1) AS age_group
"""


@dataclass
class InboxRow(RegistrationRow):
    last_contact_at: str | None = None
    last_contact_kind: str | None = None
    next_step_kind: str | None = None
    next_step_due: str | None = None
    age_group: str | None = None
    may_be_twice: int = 0

    @property
    def last_contact_label(self) -> str:
        return OUTCOMES.get(self.last_contact_kind or "", "")

    @property
    def next_step_label(self) -> str:
        return NEXT_STEP_KINDS.get(self.next_step_kind or "", "")

    @property
    def under_18(self) -> bool:
        return self.age_group == "under_18"


@dataclass
class InboxFilters:
    # "" every status, "open" all but closed, or one status
    status: str = ""
    municipality: str = ""
    # "" anyone, "mine" mine and nobody's in my municipalities, "none" nobody yet, or a
    # user's public id
    consultant: str = ""
    helped: bool = False
    ambassador: bool = False
    search: str = ""
    page: int = 1
    order: str = "newest"


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


# Answers with the phone or email of a helper or another contact person.
HELPERS_CONTACTS = ("helper_contact", "other_contact_phone")


def search_condition(search: str) -> tuple[str, list[str]]:
    """Name, reference, phone or email, the person's or their helper's: `K7M 4PX`,
    `20 30 40 50` and `Mette` all find Mette, and so does her helper's email."""
    conditions = ["r.name LIKE ? ESCAPE '\\'"]
    params = [f"%{_escape_like(search.strip())}%"]
    if "@" in search:
        conditions.append("r.email LIKE ? ESCAPE '\\'")
        conditions.append(
            "r.id IN (SELECT registration_id FROM answers WHERE field = ?"
            " AND value LIKE ? ESCAPE '\\')"
        )
        params += [params[0], "helper_contact", params[0]]
    reference = "".join(ch for ch in search.upper() if ch.isalnum())
    if len(reference) == 6 and set(reference) <= set(codes.REFERENCE_ALPHABET):
        conditions.append("r.reference = ?")
        params.append(reference)
    digits = "".join(ch for ch in search if ch.isdigit())
    if len(digits) >= 4:
        conditions.append("r.phone LIKE ?")
        conditions.append(
            "r.id IN (SELECT registration_id FROM answers WHERE field IN (?, ?)"
            " AND replace(replace(value, ' ', ''), '-', '') LIKE ?)"
        )
        params += [f"%{digits}%", *HELPERS_CONTACTS, f"%{digits}%"]
    return "(" + " OR ".join(conditions) + ")", params


def filter_conditions(user: User, filters: InboxFilters) -> tuple[str, list[Any]]:
    where, params = visibility(user)
    conditions, all_params = [where], list(params)

    def add(condition: str, *values: Any) -> None:
        conditions.append(condition)
        all_params.extend(values)

    if filters.status in STATUSES:
        add("r.status = ?", filters.status)
    elif filters.status == OPEN:
        add("r.status != 'closed'")
    if filters.municipality:
        add("r.municipality_code = ?", filters.municipality)
    if filters.consultant == "mine":
        add(
            "(r.consultant_id = ? OR (r.consultant_id IS NULL AND r.municipality_code IN"
            " (SELECT code FROM municipality_agreements WHERE consultant_id = ?)))",
            user.id,
            user.id,
        )
    elif filters.consultant == "team":
        condition, values = of_the_team(user)
        add(condition, *values)
    elif filters.consultant == "queue":
        add(in_the_queue()[0])
    elif filters.consultant == "none":
        add("r.consultant_id IS NULL")
    elif filters.consultant:
        add("r.consultant_id = (SELECT id FROM users WHERE public_id = ?)", filters.consultant)
    if filters.helped:
        add("r.filled_by = 'helper'")
    if filters.ambassador:
        add("r.wants_ambassador = 'yes'")
    if filters.search.strip():
        condition, values = search_condition(filters.search)
        add(condition, *values)
    return " AND ".join(conditions), all_params


def filtered_registrations(
    db: Database, user: User, filters: InboxFilters, *, limit: int | None = None, offset: int = 0
) -> list[InboxRow]:
    where, params = filter_conditions(user, filters)
    paging = ""
    if limit is not None:
        paging = "LIMIT ? OFFSET ?"
        params = [*params, limit, offset]
    people, people_params = comparable(user)
    rows = db.query(
        f"""
        WITH {people}, {maybe_twice()}
        SELECT {INBOX_COLUMNS}, {WHERE_THE_CASE_IS},
               r.id IN (SELECT id FROM maybe_twice) AS may_be_twice
        FROM registrations r LEFT JOIN users u ON u.id = r.consultant_id
        LEFT JOIN next_steps n ON n.registration_id = r.id
        LEFT JOIN registration_history lc ON lc.id = (SELECT max(h.id)
            FROM registration_history h WHERE h.registration_id = r.id
            AND h.kind IN ({CONTACTS}))
        WHERE {where} ORDER BY {ORDERS.get(filters.order, ORDERS["newest"])} {paging}
        """,
        [*people_params, *params],
    )
    return [InboxRow(**row) for row in rows]


def inbox_page(
    db: Database, user: User, filters: InboxFilters, size: int = PAGE_SIZE
) -> tuple[list[InboxRow], int]:
    """One page of the inbox, newest first, and how many there are in all. A page past
    the last one shows the last one (`filters.page` is set to it)."""
    where, params = filter_conditions(user, filters)
    total = next(db.query(f"SELECT count(*) AS n FROM registrations r WHERE {where}", params))["n"]
    filters.page = within(filters.page, total, size)
    rows = filtered_registrations(db, user, filters, limit=size, offset=(filters.page - 1) * size)
    return rows, total
