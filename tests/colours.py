"""Contrast as a person sees it: the colour of the text, as the browser computes it, against
the pixels behind it, from a screenshot with the text made transparent. Whatever paints the
background (a highlight with !important, a shadow, a picture, a box on top) is in the pixels,
so nothing is left "to review" as axe-core leaves it.

WCAG 2.2's formula (relative luminance, sRGB); text must reach 7:1 (1.4.6, AAA) whatever its
size, and the edge of a control 3:1 against what is around it (1.4.11).
"""

import base64
import functools
import io
import weakref
from contextlib import contextmanager
from dataclasses import dataclass

import numpy
from PIL import Image

TEXT_MINIMUM = 7.0
CONTROL_MINIMUM = 3.0
# A colour counts as "behind the text" when it covers this share of the text's box: the
# anti-aliased corner of a rounded box is not a background.
BACKGROUND_SHARE = 0.15

HIDE_TEXT_CSS = """
*, *::before, *::after {
  color: transparent !important; -webkit-text-fill-color: transparent !important;
  text-shadow: none !important; caret-color: transparent !important;
  text-decoration-color: transparent !important;
}
::highlight(listen-word) { color: transparent !important; text-decoration-color: transparent !important; }
"""

# Every visible run of text: its colour (after the opacity of its ancestors), and the boxes
# of its lines in page coordinates. A word highlighted while it is read is a run of its own,
# in the highlight's colours. Visually hidden text (for screen readers) is not seen.
TEXT_RUNS_SCRIPT = """
() => {
  const runs = [];
  const modal = document.querySelector('dialog:modal');
  const seen = element => {
    if (!element.checkVisibility({opacityProperty: true, visibilityProperty: true})) return false;
    if (modal && !modal.contains(element)) return false;  // inert under the backdrop
    if (element.closest('.visually-hidden, option, script, style, noscript, template')) return false;
    return true;
  };
  const opacity = element => {
    let value = 1;
    for (let e = element; e; e = e.parentElement) value *= Number(getComputedStyle(e).opacity);
    return value;
  };
  const boxes = rectList => [...rectList]
    .filter(r => r.width >= 2 && r.height >= 2)
    .map(r => [r.left + scrollX, r.top + scrollY, r.width, r.height]);
  const describe = element => {
    const text = (element.innerText || element.value || '').trim().replace(/\\s+/g, ' ');
    return `${element.tagName.toLowerCase()}${element.id ? '#' + element.id : ''}`
      + `${element.classList.length ? '.' + [...element.classList].join('.') : ''} "${text.slice(0, 40)}"`;
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement;
    if (!node.data.trim() || !element || !seen(element)) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const rects = boxes(range.getClientRects());
    if (!rects.length) continue;
    const style = getComputedStyle(element);
    runs.push({what: describe(element), colour: style.webkitTextFillColor || style.color,
               opacity: opacity(element), rects, word: false});
  }
  for (const field of document.querySelectorAll('input:not([type=hidden]):not([type=radio]):not([type=checkbox]), select, textarea')) {
    if (!seen(field) || !(field.value || field.placeholder)) continue;
    const style = getComputedStyle(field);
    const r = field.getBoundingClientRect();
    const inset = parseFloat(style.borderLeftWidth) + parseFloat(style.paddingLeft);
    const top = parseFloat(style.borderTopWidth) + parseFloat(style.paddingTop);
    runs.push({what: describe(field), colour: style.color, opacity: opacity(field),
               rects: [[r.left + scrollX + inset, r.top + scrollY + top, Math.min(r.width - 2 * inset, 200), r.height - 2 * top]], word: false});
  }
  // A word broken at a soft hyphen draws a hyphen that Chromium does not paint as part of
  // the highlight (it keeps the text's own colours, measured with its text run above); its
  // box is the soft hyphen's, and is left out of the word's boxes.
  const drawnHyphens = range => {
    const node = range.startContainer, found = [];
    if (node !== range.endContainer || node.nodeType !== Node.TEXT_NODE) return found;
    for (let i = range.startOffset; i < range.endOffset; i++) {
      if (node.data[i] !== '\u00ad') continue;
      const hyphen = document.createRange();
      hyphen.setStart(node, i);
      hyphen.setEnd(node, i + 1);
      found.push(...boxes(hyphen.getClientRects()));
    }
    return found;
  };
  const word = window.CSS && CSS.highlights && CSS.highlights.get('listen-word');
  for (const range of word ? word : []) {
    const container = range.startContainer;
    const element = container.nodeType === Node.ELEMENT_NODE ? container : container.parentElement;
    if (!seen(element)) continue;
    const style = getComputedStyle(element, '::highlight(listen-word)');
    const hyphens = drawnHyphens(range);
    const rects = boxes(range.getClientRects())
      .filter(r => !hyphens.some(h => h.every((value, i) => Math.abs(value - r[i]) < 0.5)));
    runs.push({what: 'highlighted word "' + range.toString() + '" in ' + describe(element),
               colour: style.color, opacity: opacity(element), rects, word: true});
  }
  return runs;
}
"""

# The controls a person must find: their edge against what is around them.
CONTROLS_SCRIPT = """
() => [...document.querySelectorAll(
    'button, input:not([type=hidden]):not([type=radio]):not([type=checkbox]), select, textarea,'
    + ' .choice-card__label, a.button, .listen-speed__choice, .header-action')]
  .filter(e => e.checkVisibility({opacityProperty: true, visibilityProperty: true}))
  .filter(e => !document.querySelector('dialog:modal') || document.querySelector('dialog:modal').contains(e))
  // The element with focus is drawn with its focus ring: focus_appearance.py measures that.
  .filter(e => e !== document.activeElement)
  .map(e => {
    const r = e.getBoundingClientRect();
    const text = (e.innerText || e.value || e.getAttribute('aria-label') || '').trim().replace(/\\s+/g, ' ');
    return {what: `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} "${text.slice(0, 40)}"`,
            box: [r.left + scrollX, r.top + scrollY, r.width, r.height]};
  })
  .filter(c => c.box[2] >= 8 && c.box[3] >= 8)
"""


@contextmanager
def extra_style(page, css):
    """A style sheet of the test's own, added through the CSS object model: the site's
    Content-Security-Policy (rightly) refuses a <style> element, and stays on."""
    page.evaluate(
        """css => { const sheet = new CSSStyleSheet(); sheet.replaceSync(css);
                    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]; }""",
        css,
    )
    try:
        yield
    finally:
        page.evaluate(
            "() => { document.adoptedStyleSheets = document.adoptedStyleSheets.slice(0, -1); }"
        )


def parse_colour(css):
    """'rgb(1, 2, 3)' or 'rgba(1, 2, 3, 0.5)' -> (r, g, b, alpha)."""
    inside = css[css.index("(") + 1 : css.rindex(")")].replace("/", " ").replace(",", " ")
    parts = [float(p) for p in inside.split()]
    return (*parts[:3], parts[3] if len(parts) > 3 else 1.0)


def luminance(rgb):
    channels = numpy.asarray(rgb, dtype=float)[..., :3] / 255.0
    linear = numpy.where(channels <= 0.04045, channels / 12.92, ((channels + 0.055) / 1.055) ** 2.4)
    return linear @ numpy.array([0.2126, 0.7152, 0.0722])


def contrast(first, second):
    """WCAG contrast ratio of two colours (or of two arrays of colours, pixel by pixel)."""
    a, b = luminance(first), luminance(second)
    return (numpy.maximum(a, b) + 0.05) / (numpy.minimum(a, b) + 0.05)


@functools.lru_cache(maxsize=4096)
def colour_luminance(rgb):
    """luminance() of one colour, without numpy: a pass asks for a few hundred of them,
    where numpy's cost of setting up outweighs its arithmetic."""
    linear = [
        c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
        for c in (value / 255.0 for value in rgb[:3])
    ]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def colour_contrast(first, second):
    """contrast() of two colours, as a float."""
    a, b = colour_luminance(tuple(first)), colour_luminance(tuple(second))
    return (max(a, b) + 0.05) / (min(a, b) + 0.05)


_CAPTURES = weakref.WeakKeyDictionary()  # page -> its DevTools session
CARET_HIDDEN = "* { caret-color: transparent !important; }"


def screenshot_pixels(page, clip=None):
    """The page's pixels (or those of `clip`, CSS px), by Chromium's own capture with its
    fast PNG encoder: the same pixels as page.screenshot(), in half the time on a tall page
    (the gate takes thousands). Playwright's screenshot also stops animations; the site has
    none (tests/test_style_sheets.py keeps it so). The caret is hidden as caret="hide" does."""
    with extra_style(page, CARET_HIDDEN):
        return captured_pixels(page, clip)


def captured_png(page, clip=None):
    """The PNG Chromium captures of the page as it is (the caret hidden by the caller)."""
    session = _CAPTURES.get(page)
    if session is None:
        session = _CAPTURES[page] = page.context.new_cdp_session(page)
    options = {"format": "png", "optimizeForSpeed": True}
    if clip:
        options["clip"] = {**clip, "scale": 1}
    return base64.b64decode(session.send("Page.captureScreenshot", options)["data"])


def captured_pixels(page, clip=None):
    return numpy.asarray(Image.open(io.BytesIO(captured_png(page, clip))).convert("RGB"))


def region(pixels, box, grow=0.0):
    """The pixels of `box` ([x, y, width, height], CSS px at scale 1), grown on every side,
    cut to the image; also the box's place in the image as slices."""
    x, y, width, height = box
    left, top = max(int(round(x - grow)), 0), max(int(round(y - grow)), 0)
    right = min(int(round(x + width + grow)), pixels.shape[1])
    bottom = min(int(round(y + height + grow)), pixels.shape[0])
    if right <= left or bottom <= top:
        return None
    return pixels[top:bottom, left:right]


def packed(colours):
    """Colours (..., 3) as one number each, which numpy counts much faster than rows."""
    colours = colours.reshape(-1, 3).astype(numpy.int32)
    return (colours[:, 0] << 16) | (colours[:, 1] << 8) | colours[:, 2]


def unpacked(number):
    number = int(number)
    return (number >> 16 & 255, number >> 8 & 255, number & 255)


def packed_image(pixels):
    """The image's colours as one number a pixel (height x width), made once a pass."""
    colours = pixels.astype(numpy.int32)
    return (colours[..., 0] << 16) | (colours[..., 1] << 8) | colours[..., 2]


def colours_behind(codes, mask=None):
    """The colours (packed_image) that cover at least BACKGROUND_SHARE of the pixels, most
    common first."""
    values = codes if mask is None else codes[mask]
    if values.size == 0:
        return []
    if values.min() == values.max():  # most text stands on one colour: nothing to count
        return [unpacked(values.flat[0])]
    found, counts = numpy.unique(values, return_counts=True)
    order = numpy.argsort(-counts)
    return [unpacked(found[i]) for i in order if counts[i] >= BACKGROUND_SHARE * values.size]


def seen_colour(text_colour, opacity, background):
    r, g, b, alpha = text_colour
    alpha *= opacity
    return tuple(
        alpha * c + (1 - alpha) * behind for c, behind in zip((r, g, b), background, strict=False)
    )


@dataclass
class Finding:
    what: str
    ratio: float
    colours: str

    def __str__(self):
        return f"{self.what}: {self.ratio:.2f}:1 ({self.colours})"

    __repr__ = __str__


def hex_colour(rgb):
    return "#" + "".join(f"{int(round(c)):02x}" for c in rgb[:3])


# Every picture loaded (lazy ones too: a person scrolls to them) and every font, so that
# nothing moves between measuring the page and taking its picture. The deadline is a
# safety net only: a picture that never answers, or a frame Chromium never draws, once
# kept a walk waiting for ever; past it the gate goes on with what the page shows.
SETTLE = """
deadline => {
  const images = [...document.images];
  images.forEach(image => { image.loading = 'eager'; });
  const settled = Promise.all([document.fonts.ready, ...images.map(image => image.complete ? null
    : new Promise(done => { image.addEventListener('load', done); image.addEventListener('error', done); }))])
    .then(() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done))))
    .then(() => true);
  return Promise.race([settled, new Promise(done => setTimeout(() => done(false), deadline))]);
}
"""
SETTLE_DEADLINE_MS = 60_000


def settle(page, deadline_ms=SETTLE_DEADLINE_MS):
    """True when everything arrived and was drawn; False when the deadline came first."""
    return page.evaluate(SETTLE, deadline_ms)


@contextmanager
def whole_page_in_view(page):
    """A window as tall as the page: nothing scrolls between measuring and the screenshot
    (a full-page screenshot lays the page out again)."""
    window = page.viewport_size
    height = page.evaluate("document.documentElement.scrollHeight")
    page.set_viewport_size({"width": window["width"], "height": max(window["height"], height)})
    try:
        settle(page)
        yield
    finally:
        page.set_viewport_size(window)


# One trip to the page for what a contrast pass reads before its screenshot: everything
# settled, the text runs and the controls measured, then the text hidden (and the caret) by
# a sheet of the test's own, which the next trip takes away. Each trip to Chromium and back
# costs 5-15 ms; a pass made eleven of them, thousands of passes a run.
LOOK_THEN_HIDE_TEXT = (
    "async ([deadline, css]) => {\n"
    f"  const settled = await ({SETTLE.strip()})(deadline);\n"
    f"  const runs = ({TEXT_RUNS_SCRIPT.strip()})();\n"
    f"  const controls = ({CONTROLS_SCRIPT.strip()})();\n"
    """
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  window.contrastPassSheet = sheet;
  return [settled, runs, controls];
}
"""
)
HIDE_TEXT_TOO = "css => window.contrastPassSheet.replaceSync(css)"
SHOW_TEXT_AGAIN = """
() => { document.adoptedStyleSheets = document.adoptedStyleSheets
          .filter(sheet => sheet !== window.contrastPassSheet); }
"""


def looked_at_without_text(page, picture=None):
    """The text runs, the controls and the pixels behind them, in a window as tall as the
    page (so that nothing scrolls between measuring and the screenshot). With `picture` (a
    path), the page as a person sees it is kept there too, from the same settled page."""
    window = page.viewport_size
    height = page.evaluate("document.documentElement.scrollHeight")
    page.set_viewport_size({"width": window["width"], "height": max(window["height"], height)})
    try:
        hidden = CARET_HIDDEN if picture else HIDE_TEXT_CSS + CARET_HIDDEN
        _, runs, controls = page.evaluate(LOOK_THEN_HIDE_TEXT, [SETTLE_DEADLINE_MS, hidden])
        try:
            if picture:
                picture.write_bytes(captured_png(page))
                page.evaluate(HIDE_TEXT_TOO, HIDE_TEXT_CSS + CARET_HIDDEN)
            behind = captured_pixels(page)
        finally:
            page.evaluate(SHOW_TEXT_AGAIN)
    finally:
        page.set_viewport_size(window)
    return runs, controls, behind


def contrast_problems(page, picture=None):
    """Text below 7:1 and controls below 3:1, from one screenshot with the text hidden."""
    runs, controls, behind = looked_at_without_text(page, picture)
    return text_problems(behind, runs) + control_problems(behind, controls)


def text_contrast_problems(page, minimum=TEXT_MINIMUM):
    """Every run of visible text below `minimum` against the pixels behind it."""
    runs, _, behind = looked_at_without_text(page)
    return text_problems(behind, runs, minimum)


def text_problems(behind, runs, minimum=TEXT_MINIMUM):
    word_boxes = [rect for run in runs if run["word"] for rect in run["rects"]]
    codes = packed_image(behind)
    problems = []
    for run in runs:
        worst = worst_text_contrast(codes, run, [] if run["word"] else word_boxes)
        if worst and worst.ratio < minimum:
            problems.append(worst)
    return problems


def worst_text_contrast(codes, run, cut_out):
    text_colour = parse_colour(run["colour"])
    worst = None
    for rect in run["rects"]:
        pixels = region(codes, rect)
        if pixels is None:
            continue
        mask = None
        for other in cut_out:
            if mask is None:
                mask = numpy.ones(pixels.shape[:2], dtype=bool)
            blank_overlap(mask, rect, other)
        for background in colours_behind(pixels, mask):
            seen = seen_colour(text_colour, run["opacity"], background)
            ratio = colour_contrast(seen, background)
            if worst is None or ratio < worst.ratio:
                worst = Finding(
                    run["what"], ratio, f"{hex_colour(seen)} on {hex_colour(background)}"
                )
    return worst


def blank_overlap(mask, rect, other):
    """Leave out of `mask` (the pixels of `rect`) those under `other`."""
    x, y = int(round(rect[0])), int(round(rect[1]))
    left = max(int(round(other[0])) - x, 0)
    top = max(int(round(other[1])) - y, 0)
    right = min(int(round(other[0] + other[2])) - x, mask.shape[1])
    bottom = min(int(round(other[1] + other[3])) - y, mask.shape[0])
    if right > left and bottom > top:
        mask[top:bottom, left:right] = False


def control_contrast_problems(page, minimum=CONTROL_MINIMUM):
    """Controls whose edge (border or fill) is below `minimum` against what is around them."""
    with whole_page_in_view(page):
        controls = page.evaluate(CONTROLS_SCRIPT)
        pixels = screenshot_pixels(page)
    return control_problems(pixels, controls, minimum)


def control_problems(pixels, controls, minimum=CONTROL_MINIMUM):
    problems = []
    for control in controls:
        ratio, colours = edge_contrast(pixels, control["box"])
        if ratio is not None and ratio < minimum:
            problems.append(Finding(control["what"], ratio, colours))
    return problems


def ring(pixels, box, outer, inner):
    """The pixels between the box grown by `outer` and the box grown by `inner` (negative
    shrinks), as a flat list of colours."""
    whole = region(pixels, box, outer)
    if whole is None:
        return numpy.empty((0, 3))
    x, y = max(int(round(box[0] - outer)), 0), max(int(round(box[1] - outer)), 0)
    mask = numpy.ones(whole.shape[:2], dtype=bool)
    hole = [box[0] - inner, box[1] - inner, box[2] + 2 * inner, box[3] + 2 * inner]
    if hole[2] > 0 and hole[3] > 0:
        blank_overlap(mask, [x, y], hole)
    return whole[mask]


def most_common(colours):
    if len(colours) == 0:
        return None
    found, counts = numpy.unique(packed(colours), return_counts=True)
    return unpacked(found[numpy.argmax(counts)])


def edge_contrast(pixels, box):
    """The best of: the colours of the control's edge (its outer 3 px) or of its fill,
    against the colour of the 3 px round it. A colour counts when it covers a tenth of the
    edge: a border at half a pixel is drawn as one full line and two blended ones."""
    around = most_common(ring(pixels, box, 4, 1))
    edge = ring(pixels, box, 0, -3)
    fill_pixels = region(pixels, [box[0] + 3, box[1] + 3, box[2] - 6, box[3] - 6])
    if around is None or len(edge) == 0:
        return None, ""
    candidates = common_colours(edge, 0.1)
    if fill_pixels is not None:
        candidates.append(most_common(fill_pixels.reshape(-1, 3)))
    best = max((float(contrast(c, around)), c) for c in candidates)
    return best[0], f"{hex_colour(best[1])} against {hex_colour(around)}"


def common_colours(colours, share):
    found, counts = numpy.unique(packed(colours), return_counts=True)
    return [unpacked(c) for c, n in zip(found, counts, strict=True) if n >= share * len(colours)]
