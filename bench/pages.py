"""How fast the pages are, and how much a first visit moves over the wire.

Serves the site as `scripts/serve` does (scripts/start: gunicorn with gunicorn.conf.py, 2
workers) on a temporary instance and a free port, makes a person with a full draft (every
question answered, as a cookie), then measures with wrk (Debian package `wrk`), side by
side in one run, round after round:

  the static file    the site's stylesheet, at the address the pages give it
  the start page     /
  a question page    /register/work, with the draft's cookie
  check answers      /register/check, with the draft's cookie
  a cached clip      the read-aloud clip of the whole question page, made before

Each is printed as requests a second, p50 and p99 latency, and its share of the static
file's requests a second: medians of the rounds, each share worked out within its own
round (the machine may be busy with other work; shares measured side by side hold better
than absolute figures). Every request sends `Accept-Encoding: gzip, deflate, br`, as a
browser does.

Then Debian's Chromium (Playwright) makes a first visit to the question page and counts the
bytes of every response body as they came over the wire (compressed where they were), by
kind, beside GOV.UK Frontend 5's CSS + JS gzipped (27 KB); and a second visit, counting
what it asked the server for again.

    .venv/bin/python bench/pages.py [--rounds 5] [--seconds 5] [--connections 8]

Targets (issue 13): each page at least 40 % of the static file's requests a second with p99
under 20 ms at 8 connections; our CSS + JS at most half of 27 KB on the wire, the whole
first visit at most 60 KB. Exits 1 when a request failed (never for a missed target: the
figures are for reading).
"""

import argparse
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from browser_support import CHROMIUM_ARGS, FULL_CHROMIUM
from http_visitor import HttpVisitor
from people import MYSELF_IN_AARHUS
from served_site import ServedSite

ACCEPT_ENCODING = "gzip, deflate, br"
QUESTION = "/register/work"
CHECK = "/register/check"
GOVUK_FRONTEND_CSS_JS_GZIP_KB = 27.0  # 5.14: 15.8 KB CSS + 11.2 KB JS, gzip -9
# /static/css/site.css?v=<hash> before issue 13, /static/css/site.<hash>.css since.
STYLESHEET = re.compile(r'<link rel="stylesheet" href="([^"]*/site\.[^"]*)"')
PAGE_CLIP = re.compile(r'data-listen-page[^>]*data-listen-normal="(/listen/clip/[^"]+)"')
ANY_CLIP = re.compile(r'data-listen-normal="(/listen/clip/[^"]+\.mp3)"')
LATENCY = re.compile(r"^\s+(50|99)(?:\.000)?%\s+([\d.]+)(us|ms|s)\s*$", re.MULTILINE)
UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def parse_wrk(output):
    """{requests_per_second, p50, p99 (ms), failed} from wrk's --latency output."""
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    latency = {f"p{q}": float(v) * UNITS_MS[unit] for q, v, unit in LATENCY.findall(output)}
    failed = 0
    for pattern in (
        r"Non-2xx or 3xx responses:\s+(\d+)",
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)",
    ):
        found = re.search(pattern, output)
        if found:
            failed += sum(int(n) for n in found.groups())
    return {"rate": rate, **latency, "failed": failed}


def wrk(url, headers, seconds, connections, threads):
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency"]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    output = subprocess.run(command + [url], capture_output=True, text=True, check=True).stdout
    return parse_wrk(output)


def cookie_header(visitor):
    return "; ".join(f"{c.name}={c.value}" for c in visitor.jar)


def targets_of(site):
    """[(name, path, headers)]: what is measured, with a person's draft where it needs one."""
    person = HttpVisitor(site.base, timeout=120)
    at = person.answer_all(MYSELF_IN_AARHUS)
    if at.path != CHECK:
        raise RuntimeError(f"the draft stopped at {at.path}")
    question = person.request(QUESTION)
    clip = (PAGE_CLIP.search(question.html) or ANY_CLIP.search(question.html)).group(1)
    # Made once (synthesis), then served from the cache.
    with person.opener.open(site.base + clip, timeout=300) as made:
        made.read()
    stylesheet = STYLESHEET.search(person.request("/").html).group(1)
    anybody = {"Accept-Encoding": ACCEPT_ENCODING}
    with_draft = {**anybody, "Cookie": cookie_header(person)}
    return [
        ("static file", stylesheet, anybody),
        ("start page", "/", anybody),
        ("question page", QUESTION, with_draft),
        ("check answers", CHECK, with_draft),
        ("cached clip", clip, anybody),
    ], person


def measure(site, targets, rounds, seconds, connections, threads):
    """{name: [result of each round]}, every target once a round, side by side."""
    results = {name: [] for name, _path, _headers in targets}
    for number in range(1, rounds + 1):
        for name, path, headers in targets:
            result = wrk(site.base + path, headers, seconds, connections, threads)
            results[name].append(result)
        static = results["static file"][-1]["rate"]
        for name in results:
            results[name][-1]["share"] = results[name][-1]["rate"] / static
        print(
            f"round {number}/{rounds}: "
            + ", ".join(f"{name} {results[name][-1]['rate']:.0f}/s" for name in results),
            flush=True,
        )
    return results


def print_speed(results, connections):
    print(
        f"\nMedians of {len(results['static file'])} rounds, {connections} connections "
        "(share: of the static file's requests/s, within each round):"
    )
    print(f"{'what':<16}{'requests/s':>12}{'p50 ms':>9}{'p99 ms':>9}{'share':>8}   rounds (req/s)")
    for name, runs in results.items():
        median = {
            key: statistics.median(r[key] for r in runs) for key in ("rate", "p50", "p99", "share")
        }
        each = " ".join(f"{r['rate']:.0f}" for r in runs)
        print(
            f"{name:<16}{median['rate']:>12.0f}{median['p50']:>9.1f}{median['p99']:>9.1f}"
            f"{median['share']:>8.0%}   {each}"
        )
    pages = ("start page", "question page", "check answers")
    for name in pages:
        runs = results[name]
        share = statistics.median(r["share"] for r in runs)
        p99 = statistics.median(r["p99"] for r in runs)
        verdict = "met" if share >= 0.40 and p99 < 20 else "NOT met"
        print(f"  target for the {name} (>= 40 % and p99 < 20 ms): {verdict}")


def kind_of(url, content_type, resource_type):
    if resource_type == "document":
        return "HTML"
    if "css" in content_type:
        return "CSS"
    if "javascript" in content_type:
        return "JS"
    if "font" in content_type or url.endswith((".woff2", ".woff")):
        return "font"
    if "svg" in content_type:
        return "pictograms"
    return "other"


def access_lines(site):
    return [line for line in site.log_text().splitlines() if "logger=access" in line]


def visit_twice(site, person):
    """(bytes by kind on the first visit, the access-log lines of what a second visit in a
    new tab asked the server for besides the page itself)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=FULL_CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 768, "height": 1024})
        context.add_cookies(
            [{"name": c.name, "value": c.value, "url": site.base} for c in person.jar]
        )
        page = context.new_page()
        seen = []
        page.on("requestfinished", lambda request: seen.append(request))
        page.goto(site.base + QUESTION, wait_until="load")
        page.wait_for_load_state("networkidle")
        first = {}
        for request in seen:
            response = request.response()
            kind = kind_of(
                request.url,
                response.headers.get("content-type", ""),
                request.resource_type,
            )
            size = request.sizes()["responseBodySize"]
            count, total = first.get(kind, (0, 0))
            first[kind] = (count + 1, total + size)
        page.close()
        before = len(access_lines(site))
        page = context.new_page()
        page.goto(site.base + QUESTION, wait_until="load")
        page.wait_for_load_state("networkidle")
        browser.close()
    # The page itself is one line (route=journey.step); the rest were asked for again.
    again = [line for line in access_lines(site)[before:] if f"route={QUESTION} " not in line]
    return first, again


def print_wire(first, again):
    print(f"\nFirst visit to {QUESTION} (response bodies as they came over the wire):")
    for kind in ("HTML", "CSS", "JS", "font", "pictograms", "other"):
        if kind in first:
            count, size = first[kind]
            print(f"  {kind:<11}{count:>3} responses {size / 1000:>7.1f} KB")
    requests = sum(count for count, _ in first.values())
    total = sum(size for _, size in first.values()) / 1000
    css_js = sum(first.get(kind, (0, 0))[1] for kind in ("CSS", "JS")) / 1000
    print(f"  {'all':<11}{requests:>3} responses {total:>7.1f} KB   (target: at most 60 KB)")
    print(
        f"  CSS + JS {css_js:.1f} KB, beside GOV.UK Frontend 5's {GOVUK_FRONTEND_CSS_JS_GZIP_KB:.0f} KB "
        f"gzipped: {css_js / GOVUK_FRONTEND_CSS_JS_GZIP_KB:.0%} (target: at most 50 %)"
    )
    print(
        f"Second visit (a new tab): {len(again)} requests to the server besides the page"
        + "".join(f"\n  {line}" for line in again)
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--threads", type=int, default=2)
    arguments = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is missing: run scripts/setup bench (it installs the Debian package wrk)")
    with (
        tempfile.TemporaryDirectory(prefix="klapjob-pages-") as folder,
        ServedSite(folder) as site,
    ):
        targets, person = targets_of(site)
        for name, path, _headers in targets:
            print(f"{name:<16}{path}")
        results = measure(
            site,
            targets,
            arguments.rounds,
            arguments.seconds,
            arguments.connections,
            arguments.threads,
        )
        print_speed(results, arguments.connections)
        print_wire(*visit_twice(site, person))
        failed = sum(r["failed"] for runs in results.values() for r in runs)
    if failed:
        sys.exit(f"{failed} requests failed or did not answer 2xx/3xx")


if __name__ == "__main__":
    main()
