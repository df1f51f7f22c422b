"""Accessibility checks in a real browser: text contrast (WCAG AA), labels, landmarks, keyboard skip link."""

from __future__ import annotations

import pytest

from tests.browser.test_public_journey import public_site  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db(transaction=True)

# For every element with its own text: its colour against the first opaque background behind it.
CONTRAST_SCRIPT = """
() => {
  const parse = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const background = (el) => {
    for (let node = el; node; node = node.parentElement) {
      const c = parse(getComputedStyle(node).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] > 0.9)) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const failures = [];
  for (const el of document.querySelectorAll("body *")) {
    const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    const style = getComputedStyle(el);
    const hidden = style.visibility === "hidden" || style.display === "none";
    if (!own || hidden || (el.offsetParent === null && style.position !== "fixed")) continue;
    const fg = parse(style.color).slice(0, 3), bg = background(el);
    const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
    const ratio = (a + 0.05) / (b + 0.05);
    const size = parseFloat(style.fontSize), bold = parseInt(style.fontWeight) >= 700;
    const large = size >= 24 || (bold && size >= 18.66);
    if (ratio < (large ? 3 : 4.5)) {
      failures.push(`${el.tagName}.${el.className}: ${ratio.toFixed(2)} "${el.textContent.trim().slice(0, 40)}"`);
    }
  }
  return failures;
}
"""

UNLABELED_SCRIPT = """
() => [...document.querySelectorAll("input:not([type=hidden]), select, textarea")]
  .filter((el) => !(el.labels && el.labels.length) && !el.getAttribute("aria-label"))
  .map((el) => el.name)
"""
LANDMARKS_SCRIPT = "() => ['header', 'nav', 'main', 'footer'].map((tag) => document.querySelectorAll(tag).length)"

PAGES = ["/en/", "/en/about/", "/en/calendar/", "/en/summaries/", "/en/recommendations/", "/en/partners/", "/en/news/"]


def test_public_text_has_enough_contrast_and_every_control_a_label(live_server, page, public_site):  # noqa: F811
    for path in [*PAGES, f"/en/groups/{public_site.slug}/"]:
        page.goto(f"{live_server.url}{path}")
        assert page.evaluate(CONTRAST_SCRIPT) == [], path
        unlabeled = page.evaluate(UNLABELED_SCRIPT)
        assert unlabeled == [], path
        landmarks = page.evaluate(LANDMARKS_SCRIPT)
        assert all(landmarks), (path, landmarks)


def test_the_skip_link_is_the_first_stop_and_jumps_to_the_content(live_server, page, public_site):  # noqa: F811
    page.goto(f"{live_server.url}/en/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
