"""Reading a whole page: the blocks of text in its main content, from the heading down.

The blocks are found in the HTML the page was just rendered to, so the page that is read is
always the page that is shown, and no page template has to list its texts. A block is the
innermost paragraph, heading, label, list item... that holds text; it is read as one
passage. Its start tag gets the addresses of its clips, so that the browser can play the
page block by block and highlight each one. listen.js finds the words of a block with the
same rules as `chunks_of` here: keep the two in step.
"""

import re
from dataclasses import dataclass
from html import unescape

from app.speech.text import normalise

BLOCK_TAGS = frozenset(
    "address blockquote caption dd div dt figcaption h1 h2 h3 h4 h5 h6 label legend li p "
    "pre summary td th".split()
)
# Never read aloud: form controls and what they hold, media, scripts.
SKIP_TAGS = frozenset(
    "audio button canvas iframe input noscript object option script select style svg "
    "template textarea video".split()
)
VOID_TAGS = frozenset("area base br col embed hr img input link meta source track wbr".split())
# An element marked like this starts a new chunk: it is said after a pause.
CHUNK_ATTRIBUTE = "data-listen-chunk"
# An element marked like this is not read (the listen controls themselves, "Change" links).
SKIP_ATTRIBUTE = "data-listen-skip"


@dataclass(eq=False)
class Element:
    tag: str
    # Its attributes; only those of a tag that has one the reader reads (READ_ATTRIBUTES).
    attrs: dict
    # Where attributes can be added to the start tag: just before its closing ">".
    insert_at: int
    children: list

    @property
    def skipped(self):
        return (
            self.tag in SKIP_TAGS
            or "hidden" in self.attrs
            or self.attrs.get("aria-hidden") == "true"
            or SKIP_ATTRIBUTE in self.attrs
        )


# Our own pages only (valid HTML, checked by the Nu Html Checker in the tests): a comment,
# or a start or end tag whose quoted attribute values may hold ">". html.parser did the same
# several times slower (tests/test_page_reader.py compares the two on every page state).
TAG = re.compile(
    r"<(?:!--.*?-->|(/?)([a-zA-Z][^\s/>]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>)", re.DOTALL
)
# The reader reads only these attributes (`skipped`, CHUNK_ATTRIBUTE): the others of a tag
# that has none of them are not worth taking apart.
READ_ATTRIBUTES = re.compile("hidden|data-listen", re.IGNORECASE)
ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")


def attributes_of(text):
    """{name: value, or None without one} of a start tag's attributes, as html.parser
    gives them."""
    found = {}
    for match in ATTRIBUTE.finditer(text):
        name, *values = match.groups()
        value = next((v for v in values if v is not None), None)
        found.setdefault(name.lower(), unescape(value) if value else value)
    return found


def text_of(html):
    return unescape(html) if "&" in html else html


class TreeBuilder:
    """A small, forgiving element tree, remembering where each start tag ends."""

    def __init__(self, html):
        self.root = Element("#root", {}, 0, [])
        stack, position = [self.root], 0
        for match in TAG.finditer(html):
            if match.start() > position:
                stack[-1].children.append(text_of(html[position : match.start()]))
            position = match.end()
            closing, tag, attributes = match.groups()
            if tag is None:  # a comment
                continue
            tag = tag.lower()
            if closing:
                self._close(stack, tag)
                continue
            self_closing = attributes.endswith("/")
            read = READ_ATTRIBUTES.search(attributes)
            element = Element(
                tag,
                attributes_of(attributes) if read else {},
                match.end() - (2 if self_closing else 1),
                [],
            )
            stack[-1].children.append(element)
            if tag not in VOID_TAGS and not self_closing:
                stack.append(element)
        if position < len(html):
            stack[-1].children.append(text_of(html[position:]))

    @staticmethod
    def _close(stack, tag):
        for depth in range(len(stack) - 1, 0, -1):
            if stack[depth].tag == tag:
                del stack[depth:]
                return


def readable_blocks(html):
    """[(element, chunks)] for each block from the first h1 down, in reading order."""
    found, heading_seen, holding = [], False, {}

    def holds_block(element):
        if element not in holding:  # each element once, not once for every ancestor
            holding[element] = any(
                isinstance(child, Element)
                and not child.skipped
                and (child.tag in BLOCK_TAGS or holds_block(child))
                for child in element.children
            )
        return holding[element]

    def visit(element):
        nonlocal heading_seen
        if element.skipped:
            return
        heading_seen = heading_seen or element.tag == "h1"
        if element.tag in BLOCK_TAGS and not holds_block(element):
            chunks = chunks_of(element)
            if heading_seen and chunks:
                found.append((element, chunks))
            return
        for child in element.children:
            if isinstance(child, Element):
                visit(child)

    visit(TreeBuilder(str(html)).root)
    return found


def chunks_of(block):
    """The text of a block, in chunks: a new chunk at a line break, at a block inside it,
    and at an element marked data-listen-chunk."""
    chunks, current = [], []

    def end_chunk():
        text = normalise("".join(current))
        if text:
            chunks.append(text)
        current.clear()

    def walk(element):
        for child in element.children:
            if isinstance(child, str):
                current.append(child)
            elif not child.skipped:
                pause = (
                    child.tag == "br" or child.tag in BLOCK_TAGS or CHUNK_ATTRIBUTE in child.attrs
                )
                if pause:
                    end_chunk()
                walk(child)
                if pause:
                    end_chunk()

    walk(block)
    end_chunk()
    return tuple(chunks)


def with_attributes(html, additions):
    """`html` with `additions` ([(element, ' name="value"...')]) added to start tags."""
    html, pieces, position = str(html), [], 0
    for element, attributes in sorted(additions, key=lambda pair: pair[0].insert_at):
        pieces.append(html[position : element.insert_at])
        pieces.append(attributes)
        position = element.insert_at
    pieces.append(html[position:])
    return "".join(pieces)
