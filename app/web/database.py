"""One database connection per request, closed when the request ends; `flask init-db`."""

import click
from flask import current_app, g

from app.core.db import connect, prepare_database


def get_db():
    if "db" not in g:
        g.db = connect(current_app.config["DATABASE"])
    return g.db


def close_db(_exception=None):
    db = g.pop("db", None)
    if db is not None:
        db.close()


def init_app(app):
    app.teardown_appcontext(close_db)
    app.cli.add_command(init_db_command)


@click.command("init-db")
def init_db_command():
    """Create the database or apply pending migrations."""
    prepare_database(current_app.config["DATABASE"])
    click.echo(f"Database ready: {current_app.config['DATABASE']}")
