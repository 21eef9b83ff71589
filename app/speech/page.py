"""What can be listened to on the page being rendered: one `Listening` per request.

Templates ask it for a control beside a question, a choice, a hint, an error or an answer
(templates/components/listen.html); base.html asks it to read the whole page from the
heading down. A passage all of whose words the site wrote (site_text.py) gets a
content-addressed clip, kept and shared; a passage with anything a person typed or was
given gets a personal address (own.py, personal.py), on whatever page it shows.
"""

from dataclasses import dataclass

from flask import current_app, g, request, url_for
from markupsafe import Markup, escape

from app.core import codes
from app.core.site_text import gettext as _
from app.core.site_text import is_all_site, is_site, without_marks
from app.speech import own
from app.speech.blocks import readable_blocks, with_attributes
from app.speech.clips import SPEEDS
from app.speech.text import Passage, normalise
from app.web.cookies import SPEED_COOKIE, read_cookie
from app.web.i18n import current_language
from app.web.listenable import listenable_request

DIGEST_PLACEHOLDER = "D" * 22  # a digest's length (own.digest)


@dataclass
class Control:
    label: str
    sources: dict  # speed -> address
    speed: str
    # "Lyden virker ikke lige nu", when we know already that this clip cannot be had.
    problem: str | None = None

    @property
    def src(self):
        return self.sources[self.speed]


@dataclass
class PageAudio:
    html: Markup
    control: Control | None


def chosen_speed():
    speed = read_cookie(SPEED_COOKIE)
    return speed if speed in SPEEDS else "normal"


def listening():
    """This request's Listening: a silent one unless the view is @listenable (error pages
    with no view are citizens' pages too: web/listenable.py)."""
    if "listening" not in g:
        g.listening = Listening() if listenable_request() else NotListening()
    return g.listening


class NotListening:
    enabled = False

    def control(self, *texts):
        return None

    def page(self, main_html):
        return PageAudio(Markup(without_marks(main_html)), None)


def block_passage(language, chunks):
    """(passage, is the site's) of a block read from the page, its marks taken off."""
    clean = tuple(text for text in (normalise(without_marks(c)) for c in chunks) if text)
    return Passage(language, clean), all(is_all_site(chunk) for chunk in chunks)


class Listening:
    enabled = True

    def __init__(self):
        self.clips = current_app.extensions["klapjob_speech"]
        self.language = current_language()
        self.speed = chosen_speed()
        self.nonce = g.get("listen_nonce") or codes.new_token(9)
        self.found = {}  # digest -> a personal passage on this page
        self.page_passages = []  # (passage, is the site's), the whole page in order
        self.synthesis_failing = self.clips.failing()

    def control(self, *texts):
        """A control that reads `texts` (one passage), or None when there are no words."""
        texts = [text for text in texts if text]
        if not all(is_site(text) for text in texts):
            passage = Passage.of(self.language, *(without_marks(str(t)) for t in texts))
            if not passage:
                return None
            return Control(
                _("Listen to: %(text)s", text=passage.text),
                self._sources(passage, False),
                self.speed,
                self._problem(None),
            )
        shared = self._shared_control(texts)
        if shared is None:
            return None
        passage, label, keys = shared
        sources = {speed: self._clip_address(key) for speed, key in keys.items()}
        return Control(label, sources, self.speed, self._problem([keys[self.speed]]))

    def _shared_control(self, texts):
        """(passage, label, {speed: key}) of the site's own texts, or None without words."""
        # (language, script root, texts) -> (passage, label, {speed: key})
        controls = self.clips.for_pages.setdefault("controls", {})
        cache_key = (self.language, request.script_root, tuple(str(t) for t in texts))
        found = controls.get(cache_key, False)
        if found is False or self.clips.collected is not None:
            passage = Passage.of(self.language, *(without_marks(t) for t in cache_key[2]))
            found = None
            if passage:
                keys = {speed: self._key(passage, speed) for speed in SPEEDS}
                found = (passage, _("Listen to: %(text)s", text=passage.text), keys)
            controls[cache_key] = found
        return found

    def page(self, main_html):
        """The main content with each block marked for reading, and the control that reads
        it all."""
        additions, passages = [], []
        for element, chunks in readable_blocks(main_html):
            passage, shared = block_passage(self.language, chunks)
            if not passage:
                continue
            passages.append((passage, shared))
            additions.append(
                (
                    element,
                    "".join(
                        f' data-listen-{speed}="{escape(address)}"'
                        for speed, address in self._sources(passage, shared).items()
                    ),
                )
            )
        self.page_passages = passages
        html = Markup(without_marks(with_attributes(main_html, additions)))
        if not passages:
            return PageAudio(html, None)
        if all(shared for _passage, shared in passages):
            keys = {speed: [self._key(p, speed) for p, _ in passages] for speed in SPEEDS}
            sources = {
                speed: self._clip_address(
                    self.clips.remember_sequence(self.language, speed, keys[speed])
                )
                for speed in SPEEDS
            }
            problem = self._problem(keys[self.speed])
        else:
            sources = {speed: self._own_address("page", speed) for speed in SPEEDS}
            problem = self._problem(None)
        return PageAudio(html, Control(_("Listen to the whole page"), sources, self.speed, problem))

    def _sources(self, passage, shared):
        if not shared:
            name = own.digest(self.nonce, passage)
            self.found[name] = passage
            return {speed: self._own_address(name, speed) for speed in SPEEDS}
        return {speed: self._clip_address(self._key(passage, speed)) for speed in SPEEDS}

    def _key(self, passage, speed):
        return self.clips.remember_passage(passage, speed)

    def _clip_address(self, key):
        addresses = self.clips.for_pages.setdefault("addresses", {})  # -> /listen/clip/...
        cache_key = (request.script_root, key)
        address = addresses.get(cache_key)
        if address is None:
            address = addresses[cache_key] = url_for("speech.clip", key=key, kind="mp3")
        return address

    def _own_address(self, name, speed):
        if "_token" not in self.__dict__:
            self._token = own.page_token(request.full_path, self.nonce)
            self._own_clip_prefixes = {}
        if name == "page":
            return url_for("speech.own_page", token=self._token, speed=speed)
        # The addresses of one page differ only in their digest: url_for once a speed.
        prefix = self._own_clip_prefixes.get(speed)
        if prefix is None:
            address = url_for(
                "speech.own_clip",
                token=self._token,
                speed=speed,
                digest=DIGEST_PLACEHOLDER,
                kind="mp3",
            )
            prefix = address.removesuffix(f"{DIGEST_PLACEHOLDER}.mp3")
            self._own_clip_prefixes[speed] = prefix
        return f"{prefix}{name}.mp3"

    def _problem(self, keys):
        """The plain message, when synthesis is failing and the clip is not made already,
        or (for a person's own texts) when this client has used its budget for now."""
        if keys is None and self._over_budget():
            return _("Too much sound just now. Wait a moment, and try again.")
        if not self.synthesis_failing:
            return None
        if keys is not None and all(self.clips.cache.has_clip(key) for key in keys):
            return None
        return _("The sound is not working right now")

    def _over_budget(self):
        if "_busy" not in self.__dict__:
            from app.speech.personal import over_budget

            self._busy = over_budget()
        return self._busy
