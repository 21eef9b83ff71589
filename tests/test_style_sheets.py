"""What the site's own style sheets promise the people who use it and the gate that checks
them: nothing moves by itself (tests/colours.py takes its pictures without stopping
animations)."""

import re
from pathlib import Path

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
