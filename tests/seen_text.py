"""The text of a page as a person sees it, read in the browser: the lines of `main` as laid
out (a link or a bold word inside a sentence does not split it), without what is visually
hidden (text for screen readers only), the list of municipalities (names, not prose), the
audio players, or a code or reference number (signs, not words)."""

from colours import extra_style

# A code or reference number is said sign by sign, not read as words.
NOT_SEEN = (
    ".visually-hidden, select, audio, [hidden], .code, .reference { display: none !important; }"
)


def seen_lines(page):
    with extra_style(page, NOT_SEEN):
        text = page.evaluate("() => document.querySelector('main').innerText")
    return [line.strip() for line in text.splitlines() if line.strip()]
