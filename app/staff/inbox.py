"""The inbox: every registration this user may see, newest first, filtered and searched,
a page at a time."""

from flask import render_template, request, url_for

from ..db import get_db
from ..users import active_consultants
from . import blueprint
from .access import current_user, requires
from .inbox_list import PAGE_SIZE, InboxFilters, inbox_page
from .paging import page_count, requested_page
from .forms import FilterForm


def filters_from(form):
    return InboxFilters(
        status=form.status.data or "",
        municipality=form.municipality.data or "",
        consultant=form.consultant.data or "",
        helped=bool(form.helped.data),
        ambassador=bool(form.ambassador.data),
        search=form.search.data or "",
        page=requested_page(request.args.get("page")),
    )


def filter_form(form_class=FilterForm):
    form = form_class(request.args)
    form.offer(active_consultants(get_db()))
    return form


def page_url(page):
    args = request.args.to_dict(flat=True)
    args["page"] = page
    return url_for(".inbox", **args)


@blueprint.get("/")
@requires("staff")
def inbox():
    form = filter_form()
    filters = filters_from(form)
    rows, total = inbox_page(get_db(), current_user(), filters)
    pages = page_count(total, PAGE_SIZE)
    export_args = {k: v for k, v in request.args.items() if k != "page"}
    return render_template(
        "staff/inbox.html",
        form=form,
        rows=rows,
        total=total,
        page=filters.page,
        pages=pages,
        previous_url=page_url(filters.page - 1) if filters.page > 1 else None,
        next_url=page_url(filters.page + 1) if filters.page < pages else None,
        export_url=url_for(".export", **export_args),
        filtered=any(v for k, v in request.args.items() if k != "page"),
    )
