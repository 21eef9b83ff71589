"""KLAPjob's self-service site: the application factory."""

from pathlib import Path

from flask import Flask, current_app
from flask_wtf.csrf import CSRFProtect
from werkzeug.middleware.proxy_fix import ProxyFix

from . import (
    backup_cli, cookies, db, device, display, errors, health, i18n, logging_setup, security,
    site_text, speech,
)
from .assets import asset_url
from .config import DEFAULTS, ROOT, settings_from_environment
from .phone import normalise_phone
from .site_text import site_value
from .translate import translate

csrf = CSRFProtect()


def create_app(test_config=None):
    app = Flask(
        __name__,
        instance_path=str(ROOT / "instance"),
        template_folder=str(ROOT / "templates"),
        static_folder=str(ROOT / "static"),
    )
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    app.config.from_mapping(DEFAULTS)
    app.config.from_mapping(settings_from_environment(app.instance_path))
    if test_config:
        app.config.from_mapping(test_config)

    logging_setup.init_app(app)
    cookies.init_app(app)
    trust_proxies(app)
    db.prepare_database(app.config["DATABASE"])
    db.init_app(app)
    csrf.init_app(app)
    i18n.init_app(app)
    site_text.init_app(app)
    display.init_app(app)
    device.init_app(app)
    security.init_app(app)
    errors.init_app(app)
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
    app.jinja_env.globals["asset_url"] = asset_url
    app.context_processor(help_phone)
    register_blueprints(app)
    speech.init_app(app)
    backup_cli.init_app(app)
    app.cli.add_command(translate)
    return app


def trust_proxies(app):
    """Behind KLAPJOB_TRUSTED_PROXIES proxies, the client's address and scheme are the ones
    the last proxies added (never one a client wrote in front of them)."""
    proxies = int(app.config["TRUSTED_PROXIES"])
    if proxies > 0:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies)


def help_phone():
    """KLAPjob's own number and address: settings, so the site's texts (site_text.py)."""
    shown = current_app.config["KLAPJOB_PHONE"]
    digits = "".join(ch for ch in shown if ch.isdigit() or ch == "+")
    return {
        "help_phone": site_value(shown),
        "help_phone_href": normalise_phone(shown) or digits,
        "help_email": site_value(current_app.config["KLAPJOB_EMAIL"]),
    }


def register_blueprints(app):
    from .journey.views import blueprint as journey
    from .meetings.views import blueprint as meetings
    from .pages.views import blueprint as pages
    from .pictograms import blueprint as pictograms
    from . import staff

    app.register_blueprint(pages)
    app.register_blueprint(journey)
    app.register_blueprint(meetings)
    app.register_blueprint(pictograms)
    app.register_blueprint(health.blueprint)
    staff.init_app(app)
