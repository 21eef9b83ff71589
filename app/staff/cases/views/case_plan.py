"""What the registration page shows of a case's plan, and its blank forms (the forms are
sent to views/plans.py)."""

from app.core import clock
from app.staff.cases.data.appointments import appointments_of
from app.staff.cases.data.first_call import answered
from app.staff.cases.data.next_steps import next_step_of
from app.staff.cases.data.placements import END_REASONS, KINDS, placements_of
from app.staff.cases.forms.day import (
    AppointmentForm,
    EndPlacementForm,
    FollowUpPlanForm,
    NextStepForm,
    PlacementForm,
)
from app.staff.core.follow_up_plans import plan_label

# The person's own words shown beside their work trials and jobs: what they want, what
# they are good at, and what helps them.
OWN_WORDS_FIELDS = (
    "work_wishes",
    "work_other",
    "strengths",
    "strengths_text",
    "hours",
    "needs",
    "needs_text",
)


def plan_forms(row, placements=()):
    """The blank forms of a case's plan, for the registration page."""
    end = EndPlacementForm(formdata=None, prefix="end")
    end.offer(placements)
    return {
        "placement": PlacementForm(formdata=None, prefix="placement"),
        "end": end,
        "next_step": NextStepForm(formdata=None, prefix="next_step"),
        "appointment": AppointmentForm(formdata=None, prefix="appointment"),
        "plan": FollowUpPlanForm(formdata=None, prefix="plan", plan=row.follow_up_plan),
    }


def case_plan(db, row):
    """What the registration page shows of the plan."""
    return {
        "next_step": next_step_of(db, row),
        "appointments": appointments_of(db, row.id),
        "follow_up_plan": plan_label(row.follow_up_plan),
        "today": clock.today(),
        "placements": placements_of(db, row.id),
        "kinds": KINDS,
        "end_reasons": END_REASONS,
    }


def own_words(answers):
    """(label, shown answers) of what the person said about work and what helps them."""
    return answered(answers, OWN_WORDS_FIELDS)
