"""`flask audio build`: every text the pages show to everybody, in every language and at
both speeds, made ahead of time, so that the first person to press play waits for nothing.
Incremental: only clips that are not on disk yet are made.

`flask audio prune`: remove every clip and text no page shows any more (`flask data purge`
runs it too)."""

import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from itertools import chain, zip_longest

import click
from flask import current_app
from flask.cli import AppGroup

from app.speech.clips import ClipUnavailable
from app.speech.walk import every_shown_key

audio = AppGroup("audio", help="Read-aloud clips.")


@audio.command("build")
@click.option("--jobs", default=4, show_default=True, help="Clips made at the same time.")
def build_command(jobs):
    """Make the clip of every text every page shows, in every language, at both speeds."""
    clips = current_app.extensions["klapjob_speech"]
    started = time.monotonic()
    click.echo("Reading every page in every language...")
    keys = every_shown_key(current_app)
    records = {key: clips.cache.record(key) for key in keys}
    missing = [key for key in keys if not clips.cache.has_clip(key)]
    passages = spread_over_voices([k for k in missing if records[k]["kind"] == "passage"], records)
    sequences = [k for k in missing if records[k]["kind"] == "sequence"]

    failed = 0

    def make(key):
        try:
            clips.make(key)
            return True
        except ClipUnavailable:
            return False

    with click.progressbar(
        length=len(missing), label=f"Making {len(missing)} of {len(keys)} clips"
    ) as bar:
        with ThreadPoolExecutor(max_workers=jobs) as pool:
            for made in chain(pool.map(make, passages), map(make, sequences)):
                failed += not made
                bar.update(1)

    on_disk, size = clips.cache.totals()
    click.echo(
        f"{len(keys)} clips for the pages ({len(missing) - failed} made now, {failed} failed); "
        f"{on_disk} clips, {size:,} bytes ({size / 1e6:.1f} MB) in {clips.cache.root}; "
        f"{time.monotonic() - started:.1f} s."
    )
    if failed:
        raise SystemExit(1)


def spread_over_voices(keys, records):
    """Each voice has its own synthesis process: take turns, so all of them work at once."""
    by_voice = defaultdict(list)
    for key in keys:
        by_voice[(records[key]["language"], records[key]["speed"])].append(key)
    return [key for turn in zip_longest(*by_voice.values()) for key in turn if key]


def prune(app):
    """(files, bytes) removed: everything in the cache that no page shows now."""
    clips = app.extensions["klapjob_speech"]
    return clips.cache.prune(every_shown_key(app))


@audio.command("prune")
def prune_command():
    """Remove the clips and texts no page shows any more."""
    removed, freed = prune(current_app)
    click.echo(f"Removed {removed} files ({freed / 1e6:.1f} MB) no page shows any more.")
