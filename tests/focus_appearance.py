"""Focus appearance measured as WCAG 2.2's 2.4.13 (AAA) asks, by pixels: with the keyboard,
Tab to each element in turn; the pixels that change between the element unfocused and
focused, by at least 3:1, must cover at least the area of a 2 CSS px thick line round the
element (4 x (width + height)). A choice card's radio button or checkbox is the whole card.

The window is made as tall as the page, so that nothing scrolls: the page unfocused is then
one screenshot, and each element focused is a screenshot of its box and 12 px around it.
An element whose markup, place in the page and unfocused pixels equal one measured before
in the same walk looks the same focused, and is not screenshotted again.
"""

import hashlib

from colours import (
    CARET_HIDDEN,
    CONTROL_MINIMUM,
    captured_pixels,
    contrast,
    extra_style,
    parse_colour,
    region,
    whole_page_in_view,
)

AROUND = 12  # CSS px round the element where the indicator may be drawn
MOST_STOPS = 400

# Start the next Tab from the top of the page, with nothing focused.
FROM_THE_TOP = """
() => {
  const start = document.createElement('span');
  start.tabIndex = -1;
  start.style.position = 'absolute';
  start.style.top = '0';
  document.body.prepend(start);
  start.focus();
  start.blur();
  start.remove();
  window.focusWalkFirst = null;
}
"""

# The focused element: its box (the card for a radio button or checkbox), what it is, what
# identifies its look, and the contrast of its own text while focused (computed colours).
FOCUSED = """
() => {
  const element = document.activeElement;
  if (!element || element === document.body || element === window.focusWalkFirst) return null;
  if (!window.focusWalkFirst) window.focusWalkFirst = element;
  // A choice card is the control a person sees: its radio button or checkbox is inside it.
  // Elsewhere (the back office) the checkbox itself is the control, its label beside it.
  const shown = element.classList.contains('choice-card__input') && element.labels.length
    ? element.labels[0] : element;
  const r = shown.getBoundingClientRect();
  const text = (shown.innerText || element.value || element.getAttribute('aria-label') || '').trim().replace(/\\s+/g, ' ');
  const ancestors = [];
  for (let e = shown.parentElement; e; e = e.parentElement) ancestors.push(e.tagName + '.' + e.className);
  const style = getComputedStyle(shown);
  let background = 'rgba(0, 0, 0, 0)';
  for (let e = shown; e; e = e.parentElement) {
    const colour = getComputedStyle(e).backgroundColor;
    if (!/rgba\\(.*, 0\\)$/.test(colour)) { background = colour; break; }
  }
  return {
    what: `${element.tagName.toLowerCase()}${element.type ? '[' + element.type + ']' : ''}.${[...shown.classList].join('.')} "${text.slice(0, 40)}"`,
    key: shown.outerHTML.replace(/ data-listen-[a-z]+="[^"]*"/g, '') + '|' + ancestors.join('>') + '|' + r.width + 'x' + r.height,
    box: [r.left + scrollX, r.top + scrollY, r.width, r.height],
    scrolled: scrollX !== 0 || scrollY !== 0,
    hasText: text.length > 0 && shown.tagName !== 'INPUT' && shown.tagName !== 'SELECT' && shown.tagName !== 'TEXTAREA',
    colour: style.color,
    background,
  };
}
"""


def required_area(box):
    """The area of a 2 CSS px thick perimeter of the unfocused element."""
    return 4 * (box[2] + box[3])


def changed_area(unfocused, focused):
    """How many pixels changed between the two images by at least 3:1."""
    return int((contrast(unfocused, focused) >= CONTROL_MINIMUM).sum())


class FocusWalk:
    """Tabs through the page as it is, from the top, once round."""

    def __init__(self, page, measured=None):
        self.page = page
        self.measured = {} if measured is None else measured  # look -> (area, required)
        self.stops = 0
        self.screenshots = 0

    def problems(self):
        # The caret hidden once for the whole walk, not around each of its screenshots.
        with whole_page_in_view(self.page), extra_style(self.page, CARET_HIDDEN):
            return self._walk()

    def _walk(self):
        page = self.page
        page.evaluate("document.activeElement && document.activeElement.blur()")
        page.evaluate(FROM_THE_TOP)
        unfocused = captured_pixels(page)
        problems = []
        for _ in range(MOST_STOPS):
            page.keyboard.press("Tab")
            focused = page.evaluate(FOCUSED)
            if focused is None:
                break
            self.stops += 1
            problem = self.check(unfocused, focused)
            if problem:
                problems.append(problem)
        else:
            problems.append(f"Tab never came back round after {MOST_STOPS} stops")
        return problems

    def check(self, unfocused, focused):
        box = focused["box"]
        if box[2] < 1 or box[3] < 1:
            return f"{focused['what']}: focused, but has no size"
        if focused["scrolled"]:
            return f"{focused['what']}: the page scrolled sideways or down to show it"
        before = region(unfocused, box, AROUND)
        look = hashlib.sha1(
            focused["key"].encode() + (before.tobytes() if before is not None else b"")
        ).hexdigest()
        if look not in self.measured:
            after = self.around(box, unfocused.shape)
            self.screenshots += 1
            area = changed_area(before, after) if before is not None and after is not None else 0
            self.measured[look] = (area, required_area(box), text_contrast_while_focused(focused))
        area, required, text_ratio = self.measured[look]
        if area < required:
            return (
                f"{focused['what']}: the focus indicator covers {area} px² at 3:1,"
                f" it needs {required:.0f} px² (a 2 px line round it)"
            )
        if text_ratio is not None and text_ratio < 7:
            return f"{focused['what']}: its text is {text_ratio:.2f}:1 while focused"
        return None

    def around(self, box, shape):
        """The pixels `region` would cut from a whole screenshot of `shape`: only that part
        is drawn (a whole page for one button was most of the walk's time)."""
        x, y, width, height = box
        left, top = max(int(round(x - AROUND)), 0), max(int(round(y - AROUND)), 0)
        right = min(int(round(x + width + AROUND)), shape[1])
        bottom = min(int(round(y + height + AROUND)), shape[0])
        if right <= left or bottom <= top:
            return None
        return captured_pixels(
            self.page, clip={"x": left, "y": top, "width": right - left, "height": bottom - top}
        )


def text_contrast_while_focused(focused):
    """The computed colour of the focused element's text on its computed background."""
    if not focused["hasText"]:
        return None
    background = parse_colour(focused["background"])
    if background[3] == 0:
        return None
    colour = parse_colour(focused["colour"])
    alpha = colour[3]
    seen = tuple(
        alpha * c + (1 - alpha) * b for c, b in zip(colour[:3], background[:3], strict=True)
    )
    return float(contrast(seen, background[:3]))


# The element with focus, moved to the middle of the window (so that nothing of its
# indicator is cut off at an edge), with where the window is scrolled: one trip.
FOCUSED_HERE = (
    "() => {\n"
    "  document.activeElement.scrollIntoView({block: 'center', inline: 'nearest'});\n"
    f"  const focused = ({FOCUSED.strip().replace('element === window.focusWalkFirst', 'false')})();\n"
    "  return focused && {...focused, scroll: [scrollX, scrollY]};\n"
    "}\n"
)


def focus_problem_here(page, measured=None):
    """The same measure for the element that has focus now, wherever the page is scrolled:
    its box focused, then blurred, then focused again (the keyboard's place is kept).
    With `measured` (a dict kept for a walk), an element whose markup, size and pixels
    focused (with what is round it) equal one measured before, wherever it stands, is not
    blurred and drawn again: it looks the same unfocused too."""
    focused = page.evaluate(FOCUSED_HERE)
    if focused is None:
        return None
    scroll_x, scroll_y = focused["scroll"]
    view = [
        focused["box"][0] - scroll_x,
        focused["box"][1] - scroll_y,
        focused["box"][2],
        focused["box"][3],
    ]
    # Only the element and what is round it is drawn, twice (the pixels `region` would cut
    # from two screenshots of the whole window, at a third of the time).
    clip = clip_in_window(view, page.viewport_size, scroll_x, scroll_y)
    area = 0
    if clip:
        with extra_style(page, CARET_HIDDEN):
            after = captured_pixels(page, clip)
            look = hashlib.sha1(focused["key"].encode() + after.tobytes()).hexdigest()
            if measured is None or look not in measured:
                page.evaluate(
                    "window.focusWalkHere = document.activeElement; document.activeElement.blur()"
                )
                before = captured_pixels(page, clip)
                page.evaluate("window.focusWalkHere.focus()")
                area = changed_area(before, after)
                if measured is not None:
                    measured[look] = area
            else:
                area = measured[look]
    if area < required_area(view):
        return f"{focused['what']}: {area} px² changed at 3:1, needs {required_area(view):.0f}"
    return None


def clip_in_window(view, window, scroll_x, scroll_y):
    """The box in the window (`view`) grown by AROUND and cut to the window, as a clip in
    page coordinates (Chromium's capture takes those); None when nothing of it is seen."""
    x, y, width, height = view
    left, top = max(int(round(x - AROUND)), 0), max(int(round(y - AROUND)), 0)
    right = min(int(round(x + width + AROUND)), window["width"])
    bottom = min(int(round(y + height + AROUND)), window["height"])
    if right <= left or bottom <= top:
        return None
    return {
        "x": left + scroll_x,
        "y": top + scroll_y,
        "width": right - left,
        "height": bottom - top,
    }
