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
from html.parser import HTMLParser

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
NEWLINE = re.compile("\n")


@dataclass(eq=False)
class Element:
    tag: str
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


class TreeBuilder(HTMLParser):
    """A small, forgiving element tree, remembering where each start tag ends."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.root = Element("#root", {}, 0, [])
        self.stack = [self.root]
        self.line_starts = [0] + [match.end() for match in NEWLINE.finditer(html)]
        self.feed(html)
        self.close()

    def _element(self, tag, attrs):
        line, column = self.getpos()
        start_tag = self.get_starttag_text()
        closing = 2 if start_tag.endswith("/>") else 1
        insert_at = self.line_starts[line - 1] + column + len(start_tag) - closing
        element = Element(tag, dict(attrs), insert_at, [])
        self.stack[-1].children.append(element)
        return element

    def handle_starttag(self, tag, attrs):
        element = self._element(tag, attrs)
        if tag not in VOID_TAGS:
            self.stack.append(element)

    def handle_startendtag(self, tag, attrs):
        self._element(tag, attrs)

    def handle_endtag(self, tag):
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def readable_blocks(html):
    """[(element, chunks)] for each block from the first h1 down, in reading order."""
    found, heading_seen = [], False

    def holds_block(element):
        return any(
            isinstance(child, Element)
            and not child.skipped
            and (child.tag in BLOCK_TAGS or holds_block(child))
            for child in element.children
        )

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
                pause = child.tag == "br" or child.tag in BLOCK_TAGS or CHUNK_ATTRIBUTE in child.attrs
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
