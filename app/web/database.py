"""One database connection per request, closed when the request ends; `flask init-db`."""

import click
from flask import Flask, current_app, g
from sqlite_utils import Database

from app.core.db import connect, prepare_database


def get_db() -> Database:
    if "db" not in g:
        g.db = connect(current_app.config["DATABASE"])
    return g.db


def close_db(_exception: BaseException | None = None) -> None:
    db = g.pop("db", None)
    if db is not None:
        db.close()


def init_app(app: Flask) -> None:
    app.teardown_appcontext(close_db)
    app.cli.add_command(init_db_command)


@click.command("init-db")
def init_db_command() -> None:
    """Create the database or apply pending migrations."""
    prepare_database(current_app.config["DATABASE"])
    click.echo(f"Database ready: {current_app.config['DATABASE']}")
