"""Makes the site's Mulberry pictures from the originals: `.venv/bin/python scripts/make_pictograms.py`.

Reads pictograms/mulberry/original/<name>.svg (Mulberry Symbols, CC BY-SA 4.0, copied
unchanged) and writes pictograms/mulberry/<concept>.svg for each Mulberry concept of
app/domain/pictograms.py, so they sit beside the OpenMoji pictures as equals:
- fitted into the same 72 x 72 box with the same margin;
- colours written on each shape: no <style> and no style="" (the site's CSP has no
  'unsafe-inline'), no ids or classes, no <text> (it needs a font: a phone's "aaaa" becomes
  grey lines);
- two symbols drawn as one where one says too little (work and money: wages);
- the week and the weekend with Danish day letters, drawn as shapes from the site's own
  font (Atkinson Hyperlegible Bold, made by scripts/setup in static/vendor/fonts).
Run it again after changing a Mulberry picture in the manifest; commit what it writes.
"""

import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.domain.pictograms import MULBERRY_FOLDER, PICTURES  # noqa: E402

SVG = "http://www.w3.org/2000/svg"
ET.register_namespace("", SVG)
BOX = 72
MARGIN = 4
INK = "#231f20"
FONT = ROOT / "static" / "vendor" / "fonts" / "atkinson-hyperlegible-latin-700-normal.woff2"
DROPPED = {"style", "title", "desc", "metadata"}
# Where Mulberry's day letters sit (found with the browser's getBBox): the cells' left and
# right edges, the letters' baseline and height; all in the original's 850 units. The cells'
# colour is cut out where the English letters were: `under` fills the cells behind it.
DAY_LETTERS = {
    "weekdays": {
        "letters": "MTOTF",
        "left": 71.54,
        "right": 778.0,
        "base": 546,
        "cap": 69,
        "under": ("72", "347", "707", "217", "#fff5b4"),
    },
    "weekend": {
        "letters": "LS",
        "left": 106.0,
        "right": 761.0,
        "base": 715,
        "cap": 150,
        "under": ("106", "145", "655", "612", "#cb82b7"),
    },
}


def local(tag):
    return tag.rsplit("}", 1)[-1]


def css_rules(root):
    rules = {}
    for style in root.iter(f"{{{SVG}}}style"):
        for selectors, body in re.findall(r"([^{}]+)\{([^}]*)\}", style.text or ""):
            for selector in selectors.split(","):
                rules.setdefault(selector.strip().lstrip("."), {}).update(declarations(body))
    return rules


def declarations(body):
    pairs = (part.split(":", 1) for part in body.split(";") if ":" in part)
    return {name.strip(): value.strip() for name, value in pairs}


def text_as_lines(text):
    """A <text> becomes a grey bar a line: the words in Mulberry's phones are "aaaa"."""
    x, y = map(float, re.findall(r"[-\d.]+", text.get("transform", "translate(0 0)"))[:2])
    group = ET.Element(f"{{{SVG}}}g", {"fill": "#6f6f6f"})
    for span in text:
        size = float(span.get("font-size", "20"))
        width = len(span.text or "") * size * 0.55
        top = y + float(span.get("y", "0")) - size * 0.6
        left = x + float(span.get("x", "0"))
        ET.SubElement(
            group,
            f"{{{SVG}}}rect",
            {"x": f"{left:g}", "y": f"{top:g}", "width": f"{width:g}", "height": f"{size * 0.5:g}"},
        )
    return group


def cleaned(element, rules):
    """The element with its classes and style written as attributes, nothing else kept."""
    for child in list(element):
        if local(child.tag) in DROPPED:
            element.remove(child)
        elif local(child.tag) == "text":
            element.insert(list(element).index(child), text_as_lines(child))
            element.remove(child)
        else:
            cleaned(child, rules)
    for name in element.get("class", "").split():
        element.attrib.update(rules.get(name, {}))
    element.attrib.update(declarations(element.get("style", "")))
    for name in ("class", "style", "id", "overflow", "data-name"):
        element.attrib.pop(name, None)
    return element


def symbol(name):
    """(width of the original's box, its shapes) with everything the site refuses gone."""
    root = ET.parse(MULBERRY_FOLDER / "original" / f"{name}.svg").getroot()
    rules = css_rules(root)
    width = float(root.get("viewBox").split()[2])
    return width, list(cleaned(root, rules))


def placed(name, x, y, size, backing=False):
    width, shapes = symbol(name)
    group = ET.Element(
        f"{{{SVG}}}g", {"transform": f"translate({x:g} {y:g}) scale({size / width:.5f})"}
    )
    if backing:  # the smaller symbol keeps its edges where it covers the larger one
        ET.SubElement(
            group,
            f"{{{SVG}}}rect",
            {
                "x": "30",
                "y": "30",
                "width": f"{width - 60:g}",
                "height": f"{width - 60:g}",
                "rx": "60",
                "fill": "#fff",
                "stroke": INK,
                "stroke-width": "18",
            },
        )
    group.extend(shapes)
    return group


def letter_paths(letters, left, right, base, cap):
    """Each letter in the middle of its cell, drawn from the font's outlines."""
    from fontTools.pens.svgPathPen import SVGPathPen
    from fontTools.pens.transformPen import TransformPen
    from fontTools.ttLib import TTFont

    font = TTFont(FONT)
    glyphs = font.getGlyphSet()
    scale = cap / font["OS/2"].sCapHeight
    cell = (right - left) / len(letters)
    group = ET.Element(f"{{{SVG}}}g", {"fill": INK})
    for index, letter in enumerate(letters):
        glyph = glyphs[font.getBestCmap()[ord(letter)]]
        middle = left + cell * (index + 0.5) - glyph.width * scale / 2
        pen = SVGPathPen(glyphs)
        glyph.draw(TransformPen(pen, (scale, 0, 0, -scale, middle, base)))
        ET.SubElement(group, f"{{{SVG}}}path", {"d": pen.getCommands()})
    return group


def with_danish_letters(concept, name):
    """The original without its English letters (the one path in its ink), with ours."""
    spec = DAY_LETTERS[concept]
    width, shapes = symbol(name)
    kept = [s for s in shapes if not (local(s.tag) == "path" and s.get("fill") == INK)]
    letters = letter_paths(spec["letters"], spec["left"], spec["right"], spec["base"], spec["cap"])
    size = BOX - 2 * MARGIN
    group = ET.Element(
        f"{{{SVG}}}g", {"transform": f"translate({MARGIN} {MARGIN}) scale({size / width:.5f})"}
    )
    x, y, w, h, colour = spec["under"]
    under = ET.Element(f"{{{SVG}}}rect", {"x": x, "y": y, "width": w, "height": h, "fill": colour})
    group.extend([under, *kept, letters])
    return group


def picture(concept, names):
    if concept in DAY_LETTERS:
        return [with_danish_letters(concept, names[0])]
    if len(names) == 1:
        return [placed(names[0], MARGIN, MARGIN, BOX - 2 * MARGIN)]
    # The first says what it is about, the second, smaller and in front, says which one.
    return [placed(names[0], 0, 0, 48), placed(names[1], 34, 34, 38, backing=True)]


def main():
    for concept, entry in PICTURES.items():
        if entry.source != "mulberry":
            continue
        root = ET.Element(
            f"{{{SVG}}}svg", {"viewBox": f"0 0 {BOX} {BOX}", "width": str(BOX), "height": str(BOX)}
        )
        root.extend(picture(concept, entry.names))
        text = ET.tostring(root, encoding="unicode")
        (MULBERRY_FOLDER / f"{concept}.svg").write_text(text + "\n")
    print(f"Written to {MULBERRY_FOLDER.relative_to(ROOT)}/")


if __name__ == "__main__":
    main()
