"""A small server-rendered SVG chart: bars for one series, a line for another.

No Django and no inline styles (the site's CSP forbids them): shapes carry
classes the page's CSS colours, plus presentation attributes as a fallback.
The SVG is an image with a <title> and <desc>; pages must also show the same
numbers as a table (see `ChartSeries.rows`) for screen-reader users.
"""

from dataclasses import dataclass
from html import escape

WIDTH = 640
HEIGHT = 260
LEFT, RIGHT, TOP, BOTTOM = 44, 12, 16, 48


@dataclass(frozen=True)
class ChartData:
    labels: list[str]
    bars: list[int]
    bars_label: str
    line: list[int]
    line_label: str

    def __post_init__(self):
        if not (len(self.labels) == len(self.bars) == len(self.line)):
            raise ValueError("Labels, bars and line need the same number of points.")

    @property
    def rows(self) -> list[tuple[str, int, int]]:
        return list(zip(self.labels, self.bars, self.line, strict=True))


def _nice_ceiling(value: int) -> int:
    """A round top for the y axis: 4, 5, 10, 20, 25, 50, 100…"""
    if value <= 4:
        return 4
    step = 1
    while True:
        for factor in (1, 2, 2.5, 5):
            top = int(step * factor * 4)
            if top >= value and (step * factor) == int(step * factor):
                return top
        step *= 10


@dataclass(frozen=True)
class ChartShape:
    """The drawing's size in SVG units, its text size and how many x labels fit."""

    width: int = WIDTH
    height: int = HEIGHT
    font_size: int = 12
    max_labels: int = 10


# Drawn for a phone's width (it scales to ~330 px): fewer, larger labels that stay
# readable, instead of a wide chart shrunk to unreadable text or cut off at the side.
WIDE_SHAPE = ChartShape()
PHONE_SHAPE = ChartShape(width=340, height=300, font_size=15, max_labels=4)


def bar_line_chart(
    data: ChartData,
    *,
    title: str,
    desc: str,
    chart_id: str = "chart",
    shape: ChartShape = WIDE_SHAPE,
) -> str:
    """SVG markup for `data`; every text in it is escaped."""
    width, height, font = shape.width, shape.height, shape.font_size
    wide = width >= 480
    # A narrow chart stacks its two legend keys, so it keeps more room at the bottom.
    bottom = BOTTOM + (0 if wide else font + 12)
    count = len(data.labels)
    top = _nice_ceiling(max([*data.bars, *data.line, 0]))
    plot_w = width - LEFT - RIGHT
    plot_h = height - TOP - bottom
    slot = plot_w / max(count, 1)

    def y(value: int) -> float:
        return TOP + plot_h - plot_h * value / top

    parts = [
        f'<svg class="svg-chart" viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" '
        f'preserveAspectRatio="xMidYMid meet" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(desc)}</desc>',
    ]
    for tick in range(5):
        value = top * tick // 4
        ty = y(value)
        parts.append(
            f'<line class="chart-grid" x1="{LEFT}" x2="{width - RIGHT}" y1="{ty:.1f}" '
            f'y2="{ty:.1f}" stroke="#dde2e8" stroke-width="1"/>'
            f'<text class="chart-tick" x="{LEFT - 6}" y="{ty + 4:.1f}" text-anchor="end" '
            f'font-size="{font}" fill="#4f5b66">{value}</text>'
        )
    label_every = max(1, -(-count // shape.max_labels))
    points = []
    for index, (label, bar, line) in enumerate(data.rows):
        x = LEFT + slot * index
        bar_w = slot * 0.6
        parts.append(
            f'<rect class="chart-bar" x="{x + slot * 0.2:.1f}" y="{y(bar):.1f}" '
            f'width="{bar_w:.1f}" height="{TOP + plot_h - y(bar):.1f}" fill="#7fa6d6">'
            f"<title>{escape(label)}: {bar} {escape(data.bars_label)}</title></rect>"
        )
        points.append(f"{x + slot / 2:.1f},{y(line):.1f}")
        if index % label_every == 0:
            parts.append(
                f'<text class="chart-label" x="{x + slot / 2:.1f}" y="{height - bottom + 18}" '
                f'text-anchor="middle" font-size="{font}" fill="#1b2a3a">{escape(label)}</text>'
            )
    if points:
        parts.append(
            f'<polyline class="chart-line" points="{" ".join(points)}" fill="none" '
            f'stroke="#b8451f" stroke-width="3"/>'
        )
        for point in points:
            cx, cy = point.split(",")
            parts.append(f'<circle class="chart-point" cx="{cx}" cy="{cy}" r="4" fill="#b8451f"/>')
    # The legend: side by side when there is room, else the line's key beneath the bars'.
    legend_y = height - 10 if wide else height - 10 - font - 6
    line_x, line_y = (LEFT + 220, legend_y) if wide else (LEFT, legend_y + font + 6)
    parts.append(
        f'<rect class="chart-bar" x="{LEFT}" y="{legend_y - 10}" width="14" height="12" '
        f'fill="#7fa6d6"/><text class="chart-legend" x="{LEFT + 20}" y="{legend_y}" '
        f'font-size="{font}" fill="#1b2a3a">{escape(data.bars_label)}</text>'
        f'<line class="chart-line" x1="{line_x}" x2="{line_x + 20}" y1="{line_y - 4}" '
        f'y2="{line_y - 4}" stroke="#b8451f" stroke-width="3"/>'
        f'<text class="chart-legend" x="{line_x + 26}" y="{line_y}" font-size="{font}" '
        f'fill="#1b2a3a">{escape(data.line_label)}</text>'
    )
    parts.append("</svg>")
    return "".join(parts)
