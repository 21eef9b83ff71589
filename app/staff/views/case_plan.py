"""What the registration page shows of a case's plan, and its blank forms (the forms are
sent to views/plans.py)."""

from datetime import date

from app.staff.casework.appointments import appointments_of
from app.staff.casework.follow_up_plans import plan_label
from app.staff.casework.next_steps import next_step_of
from app.staff.day_forms import AppointmentForm, FollowUpPlanForm, NextStepForm


def plan_forms(row):
    """The blank forms of a case's plan, for the registration page."""
    return {
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
        "today": date.today(),
    }
