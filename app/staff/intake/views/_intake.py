"""What the pages of a registration taken by phone share: the intake a consultant may
open, the address of each page, and whether the answers hold health."""

from flask import abort, url_for

from app.domain.questions.flow import CHECK_ANSWERS
from app.domain.questions.model import Answers, Step
from app.domain.questions.steps import STEPS
from app.staff.core.permissions import current_user
from app.staff.intake.data.phone_pages import PAGE_OF_STEP
from app.staff.intake.data.taken_by_phone import Intake, intake_by_public_id
from app.web.database import get_db


def intake_or_404(public_id: str) -> Intake:
    return intake_by_public_id(get_db(), current_user(), public_id) or abort(404)


def page_url(public_id: str, number: int) -> str:
    return url_for("staff.intake_page", public_id=public_id, number=number)


def intake_url(public_id: str, step_key: str) -> str:
    """The page a question stands on (at the question), or the answers and the consent
    after the last one."""
    if step_key == CHECK_ANSWERS:
        return url_for("staff.intake_consent", public_id=public_id)
    return page_url(public_id, PAGE_OF_STEP[step_key]) + f"#step-{step_key}"


def holds_health(step: Step, answers: Answers) -> bool:
    return any(spec.sensitive and answers.get(spec.name) for spec in step.fields)


def has_health(answers: Answers) -> bool:
    return any(holds_health(step, answers) for step in STEPS)
