"""KLAPjob's self-service site: the application factory (the composition root)."""

from pathlib import Path

from flask import Flask
from flask_wtf.csrf import CSRFProtect
from werkzeug.middleware.proxy_fix import ProxyFix

from app import speech, staff
from app.citizen import call_me, journey, meetings, pages, profile_link
from app.config import DEFAULTS, ROOT, settings_from_environment
from app.core.db import prepare_database
from app.web import (
    compression,
    cookies,
    data_cli,
    database,
    device,
    display,
    errors,
    health,
    i18n,
    logging_setup,
    pictures,
    security,
    static_files,
    templating,
    trusted_hosts,
    voice_upload,
)
from app.web.translate import translate

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
    app.extensions["klapjob_factory"] = create_app

    logging_setup.init_app(app)
    cookies.init_app(app)
    trust_proxies(app)
    trusted_hosts.init_app(app)
    static_files.init_app(app)
    compression.init_app(app)
    prepare_database(app.config["DATABASE"])
    database.init_app(app)
    # Before the CSRF check reads the form: a question page may carry a recording.
    voice_upload.init_app(app)
    csrf.init_app(app)
    i18n.init_app(app)
    templating.init_app(app)
    display.init_app(app)
    device.init_app(app)
    security.init_app(app)
    errors.init_app(app)
    register_blueprints(app)
    speech.init_app(app)
    data_cli.init_app(app)
    app.cli.add_command(translate)
    return app


def trust_proxies(app):
    """Behind KLAPJOB_TRUSTED_PROXIES proxies, the client's address and scheme are the ones
    the last proxies added (never one a client wrote in front of them)."""
    proxies = int(app.config["TRUSTED_PROXIES"])
    if proxies > 0:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies)


def register_blueprints(app):
    app.register_blueprint(pages.blueprint)
    app.register_blueprint(journey.blueprint)
    app.register_blueprint(meetings.blueprint)
    app.register_blueprint(call_me.blueprint)
    app.register_blueprint(profile_link.blueprint)
    app.register_blueprint(pictures.blueprint)
    app.register_blueprint(health.blueprint)
    staff.init_app(app)
