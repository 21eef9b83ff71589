"""The QR code on a printed job profile (both sides print one): a new link for this paper
(domain/registrations/profile_links.py), at the site's public address, drawn as an SVG in
the page of the PDF (segno, as the back office's two-factor code). WeasyPrint fetches
nothing for it: the code is part of the HTML."""

from dataclasses import dataclass
from datetime import date

import segno
from flask import current_app
from flask_babel import format_date
from markupsafe import Markup
from sqlite_utils import Database

from app.core import clock
from app.domain.registrations.profile_links import last_day_of, make_link
from app.web.links import public_url

# The endpoint of the page a code opens (app/citizen/profile_link): named, not imported.
LINK_PAGE = "profile_link.profile"


@dataclass(frozen=True)
class PrintedLink:
    address: str
    last_day: date  # the last Danish day it works

    @property
    def last_day_text(self) -> str:
        """In the language the paper is made in: "7. marts 2027"."""
        return format_date(self.last_day, format="long")

    @property
    def code(self) -> Markup:
        """The QR code as inline SVG, without its quiet zone: the paper's white margin
        around it (profile-pdf.css) is that. Error correction M: a creased paper still reads."""
        svg = segno.make(self.address, error="m").svg_inline(border=0, omitsize=True)
        return Markup(svg)  # segno draws it from our own address: nothing to escape


def printed_link(
    db: Database,
    registration_id: int,
    *,
    with_health: bool,
    employer_yes: str | None = None,
    made_by: int | None = None,
) -> PrintedLink:
    """The link for one paper: the person's own version, or the employer's (`employer_yes`,
    its public id). It replaces the link of the same version printed before."""
    days = int(current_app.config["PROFILE_LINK_DAYS"])
    token = make_link(
        db,
        registration_id,
        days=days,
        with_health=with_health,
        employer_yes=employer_yes,
        made_by=made_by,
    )
    return PrintedLink(public_url(LINK_PAGE, token=token), last_day_of(clock.today(), days))
