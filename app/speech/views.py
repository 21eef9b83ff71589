"""The addresses of sound: clips for everybody, clips of a person's own answers, and the
choice of speed.

    GET /listen/clip/<key>.mp3        a clip of a text the site showed (kept, cacheable)
    GET /listen/clip/<key>.json       when each of its words starts
    GET /listen/own/<token>/<speed>/<digest>.mp3|.json   a passage of a person's own page
    GET /listen/own/<token>/<speed>/page.mp3             that whole page
    GET /listen/speed/<speed>?next=/path                 normal or slow, remembered
    GET /listen/allowance                                 {"busy": true} past the budget

Nothing a request sends becomes a file path or a text to synthesise: a key must be 32 hex
digits of a text some page showed, a token must carry our signature.
"""

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    jsonify,
    redirect,
    request,
    send_file,
    url_for,
)
from werkzeug.routing import BaseConverter

from app.core.site_text import gettext as _
from app.speech import own
from app.speech.clips import ClipUnavailable, ClipUnknown
from app.speech.engine.audio_format import MIME_TYPE
from app.speech.personal import TooMuchSpeech, over_budget, personal_clip, personal_page
from app.web.cookies import SPEED_COOKIE, set_private_cookie
from app.web.i18n import safe_local_path
from app.web.listenable import not_listenable

blueprint = Blueprint("speech", __name__, url_prefix="/listen")
SPEED_COOKIE_DAYS = 365
# Long enough for a page token; anything longer is not ours.
LONGEST_TOKEN = 300


class ClipKey(BaseConverter):
    regex = "[0-9a-f]{32}"


class PageToken(BaseConverter):
    regex = f"[A-Za-z0-9_.-]{{10,{LONGEST_TOKEN}}}"


class Digest(BaseConverter):
    regex = "[A-Za-z0-9_-]{22}"


CONVERTERS = {"clipkey": ClipKey, "pagetoken": PageToken, "digest": Digest}


def clips():
    return current_app.extensions["klapjob_speech"]


def not_now():
    """Synthesis does not work just now: say so plainly, and that trying again may help."""
    response = Response("The sound is not working right now.\n", 503, mimetype="text/plain")
    response.headers["Retry-After"] = str(int(clips().settings.retry_after))
    return response


@blueprint.get("/clip/<clipkey:key>.<any(mp3, json):kind>")
@not_listenable
def clip(key, kind):
    try:
        unkept = clips().make(key)
    except ClipUnknown:
        abort(404)
    except ClipUnavailable:
        return not_now()
    if unkept is not None:  # the cache is full: made for this request only
        mp3, timings = unkept
        if kind == "json":
            return jsonify(timings) if timings else abort(404)
        return Response(mp3, mimetype=MIME_TYPE)
    cache = clips().cache
    if kind == "json":
        path = cache.timings_path(key)
        if not path.exists():  # a whole page has no timings of its own
            abort(404)
        return send_file(path, mimetype="application/json", conditional=True, etag=key)
    return send_file(cache.clip_path(key), mimetype=MIME_TYPE, conditional=True, etag=key)


def too_much_now():
    """The budget of this client is used: the sound waits a moment, the pages do not."""
    response = Response(
        _("Too much sound just now. Wait a moment, and try again.") + "\n",
        429,
        mimetype="text/plain",
    )
    response.headers["Retry-After"] = "60"
    return response


def visitor_page(token):
    found = own.read_page_token(token)
    if found is None:
        abort(404)
    page = own.page_for_visitor(*found)
    if page is None:
        abort(404)
    return page


@blueprint.get(
    "/own/<pagetoken:token>/<any(normal, slow):speed>/<digest:digest>.<any(mp3, json):kind>"
)
@not_listenable
def own_clip(token, speed, digest, kind):
    if over_budget():  # before rendering the page again: a stranger's loop stays cheap
        return too_much_now()
    passage = visitor_page(token).found.get(digest) or abort(404)
    try:
        mp3, timings = personal_clip(clips(), passage, speed)
    except ClipUnavailable:
        return not_now()
    except TooMuchSpeech:
        return too_much_now()
    if kind == "json":
        return jsonify(timings)
    return private_audio(mp3)


@blueprint.get("/own/<pagetoken:token>/<any(normal, slow):speed>/page.mp3")
@not_listenable
def own_page(token, speed):
    if over_budget():
        return too_much_now()
    passages = visitor_page(token).page_passages or abort(404)
    try:
        return private_audio(personal_page(clips(), passages, speed))
    except (ClipUnavailable, ClipUnknown):
        return not_now()
    except TooMuchSpeech:
        return too_much_now()


@blueprint.get("/allowance")
@not_listenable
def allowance():
    """Whether this client may have sound made now: listen.js asks when a clip failed, to
    say "wait a moment" rather than "not working"."""
    return jsonify(busy=over_budget())


def private_audio(mp3):
    """Sound made for one person: no-store (security.py), and ranges for Safari."""
    response = Response(mp3, mimetype=MIME_TYPE)
    return response.make_conditional(request, accept_ranges=True, complete_length=len(mp3))


@blueprint.get("/speed/<any(normal, slow):speed>")
@not_listenable
def choose_speed(speed):
    """Remember the speed. A link without JavaScript, a fetch with it."""
    if request.accept_mimetypes.best == "application/json":
        response = jsonify(speed=speed)
    else:
        back_to = safe_local_path(request.args.get("next"), fallback=url_for("pages.start"))
        response = redirect(back_to)
    return set_private_cookie(response, SPEED_COOKIE, speed, days=SPEED_COOKIE_DAYS)
