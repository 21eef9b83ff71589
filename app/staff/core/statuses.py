"""A registration's status from new to closed, the reasons for closing, and which
change counts as real contact."""

from flask_babel import lazy_gettext as _l

STATUSES = {
    "new": _l("New"),
    "contacted": _l("Contacted"),
    "meeting": _l("Meeting"),
    "praktik": _l("Work trial"),
    "in_job": _l("In a job"),
    "follow_up": _l("Follow-up"),
    "closed": _l("Closed"),
}


CLOSE_REASONS = {
    "not_reached": _l("Could not be reached"),
    "declined": _l("Did not want help after all"),
    "moved": _l("Moved to a municipality without an agreement"),
    "other_help": _l("Gets help somewhere else"),
    "finished": _l("KLAPjob's help has ended"),
    "other": _l("Another reason (see the note)"),
}


def is_real_contact(status: str, reason: str | None) -> bool:
    """Any move away from "new" is a contact, but closing for "could not be reached"."""
    return status != "new" and not (status == "closed" and reason == "not_reached")


# The history's kind for a contact in which KLAPjob talked with the person: a call that
# reached them, or the talk in which a consultant took their registration by phone.
REACHED = "reached"


# How a registration came in when staff took it (by phone, a referral, a meeting).
CHANNELS = {
    "phone": _l("Phone call"),
    "jobcentre": _l("Job centre referral"),
    "meeting": _l("Meeting sign-up"),
}


# The kinds of work trials and jobs on a case; which of them are jobs.
PLACEMENT_KINDS = {
    "praktik": _l("Work trial (praktik)"),
    "skaanejob": _l("Skånejob"),
    "fleksjob": _l("Flex job (fleksjob)"),
    "ordinary_subsidy": _l("Ordinary job with wage subsidy"),
    "ordinary": _l("Ordinary job without wage subsidy"),
}
JOB_KINDS = ("skaanejob", "fleksjob", "ordinary_subsidy", "ordinary")
