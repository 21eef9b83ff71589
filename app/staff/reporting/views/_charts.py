"""Bar charts drawn on the server as SVG: no script, a title and a description for
assistive technology, and the same numbers in a table beside each chart."""

from collections.abc import Sequence
from dataclasses import dataclass

BAR_HEIGHT = 28
GAP = 10
LABEL_WIDTH = 190
VALUE_WIDTH = 60
CHART_WIDTH = 640


@dataclass
class Bar:
    label: str
    value: int
    y: int
    width: float

    @property
    def text_y(self) -> float:
        return self.y + BAR_HEIGHT * 0.68


@dataclass
class BarChart:
    key: str
    title: str
    description: str
    bars: list
    height: int
    label_width: int = LABEL_WIDTH
    width: int = CHART_WIDTH

    @property
    def bar_x(self) -> int:
        return self.label_width

    @property
    def label_x(self) -> int:
        return self.label_width - 8


def bar_chart(
    key: str, title: object, description: object, data: Sequence[tuple[object, int]]
) -> BarChart:
    """`data`: (label, value) pairs, drawn top to bottom, scaled to the largest value."""
    largest = max((value for _label, value in data), default=0) or 1
    room = CHART_WIDTH - LABEL_WIDTH - VALUE_WIDTH
    bars = [
        Bar(str(label), value, GAP + index * (BAR_HEIGHT + GAP), room * value / largest)
        for index, (label, value) in enumerate(data)
    ]
    height = GAP + len(bars) * (BAR_HEIGHT + GAP)
    return BarChart(key, str(title), str(description), bars, max(height, BAR_HEIGHT + 2 * GAP))
