"""What the site's own style sheets promise the people who use it and the gate that checks
them: nothing moves by itself (tests/colours.py takes its pictures without stopping
animations)."""

import re
from pathlib import Path

import tinycss2

STYLE_SHEETS = sorted((Path(__file__).parent.parent / "static" / "css").glob("*.css"))
MOTION = re.compile(r"(?:^|[;{\s])(animation|transition)(?:-[a-z-]+)?\s*:\s*([^;}]+)")


def motion_in(css):
    return [
        f"{name}: {value.strip()}"
        for name, value in MOTION.findall(css)
        if not value.strip().startswith("none")
    ]


def test_the_gate_sees_a_transition_if_one_is_added():
    assert motion_in("a { color: red; transition: color 0.2s; }") == ["transition: color 0.2s"]
    assert motion_in("a { animation-name: spin }") == ["animation: spin"]


def test_nothing_on_a_page_moves_by_itself():
    assert STYLE_SHEETS
    for sheet in STYLE_SHEETS:
        assert motion_in(sheet.read_text()) == [], sheet.name


def rules_inside_rules(css):
    """Style rules written inside another style rule. The site writes none: where one
    appears, a rule above it lost its closing brace, and the browser (which reads nested
    CSS) applies everything after it only inside that rule's elements."""
    found = []
    for rule in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True):
        if rule.type == "at-rule" and rule.content is not None:
            found += rules_inside_rules(tinycss2.serialize(rule.content))
        elif rule.type == "qualified-rule":
            inside = tinycss2.parse_blocks_contents(
                rule.content, skip_comments=True, skip_whitespace=True
            )
            found += [
                tinycss2.serialize(r.prelude).strip() for r in inside if r.type == "qualified-rule"
            ]
    return found


def unclosed_braces(css):
    without_comments = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)
    return without_comments.count("{") - without_comments.count("}")


def test_the_gate_sees_a_rule_that_lost_its_closing_brace():
    css = "a { color: red;\n/* the next part */\n.b ol { display: flex; }\n"
    assert rules_inside_rules(css) == [".b ol"]
    assert unclosed_braces(css) == 1
    assert rules_inside_rules("@media print { a { color: red } }") == []


def test_every_style_sheet_is_read_whole_by_the_browser():
    """Found after a merge: the inbox's last rule lost its '}', and the phone registration's
    layout below it applied to nothing (one question on a laptop's first screen)."""
    for sheet in STYLE_SHEETS:
        css = sheet.read_text()
        assert rules_inside_rules(css) == [], sheet.name
        assert unclosed_braces(css) == 0, sheet.name
