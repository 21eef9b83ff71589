"""Lists a page at a time: the page an address asks for, within the pages there are."""

from math import ceil

# No list of ours is this long; a bigger number only asks for the last page.
HIGHEST_PAGE = 1_000_000


def requested_page(text: str | None) -> int:
    """`?page=` as a page number: a whole number from 1, anything else the first page.
    Thirty digits ask for the last page, never for an integer SQLite cannot hold."""
    text = (text or "").strip()
    if not (text.isascii() and text.isdigit()):
        return 1
    return max(1, min(int(text[:8]), HIGHEST_PAGE))


def page_count(total: int, size: int) -> int:
    return max(1, ceil(total / size))


def within(page: int, total: int, size: int) -> int:
    return min(page, page_count(total, size))
