"""The page reader (app/speech/blocks.py) reads a page's own HTML with a small tokenizer of
its own, for speed (issue 13). It must see every page exactly as Python's html.parser saw
it before: the same elements, attributes, text and places for the listen addresses, so that
every page reads aloud, and looks, as it did."""

from html.parser import HTMLParser

from app.speech import blocks, page
from page_states import every_page_html


class HtmlParserTree(HTMLParser):
    """The tree as the site built it with html.parser until issue 13: the reference."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.root = blocks.Element("#root", {}, 0, [])
        self.stack = [self.root]
        self.line_starts = [0] + [i + 1 for i, ch in enumerate(html) if ch == "\n"]
        self.feed(html)
        self.close()

    def _element(self, tag, attrs):
        line, column = self.getpos()
        start_tag = self.get_starttag_text()
        closing = 2 if start_tag.endswith("/>") else 1
        insert_at = self.line_starts[line - 1] + column + len(start_tag) - closing
        element = blocks.Element(tag, dict(attrs), insert_at, [])
        self.stack[-1].children.append(element)
        return element

    def handle_starttag(self, tag, attrs):
        element = self._element(tag, attrs)
        if tag not in blocks.VOID_TAGS:
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


def shape(element):
    """An element as the reader reads it, as plain data, with neighbouring runs of text
    joined."""
    children = []
    for child in element.children:
        if isinstance(child, str) and children and isinstance(children[-1], str):
            children[-1] += child
        else:
            children.append(child if isinstance(child, str) else shape(child))
    chunk = blocks.CHUNK_ATTRIBUTE in element.attrs
    return (element.tag, element.skipped, chunk, element.insert_at, children)


def test_the_page_reader_sees_tricky_html_as_html_parser_does():
    html = (
        '<DIV class="a&amp;b" hidden data-x=\'1 > 0\' data-empty="" data-bare=x>'
        "Tom &amp; Jerry &lt;3 <!-- not <p>read</p> -->here<br>there<br/>"
        '<p data-listen-chunk>one</p></span>two<img alt="a > b"/><input value="">'
        '<p aria-hidden="true">x</P>&aelig;ble</div>tail'
    )
    assert shape(blocks.TreeBuilder(html).root) == shape(HtmlParserTree(html).root)


def test_the_page_reader_sees_every_page_state_as_html_parser_does(app, client, monkeypatch):
    read = []
    page_of = page.Listening.page

    def reading(listening, main_html):
        read.append(str(main_html))
        return page_of(listening, main_html)

    monkeypatch.setattr(page.Listening, "page", reading)
    states = [name for name, _html in every_page_html(app, client)]
    assert len(states) > 50 and len(read) >= len(states) - 5
    for html in dict.fromkeys(read):
        assert shape(blocks.TreeBuilder(html).root) == shape(HtmlParserTree(html).root)
