"""Entry point for gunicorn: `gunicorn wsgi:app`."""

from app import create_app
from app.i18n import check_catalogues

app = create_app()
check_catalogues(app)
