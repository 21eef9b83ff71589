"""`flask users create` and `flask data purge`: thin commands over the data functions."""

import sys

import click
from flask import current_app
from flask.cli import AppGroup
from sqlite_utils import Database

from app.core.db import connect
from app.speech.cli import prune as prune_audio
from app.staff.core.passwords import PasswordProblem
from app.staff.core.users import (
    ROLES,
    create_user,
    provisioning_uri,
    user_by_email,
)
from app.staff.data_requests.data.personal_data import purge
from app.web.data_cli import data_command

users_command = AppGroup("users", help="Staff accounts for the back office.")


PASSWORD_PROBLEMS = {
    "short": "The password must have 12 to 256 characters.",
    "long": "The password must have 12 to 256 characters.",
    "guessable": "The password is too easy to guess: choose a longer one, like 4 or 5 words.",
}


def open_database() -> Database:
    return connect(current_app.config["DATABASE"])


def read_password() -> str:
    """Asked twice at a terminal; one line from standard input when piped in
    (`echo "$PASSWORD" | flask users create ...`)."""
    if sys.stdin.isatty():
        return click.prompt("Password", hide_input=True, confirmation_prompt=True)
    return sys.stdin.readline().rstrip("\r\n")


@users_command.command("create")
@click.argument("email")
@click.option("--role", type=click.Choice(ROLES), required=True)
@click.option("--name", default="", help="The person's name (default: the email address).")
def create_user_command(email: str, role: str, name: str) -> None:
    """Create a user. The password is read from the terminal, or from standard input."""
    db = open_database()
    try:
        if user_by_email(db, email):
            raise click.ClickException(f"There is already a user with the address {email}.")
        password = read_password()
        try:
            user = create_user(db, email, name, role, password)
        except PasswordProblem as problem:
            raise click.ClickException(PASSWORD_PROBLEMS[str(problem)]) from None
        click.echo(
            f"Created {user.role} {user.email}, who chooses a new password at first sign-in."
        )
        click.echo("Add this to the authenticator app (or scan the QR code at first sign-in):")
        click.echo(provisioning_uri(user))
    finally:
        db.close()


@data_command.command("purge")
@click.option(
    "--closed-days",
    type=click.IntRange(min=1),
    default=None,
    help="Delete registrations closed longer ago than this (default 365).",
)
@click.option(
    "--draft-days",
    type=click.IntRange(min=1),
    default=None,
    help="Delete drafts untouched for longer than this (default 30).",
)
@click.option("--dry-run", is_flag=True, help="Only list what would be deleted.")
def purge_command(closed_days: int | None, draft_days: int | None, dry_run: bool) -> None:
    """Delete closed registrations and abandoned drafts older than the privacy page says."""
    config = current_app.config
    closed_days = closed_days or config["PURGE_CLOSED_DAYS"]
    draft_days = draft_days or config["PURGE_DRAFT_DAYS"]
    db = open_database()
    try:
        report = purge(db, closed_days=closed_days, draft_days=draft_days, dry_run=dry_run)
    finally:
        db.close()
    verb = "Would delete" if dry_run else "Deleted"
    click.echo(
        f"{verb} {len(report.registrations)} registrations closed more than {closed_days} days ago:"
    )
    for reference, closed_at in report.registrations:
        click.echo(f"  {reference}  closed {closed_at}")
    click.echo(f"{verb} {len(report.drafts)} drafts untouched for more than {draft_days} days:")
    for created_at, updated_at in report.drafts:
        click.echo(f"  draft started {created_at}, last changed {updated_at}")
    click.echo(
        f"{verb} {len(report.meeting_signups)} sign-ups to meetings held more than 30 days ago."
    )
    if not dry_run:
        removed, freed = prune_audio(current_app)
        click.echo(
            f"Removed {removed} read-aloud files ({freed / 1e6:.1f} MB) no page shows any more."
        )
