"""Whom at KLAPjob an employer calls about a job profile, and the day it was made: the
consultant's name (the case's, else whoever makes the version) and KLAPjob's phone (the
setting KLAPJOB_PHONE; consultants have no phone of their own in the back office)."""

from dataclasses import replace

from flask import current_app

from app.core import clock
from app.domain.registrations.profile import Profile


def with_klapjob_contact(profile: Profile, consultant_name: str | None) -> Profile:
    return replace(
        profile,
        contact_name=consultant_name or "",
        contact_phone=current_app.config["KLAPJOB_PHONE"],
        made_on=clock.today(),
    )
