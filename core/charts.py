"""The geometry of the portal's charts: pure functions that turn counts into bars and days into a strip.

The charts are drawn as SVG by templates (`includes/_stacked_bars.html`); no chart library, no
script. Every number here is in the units of the SVG's viewBox, so the templates only print.
Each chart also gives the words a screen reader says (`Bar.summary`) and the table behind it.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

# The viewBox of a stacked-bar chart: a label above each bar, the bar the full width, its total at the end.
WIDTH = 400
LABEL_HEIGHT = 20
BAR_HEIGHT = 18
ROW_GAP = 10
ROW_HEIGHT = LABEL_HEIGHT + BAR_HEIGHT + ROW_GAP
# Tones have a colour and a pattern each (static/css/portal.css, the patterns in the template),
# so no two series are told apart by colour alone.
TONES = 6


@dataclass(frozen=True)
class Series:
    """One kind of thing counted (a status): its key in the counts, its label, and its tone (colour and pattern)."""

    key: str
    label: str
    tone: int


@dataclass(frozen=True)
class Segment:
    """The part of a bar one series takes: where it starts and how wide it is, in viewBox units."""

    series: Series
    count: int
    x: float
    width: float


@dataclass(frozen=True)
class Bar:
    """One labelled bar: its segments (one per series, zeros included, for the table) and where it is drawn."""

    label: str
    total: int
    segments: list[Segment]
    y: int = 0
    width: float = 0.0

    @property
    def label_y(self) -> int:
        """Return the baseline of the bar's label, above the bar."""
        return self.y + LABEL_HEIGHT - 5

    @property
    def bar_y(self) -> int:
        return self.y + LABEL_HEIGHT

    @property
    def drawn(self) -> list[Segment]:
        """Return the segments wide enough to draw."""
        return [segment for segment in self.segments if segment.count]

    @property
    def summary(self) -> str:
        """Return the bar in words, e.g. "Kazakhstan: Implemented 3, In progress 1" (the zeros left out)."""
        parts = ", ".join(f"{segment.series.label} {segment.count}" for segment in self.drawn)
        return f"{self.label}: {parts or 0}"


@dataclass(frozen=True)
class Chart:
    """A chart of stacked horizontal bars with an id (for the title, description and patterns), a title and its bars."""

    id: str
    title: str
    series: list[Series]
    bars: list[Bar]
    note: str = ""
    row_heading: str = ""
    width: int = WIDTH
    height: int = 0
    bar_height: int = BAR_HEIGHT

    @property
    def total(self) -> int:
        return sum(bar.total for bar in self.bars)

    @property
    def description(self) -> str:
        """Return every bar in words, for the SVG's <desc>."""
        return "; ".join(bar.summary for bar in self.bars) + "."


def segments(counts: Mapping[str, int], series: Sequence[Series], scale: int, width: float = WIDTH) -> list[Segment]:
    """Return one segment per series, laid end to end, `scale` counts spanning `width`.

    Edges are rounded from the running total, not each width on its own, so the segments
    always sum to the bar's exact length and never overlap or leave a hair of a gap.
    """
    if scale <= 0:
        return [Segment(item, 0, 0.0, 0.0) for item in series]
    result = []
    running = 0
    left = 0.0
    for item in series:
        count = max(int(counts.get(item.key, 0)), 0)
        running += count
        right = round(width * running / scale, 2)
        result.append(Segment(item, count, left, round(right - left, 2)))
        left = right
    return result


def stacked_bars(
    *,
    chart_id: str,
    title: str,
    series: Sequence[Series],
    rows: Iterable[tuple[str, Mapping[str, int]]],
    row_heading: str = "",
    note: str = "",
) -> Chart:
    """Return a chart of one bar per row, all on the scale of the longest so their lengths compare."""
    rows = list(rows)
    totals = [sum(max(int(counts.get(item.key, 0)), 0) for item in series) for _label, counts in rows]
    scale = max(totals, default=0)
    bars = []
    for index, ((label, counts), total) in enumerate(zip(rows, totals, strict=True)):
        parts = segments(counts, series, scale)
        bars.append(
            Bar(label, total, parts, y=index * ROW_HEIGHT, width=round(WIDTH * total / scale, 2) if scale else 0.0)
        )
    height = max(len(bars) * ROW_HEIGHT - ROW_GAP, 0)
    return Chart(chart_id, title, list(series), bars, note=note, row_heading=row_heading, height=height)


# --- A strip of days --------------------------------------------------------------------


STRIP_DAY = 12  # The width of one day on the strip, in viewBox units.
STRIP_TOP = 14  # Room above the days for the dates of Mondays.
STRIP_MARK = 12  # The room one meeting's mark takes down a day.


@dataclass(frozen=True)
class Day:
    """One day of a strip: its date, where it is drawn, and what falls on it."""

    date: datetime.date
    x: float
    items: list = field(default_factory=list)

    @property
    def is_week_start(self) -> bool:
        return self.date.isoweekday() == 1

    @property
    def is_weekend(self) -> bool:
        return self.date.isoweekday() >= 6

    @property
    def marks(self) -> list[tuple[float, object]]:
        """Return (y, item) for each item's mark, one under the other."""
        return [(STRIP_TOP + STRIP_MARK / 2 + 2 + index * STRIP_MARK, item) for index, item in enumerate(self.items)]


@dataclass(frozen=True)
class Strip:
    """Days side by side, with the size of the viewBox that holds them and their marks."""

    days: list[Day]

    @property
    def width(self) -> int:
        return len(self.days) * STRIP_DAY

    @property
    def day_height(self) -> int:
        return max(1, *(len(day.items) for day in self.days)) * STRIP_MARK + 4

    @property
    def height(self) -> int:
        return STRIP_TOP + self.day_height

    @property
    def items(self) -> list:
        return [item for day in self.days for item in day.items]


def day_strip(start: datetime.date, days: int, dated: Iterable[tuple[datetime.date, object]]) -> Strip:
    """Return `days` days from `start`, each with the items of `dated` that fall on it (in the order given)."""
    by_day: dict[datetime.date, list] = {}
    for day, item in dated:
        by_day.setdefault(day, []).append(item)
    strip = []
    for offset in range(max(days, 0)):
        day = start + datetime.timedelta(days=offset)
        strip.append(Day(day, offset * STRIP_DAY, by_day.get(day, [])))
    return Strip(strip)
