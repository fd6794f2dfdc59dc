"""Timeline and paper map: months newest first and capped; one linked point per paper."""

from __future__ import annotations

import pytest

from paperfold.site.browse import TITLED_POINTS, map_points, month_of, render_map, render_timeline, timeline
from paperfold.model import Paper
from paperfold.enrich.related import text_tfidf
from paperfold.site.render import front_matter
from paperfold.site.templating import make_env


def paper(id: str, date: str | None = None, tags: tuple[str, ...] = (), title: str | None = None) -> Paper:
    return Paper(
        id=id, title=title or f"Paper {id}", label=title or f"Paper {id}", abstract=f"About {id} and graphs.",
        abstract_is_summary=False, authors=(), author_count=None, organisation=None, date=date,
        date_text=None, upvotes=None, arxiv_id=None, doi=None, venue=None, category=None,
        links=(), sources=(), tags=tags,
    )


@pytest.mark.parametrize("date, month", [
    ("2026-10-21", "2026-10"),
    ("2026-10", "2026-10"),
    ("2026", ""),  # a year alone has no month
    (None, ""),
])
def test_month_of(date, month):
    assert month_of(paper("p", date)) == month


def test_timeline_is_newest_first_with_undated_last_and_capped():
    papers = [paper("a", "2025-01-02"), paper("b", "2026-03-01"), paper("c", None),
              paper("d", "2026-03-09"), paper("e", "2024")]
    months = timeline(papers)
    assert [m.key for m in months] == ["2026-03", "2025-01", ""]
    assert [p.id for p in months[0].papers] == ["d", "b"]
    assert {p.id for p in months[-1].papers} == {"c", "e"}
    capped = timeline([paper(str(i), "2026-03-01") for i in range(5)], per_month=2)
    assert (len(capped[0].papers), capped[0].total) == (2, 5)


def test_map_has_one_linked_point_per_paper_coloured_by_first_topic():
    papers = [paper(f"p{i}", tags=("grokking",) if i % 2 else ()) for i in range(6)]
    points = map_points(papers, ["grokking"], text_tfidf(papers)[0])
    assert [p.href for p in points] == [f"../papers/p{i}/" for i in range(6)]
    assert [p.colour for p in points] == [-1, 0, -1, 0, -1, 0]
    assert all(0 <= p.x <= 960 and 0 <= p.y <= 600 for p in points)


def test_pages_escape_titles_and_name_points_only_on_small_maps():
    papers = [paper("x", "2026-01-01", ("grokking",), title="<script>alert(1)</script> with $H$")]
    pages = {**render_map(make_env(), papers, {"grokking": "Grokking"}, front_matter, text_tfidf(papers)[0]),
             **render_timeline(make_env(), papers, front_matter)}
    assert "<script>" not in pages["map.md"] and "<script>" not in pages["timeline.md"]
    assert "<title>&lt;script&gt;" in pages["map.md"]
    assert "Grokking" in pages["map.md"] and 'role="img"' in pages["map.md"]
    assert "&lt;script&gt;" in pages["timeline.md"]
    assert '<span class="arithmatex">\\(H\\)</span>' in pages["timeline.md"]  # math, for the math renderer
    many = [paper(str(i)) for i in range(TITLED_POINTS + 1)]
    assert "<title>Paper" not in render_map(make_env(), many, {}, front_matter, text_tfidf(many)[0])["map.md"]


def test_papers_on_one_subject_are_placed_closer_than_papers_on_another():
    subjects = ["Grokking and delayed generalization of the logistic loss in linear networks",
                "Point cloud object detection with voxel features and lidar sensors"]
    papers = [paper(f"{s}{i}", title=f"{subjects[s]}, variant {i}") for s in (0, 1) for i in range(8)]
    points = map_points(papers, [], text_tfidf(papers)[0])
    xy = [(p.x, p.y) for p in points]

    def mean_distance(pairs):
        return sum(((a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2) ** 0.5 for a, b in pairs) / len(pairs)
    same = [(xy[i], xy[j]) for i in range(16) for j in range(16) if i < j and i // 8 == j // 8]
    apart = [(xy[i], xy[j]) for i in range(8) for j in range(8, 16)]
    assert mean_distance(same) < mean_distance(apart) / 2
