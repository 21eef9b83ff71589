"""The visitor's draft: its cookie, loading it, and the address of each of its steps."""

from flask import current_app, url_for

from app.domain.questions.flow import CHECK_ANSWERS
from app.domain.registrations.drafts import load_draft
from app.web.cookies import DRAFT_COOKIE, read_cookie, set_private_cookie
from app.web.database import get_db


def draft_token():
    return read_cookie(DRAFT_COOKIE)


def current_draft():
    return load_draft(get_db(), draft_token())


def url_for_step(key, *, changing=False):
    if key == CHECK_ANSWERS:
        return url_for("journey.check_answers")
    return url_for("journey.step", step_key=key, change=1 if changing else None)


def keep_draft(response, token):
    return set_private_cookie(
        response, DRAFT_COOKIE, token, days=current_app.config["DRAFT_COOKIE_DAYS"]
    )
