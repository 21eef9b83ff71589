"""What one case counts in the monthly figures, worked out again from the case itself:
when its municipality is corrected ("Ved ikke" to Aarhus, or a wrong one), its counts move
to the municipality it really belongs to, in the same months, so each municipality's
report counts the person where they live and nobody twice."""

from datetime import date

from sqlite_utils import Database

from app.core import clock
from app.staff.cases.data.placements import JOB_KINDS
from app.staff.core import monthly_figures


def figures_of_case(db: Database, registration_id: int) -> list:
    """[(measure, month, kind, amount)] the case has added to the monthly figures."""
    [row] = db.query(
        "SELECT submitted_at, first_contact_at FROM registrations WHERE id = ?",
        [registration_id],
    )
    found = [(monthly_figures.REGISTERED, monthly_figures.month_of(row["submitted_at"]), "", 0)]
    if row["first_contact_at"]:
        days = (
            clock.day_in_denmark(row["first_contact_at"])
            - clock.day_in_denmark(row["submitted_at"])
        ).days
        found.append(
            (
                monthly_figures.CONTACTED,
                monthly_figures.month_of(row["first_contact_at"]),
                "",
                max(days, 0),
            )
        )
    for closed in db.query(
        "SELECT at, reason FROM registration_history "
        "WHERE registration_id = ? AND kind = 'status' AND status = 'closed'",
        [registration_id],
    ):
        found.append(
            (monthly_figures.CLOSED, monthly_figures.month_of(closed["at"]), closed["reason"], 0)
        )
    for placement in db.query(
        "SELECT kind, starts_on, ends_on, hours, counted_months FROM placements "
        "WHERE registration_id = ?",
        [registration_id],
    ):
        start = date.fromisoformat(placement["starts_on"])
        found.append(
            (
                monthly_figures.PLACEMENT,
                monthly_figures.month_of(start),
                placement["kind"],
                placement["hours"] or 0,
            )
        )
        if placement["kind"] not in JOB_KINDS:
            continue
        ends = date.fromisoformat(placement["ends_on"]) if placement["ends_on"] else None
        for months in monthly_figures.ANNIVERSARIES:
            day = clock.add_months(start, months)
            if months <= placement["counted_months"] and (ends is None or ends >= day):
                found.append(
                    (monthly_figures.STILL_IN_JOB, monthly_figures.month_of(day), str(months), 0)
                )
    return found


def move_figures(
    db: Database, registration_id: int, old_municipality: str, new_municipality: str
) -> None:
    """Inside the transaction that changes the case's municipality."""
    if old_municipality == new_municipality:
        return
    for measure, month, kind, amount in figures_of_case(db, registration_id):
        monthly_figures.take_off(
            db, measure, municipality=old_municipality, month=month, kind=kind, amount=amount
        )
        monthly_figures.add(
            db, measure, municipality=new_municipality, month=month, kind=kind, amount=amount
        )
