"""The charts' maths (core.charts) and the SVG, legend and table the shared template draws from it."""

from __future__ import annotations

import datetime
import itertools
import re

import pytest
from django.template.loader import render_to_string

from core.charts import WIDTH, Series, day_strip, segments, stacked_bars

SERIES = [Series("yes", "Yes", 0), Series("maybe", "Maybe", 1), Series("no", "No", 2)]


def _edges(parts) -> list[float]:
    return [round(part.x + part.width, 2) for part in parts]


def test_segments_lie_end_to_end_and_sum_to_the_bar():
    parts = segments({"yes": 3, "maybe": 1, "no": 4}, SERIES, scale=8)
    assert [part.count for part in parts] == [3, 1, 4]
    assert [part.x for part in parts] == [0.0, 150.0, 200.0]
    assert _edges(parts) == [150.0, 200.0, 400.0]


def test_thirds_are_rounded_from_the_running_total_so_nothing_is_lost():
    parts = segments({"yes": 1, "maybe": 1, "no": 1}, SERIES, scale=3)
    assert [part.width for part in parts] == [133.33, 133.34, 133.33]
    assert round(sum(part.width for part in parts), 2) == WIDTH
    # Each segment starts exactly where the one before it ends: no overlap, no hair of a gap.
    assert all(later.x == earlier.x + earlier.width for earlier, later in itertools.pairwise(parts))


def test_sevenths_still_sum_to_the_bar():
    series = [Series(str(n), str(n), n % 6) for n in range(7)]
    parts = segments({str(n): 1 for n in range(7)}, series, scale=7)
    assert round(sum(part.width for part in parts), 2) == WIDTH
    assert _edges(parts)[-1] == WIDTH


def test_no_data_draws_nothing_and_never_divides_by_zero():
    assert [part.width for part in segments({}, SERIES, scale=0)] == [0.0, 0.0, 0.0]
    chart = stacked_bars(chart_id="c", title="T", series=SERIES, rows=[("Kazakhstan", {}), ("Uzbekistan", {})])
    assert chart.total == 0 and [bar.width for bar in chart.bars] == [0.0, 0.0]
    assert stacked_bars(chart_id="c", title="T", series=SERIES, rows=[]).height == 0


def test_unknown_keys_and_negative_counts_are_not_counted():
    parts = segments({"yes": 2, "no": -5, "other": 9}, SERIES, scale=2)
    assert [part.count for part in parts] == [2, 0, 0]
    assert _edges(parts) == [400.0, 400.0, 400.0]


def test_one_country_fills_the_width():
    chart = stacked_bars(chart_id="c", title="T", series=SERIES, rows=[("Kazakhstan", {"maybe": 5})])
    (bar,) = chart.bars
    assert bar.total == 5 and bar.width == WIDTH
    assert [(part.x, part.width) for part in bar.drawn] == [(0.0, 400.0)]


def test_bars_share_the_scale_of_the_longest():
    chart = stacked_bars(
        chart_id="c", title="T", series=SERIES, rows=[("A", {"yes": 4}), ("B", {"yes": 1, "no": 1}), ("C", {})]
    )
    assert [bar.width for bar in chart.bars] == [400.0, 200.0, 0.0]
    assert [bar.y for bar in chart.bars] == [0, 48, 96]
    assert _edges(chart.bars[1].segments) == [100.0, 100.0, 200.0]


def test_a_bar_says_itself_in_words_without_the_zeros():
    chart = stacked_bars(chart_id="c", title="T", series=SERIES, rows=[("A", {"yes": 2, "no": 1}), ("B", {})])
    assert chart.description == "A: Yes 2, No 1; B: 0."


def test_the_strip_puts_each_item_on_its_day_and_drops_those_outside_it():
    start = datetime.date(2026, 11, 30)  # A Monday.
    strip = day_strip(
        start,
        30,
        [
            (datetime.date(2026, 12, 2), "a"),
            (datetime.date(2026, 12, 2), "b"),
            (datetime.date(2027, 1, 5), "late"),
            (datetime.date(2026, 11, 1), "early"),
        ],
    )
    assert len(strip.days) == 30 and strip.width == 360
    assert strip.days[2].items == ["a", "b"] and strip.items == ["a", "b"]
    assert strip.days[0].is_week_start and strip.days[5].is_weekend and not strip.days[4].is_weekend
    assert [y for y, _item in strip.days[2].marks] == [22.0, 34.0]
    assert strip.height == 14 + 2 * 12 + 4


@pytest.fixture
def chart():
    return stacked_bars(
        chart_id="demo",
        title="Implementation by country",
        series=SERIES,
        rows=[("Kazakhstan", {"yes": 3, "no": 1}), ("Uzbekistan", {"maybe": 2})],
        row_heading="Country",
        note="As of 1 March 2025.",
    )


def test_the_svg_is_an_image_named_by_its_title_and_description(chart):
    html = render_to_string("includes/_stacked_bars.html", {"chart": chart})
    assert '<svg class="chart__svg" viewBox="0 0 400 86" role="img" aria-labelledby="demo-title demo-desc"' in html
    assert '<title id="demo-title">Implementation by country (As of 1 March 2025.)</title>' in html
    assert '<desc id="demo-desc">Kazakhstan: Yes 3, No 1; Uzbekistan: Maybe 2.</desc>' in html
    assert " style=" not in html  # The CSP allows no inline styles.
    # Every fill a segment uses is a pattern the chart defines.
    used = set(re.findall(r'fill="url\(#([^)]+)\)"', html))
    defined = set(re.findall(r'<pattern id="([^"]+)"', html))
    assert used and used <= defined


def test_the_table_behind_the_chart_has_the_same_numbers(chart):
    html = render_to_string("includes/_stacked_bars.html", {"chart": chart})
    table = html[html.index("<table") :]
    rows = re.findall(r"<tr><th scope=\"row\">(.*?)</th>(.*?)</tr>", table)
    numbers = {label: re.findall(r">(\d+)</td>", cells) for label, cells in rows}
    assert numbers == {"Kazakhstan": ["3", "0", "1", "4"], "Uzbekistan": ["0", "2", "0", "2"]}
    assert "Show as a table" in html


def test_a_chart_with_nothing_to_count_says_so(chart):
    empty = stacked_bars(chart_id="e", title="Empty", series=SERIES, rows=[("Kazakhstan", {})])
    html = render_to_string("includes/_stacked_bars.html", {"chart": empty})
    assert "<svg" not in html and "Nothing to count yet." in html
