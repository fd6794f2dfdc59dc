"""The Topics page's chart, as a reader sees it at desktop and phone widths."""

from conftest import PHONE

WIDE = {"width": 1440, "height": 900}
SMALLEST_READABLE_PX = 11  # rendered height of a label's text


def test_topic_chart_labels_are_readable_at_desktop_and_phone_widths(open_session):
    for viewport in (WIDE, PHONE):
        page = open_session(viewport=viewport).goto("topics/")
        sizes = page.evaluate("""() => [...document.querySelectorAll('svg.pf-topic-chart text')]
            .map(t => t.getBoundingClientRect().height)""")
        assert sizes, "no chart labels"
        assert min(sizes) >= SMALLEST_READABLE_PX, (viewport, min(sizes))
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, (viewport, overflow)
