"""The `flask data` group: `backup`, `restore` and `replication-config`, thin commands over
core/backup.py and core/replication.py (the back office adds `purge` to it)."""

import click
from flask import Flask, current_app
from flask.cli import AppGroup, with_appcontext

from app.core.backup import BackupProblem, backup_database, restore_database
from app.core.replication import write_litestream_config

data_command = AppGroup(
    "data", help="The database: purge what is due, back up, restore, replicate."
)


@click.command("backup")
@with_appcontext
@click.argument("destination", type=click.Path(dir_okay=True, file_okay=True))
def backup_command(destination: str) -> None:
    """Copy the database to DESTINATION (a file, or a folder for a dated file), mode 0600,
    checked with PRAGMA integrity_check. Safe while the site runs."""
    try:
        written = backup_database(current_app.config["DATABASE"], destination)
    except (BackupProblem, OSError) as problem:
        raise click.ClickException(f"No backup was made: {problem}") from problem
    click.echo(f"Backup written and checked: {written}")


@click.command("restore")
@with_appcontext
@click.argument("source", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--force", is_flag=True, help="Restore even while the site is running on the database."
)
def restore_command(source: str, force: bool) -> None:
    """Write the backup SOURCE over the site's database, after checking it."""
    database = current_app.config["DATABASE"]
    try:
        restore_database(source, database, force=force)
    except BackupProblem as problem:
        raise click.ClickException(str(problem)) from problem
    click.echo(f"Restored {source} into {database}; integrity check ok.")


@click.command("replication-config")
@with_appcontext
def replication_config_command() -> None:
    """Write litestream.yml beside the database from the settings; print its path."""
    config = current_app.config
    if not config["LITESTREAM_REPLICA"]:
        raise click.ClickException("KLAPJOB_LITESTREAM_REPLICA is not set: no replica to use.")
    path = write_litestream_config(
        config["DATABASE"], config["LITESTREAM_REPLICA"], config["LITESTREAM_RETENTION"]
    )
    click.echo(str(path))


def init_app(app: Flask) -> None:
    for command in (backup_command, restore_command, replication_config_command):
        data_command.add_command(command)
    app.cli.add_command(data_command)
