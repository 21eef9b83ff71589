"""The inbox: every registration this user may see, newest first, filtered and searched,
a page at a time.

The filters are in the address (a filtered list can be bookmarked); a search is sent as a
form, because it holds a name or a phone number, and addresses end up in access logs."""

from typing import Any

from flask import render_template, request, url_for
from flask.typing import ResponseReturnValue

from app.staff.cases.data.inbox import PAGE_SIZE, inbox_page
from app.staff.cases.forms.cases import GiveCasesForm
from app.staff.cases.forms.inbox import FilterForm, SearchForm
from app.staff.cases.views._case_page import filters_from
from app.staff.cases.views._queue import queue_alarm
from app.staff.core.blueprint import blueprint
from app.staff.core.paging import page_count
from app.staff.core.permissions import current_user, requires
from app.staff.core.users import active_consultants
from app.web.database import get_db

# A search shows its matches on one page: page links would carry it in their address.
SEARCH_RESULTS = 100


def filter_form(form_class: type[FilterForm] = FilterForm) -> FilterForm:
    form = form_class(request.args)
    form.offer(active_consultants(get_db()))
    return form


def page_url(page: int) -> str:
    args: dict[str, Any] = request.args.to_dict(flat=True)
    args["page"] = page
    return url_for(".inbox", **args)


@blueprint.route("/", methods=["GET", "POST"])
@requires("staff")
def inbox() -> ResponseReturnValue:
    form = filter_form()
    search_form = SearchForm(formdata=request.form if request.method == "POST" else None)
    searching = (
        request.method == "POST" and search_form.validate() and bool(search_form.search.data)
    )
    filters = filters_from(form, search_form.search.data if searching else "")
    size = SEARCH_RESULTS if searching else PAGE_SIZE
    rows, total = inbox_page(get_db(), current_user(), filters, size=size)
    pages = 1 if searching else page_count(total, PAGE_SIZE)
    export_args: dict[str, Any] = {
        k: v for k, v in request.args.items() if k not in ("page", "search")
    }
    return render_template(
        "staff/inbox.html",
        form=form,
        search_form=search_form,
        searching=searching,
        rows=rows,
        total=total,
        page=filters.page,
        pages=pages,
        previous_url=page_url(filters.page - 1) if filters.page > 1 else None,
        next_url=page_url(filters.page + 1) if filters.page < pages else None,
        export_url=url_for(".export", **export_args),
        filtered=any(v for k, v in request.args.items() if k != "page"),
        waited_too_long=queue_alarm(),
        give_form=give_form(),
    )


def give_form() -> GiveCasesForm:
    form = GiveCasesForm(prefix="give", formdata=None)
    form.offer(active_consultants(get_db()))
    return form
