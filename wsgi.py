"""Entry point for gunicorn: `gunicorn --config gunicorn.conf.py wsgi:app`."""

from app import create_app
from app.config import require_real_contact_details
from app.core.public_address import require_public_address
from app.core.serving import hold_serving_lock
from app.web.i18n import check_catalogues

app = create_app()
# Outside development, never serve people without the address links in mails lead to.
require_public_address(app.config)
# ... nor with the placeholder phone number and address that ship for development.
require_real_contact_details(app.config)
check_catalogues(app)
# Every serving process marks the database as in use (app/serving.py), also when gunicorn
# is started without our configuration file.
hold_serving_lock(app.config["DATABASE"])
