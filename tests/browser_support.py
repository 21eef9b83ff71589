"""A real headless Chromium (Debian's) driven by Playwright, against the site served on
127.0.0.1 by a real HTTP server with its own SQLite file."""

import json
import os
import threading
from pathlib import Path

from werkzeug.serving import make_server

# The tests drive Debian's chromium-headless-shell: the same Blink, of the same version, as
# the chromium package, without the whole browser around it. The gate's English tour took
# 55 s of the machine's CPU with it against 67-70 s with chromium (measured one after the
# other, twice), and the test suite is bound by CPU on two cores. The page-speed benchmark
# keeps the browser a person has (bench/pages.py, FULL_CHROMIUM).
CHROMIUM = os.environ.get("KLAPJOB_CHROMIUM", "/usr/lib/chromium/chromium-headless-shell")
FULL_CHROMIUM = os.environ.get("KLAPJOB_FULL_CHROMIUM", "/usr/bin/chromium")
# Without the background-networking flags the closed network here refuses connections.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = Path(__file__).resolve().parents[1] / "test-artifacts" / "screenshots"

TABLET_PORTRAIT = {"width": 768, "height": 1024}
TABLET_LANDSCAPE = {"width": 1024, "height": 768}
PHONE = {"width": 360, "height": 640}


class LiveServer:
    def __init__(self, app):
        self.app = app
        self.server = make_server("127.0.0.1", 0, app, threaded=True)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()


def screenshot_file(name):
    """Where the picture called `name` is kept for a person to look at (not in git)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS / f"{name}.png"


def screenshot(page, name):
    """The whole page as a PNG, by Playwright: it needs no script in the page (some tests
    turn JavaScript off, where a page's own timers never fire), and it waits for a page
    still loading after a press (Chromium's own capture, tried for speed, raced with it)."""
    page.screenshot(path=str(screenshot_file(name)), full_page=True)


# ---------------------------------------------------------------------------------------
# Checks run in the page

ROOT = Path(__file__).resolve().parents[1]
AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.0, 2.1 and 2.2 A and AA, and the AAA rules axe has (enhanced contrast).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "wcag2aaa"]
MINIMUM_TARGET = 44


def axe_results(page, tags=AXE_TAGS):
    """axe-core on the page as it is now: its violations as short readable lines, and how
    many contrast results it could not decide ("incomplete": text on a background it cannot
    see through). Those are not dropped: colours.py decides every text by pixels."""
    options = json.dumps(
        {"runOnly": {"type": "tag", "values": tags}, "resultTypes": ["violations", "incomplete"]}
    )
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_SCRIPT))
    result = page.evaluate(f"() => axe.run(document, {options})")
    violations = [
        f"{v['id']} ({v['impact']}): {node['target']} {node['failureSummary'][:160]}"
        for v in result["violations"]
        for node in v["nodes"]
    ]
    to_review = sum(len(i["nodes"]) for i in result["incomplete"] if "contrast" in i["id"])
    return violations, to_review


def load_axe_on_every_page(context):
    """axe-core in every page of `context` as it loads: Chromium is sent the script once,
    instead of half a megabyte with each page (0.2-0.3 s a page in the gate's walks)."""
    context.add_init_script(path=str(AXE_SCRIPT))


def axe_violations(page, tags=AXE_TAGS):
    return axe_results(page, tags)[0]


SMALL_TARGETS_SCRIPT = """
min => {
  const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary';
  const small = [];
  for (const element of document.querySelectorAll(selector)) {
    let box = element.getBoundingClientRect();
    // A radio button or checkbox is pressed through its label: the card is the target.
    if ((element.type === 'radio' || element.type === 'checkbox') && element.labels.length) {
      box = element.labels[0].getBoundingClientRect();
    }
    const hidden = box.width === 0 || box.right < 0 || getComputedStyle(element).visibility === 'hidden';
    if (!hidden && (box.width < min || box.height < min)) {
      small.push(`${element.tagName.toLowerCase()} "${(element.innerText || element.value || element.name || '').trim().slice(0, 40)}" ${Math.round(box.width)}x${Math.round(box.height)}`);
    }
  }
  return small;
}
"""


def small_targets(page):
    return page.evaluate(SMALL_TARGETS_SCRIPT, MINIMUM_TARGET)


HORIZONTAL_OVERFLOW = (
    "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
)


def horizontal_overflow(page):
    """How many CSS px the page is wider than the window (0 when it reflows)."""
    return page.evaluate(HORIZONTAL_OVERFLOW)


# WCAG 1.4.12: a person's own style sheet may widen the spacing; nothing may break.
TEXT_SPACING_CSS = """
* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
    word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }
"""


def clipped_text(page):
    """Elements whose text is cut off: overflowing a box that hides or clips it."""
    return page.evaluate(
        """() => [...document.querySelectorAll('body *')].filter(e => {
             const style = getComputedStyle(e);
             const hides = ['hidden', 'clip'].includes(style.overflowX) || ['hidden', 'clip'].includes(style.overflowY);
             // A text field scrolls what does not fit: that is how it is made, not cut off.
             if (['INPUT', 'TEXTAREA', 'SELECT'].includes(e.tagName)) return false;
             return hides && !e.classList.contains('visually-hidden') && e.offsetParent !== null
               && (e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1);
           }).map(e => e.tagName + '.' + e.className)"""
    )


# A word of everyday length drawn on two or more lines: its column has been squeezed
# (e.g. a grid laid out for normal letters, shown with the largest). Long words (an address,
# an email) may wrap: that is overflow-wrap doing its job.
BROKEN_WORDS = """
longest => {
  const broken = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || !parent.checkVisibility() || parent.closest('.visually-hidden')) continue;
    for (const match of node.data.matchAll(/[\\p{L}]{2,}/gu)) {
      if (match[0].length > longest) continue;
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const rects = [...range.getClientRects()].filter(r => r.width > 0);
      // A word after a soft hyphen (a compound broken at its joint, word_joints.py): the
      // drawn hyphen's box, on the line before, comes first; it is not the word's.
      if (node.data[match.index - 1] === '\u00ad' && rects.length > 1) rects.shift();
      const lines = new Set(rects.map(r => Math.round(r.top)));
      if (lines.size > 1) broken.push(`${parent.tagName.toLowerCase()} "${match[0]}"`);
    }
  }
  return broken.slice(0, 5);
}
"""


def broken_words(page, longest=12):
    """Everyday words split over lines, which no reader can read (at most five named)."""
    return page.evaluate(BROKEN_WORDS, longest)


WIDEST_ELEMENTS = """
limit => [...document.querySelectorAll('body *')]
  .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
  .slice(-limit)
  .map(e => `${e.tagName.toLowerCase()}.${e.className} "${(e.innerText || '').trim().slice(0, 30)}"`)
"""


def widest_elements(page, limit=3):
    """The elements that stick out of the window on the right, to say what to fix."""
    return page.evaluate(WIDEST_ELEMENTS, limit)
