"""A person phones and reads their code aloud: staff find the unsent draft it belongs to."""

import json

from flask import current_app, render_template
from flask.typing import ResponseReturnValue
from flask_babel import lazy_gettext as _l
from sqlite_utils import Database

from app.domain.questions.model import Answer
from app.domain.questions.summary import summary_rows
from app.domain.registrations.resume import draft_hash_for_code
from app.staff.core import audit
from app.staff.core.access import may_open_draft
from app.staff.core.blueprint import blueprint
from app.staff.core.permissions import current_user, requires
from app.staff.intake.forms import ContinueDraftForm, DraftCodeForm
from app.web.database import get_db


def draft_answers(db: Database, hashed: str) -> dict[str, Answer] | None:
    rows = list(db.query("SELECT answers FROM drafts WHERE token_hash = ?", [hashed]))
    return json.loads(rows[0]["answers"]) if rows else None


@blueprint.route("/drafts", methods=["GET", "POST"])
@requires("staff")
def find_draft() -> ResponseReturnValue:
    form = DraftCodeForm()
    answers = None
    if form.validate_on_submit():
        db = get_db()
        hashed = draft_hash_for_code(db, form.code.data, secret=current_app.config["SECRET_KEY"])
        answers = draft_answers(db, hashed) if hashed else None
        if answers is not None and not may_open_draft(db, current_user(), answers):
            answers = None  # another consultant's: it looks like a code that is not there
        if answers is None:
            form.code.errors.append(_l("Check the code. It has 8 letters or numbers."))
        else:
            audit.record_now(db, current_user(), "viewed_draft")
    return render_template(
        "staff/find_draft.html",
        form=form,
        # Health stays out: the person can say it on the phone if it matters now.
        rows=summary_rows(answers, include_sensitive=False) if answers else None,
        continue_form=ContinueDraftForm(formdata=None, code=form.code.data) if answers else None,
    )
