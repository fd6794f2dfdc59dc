"""site_assets: KaTeX copied into the site (woff2 fonts only); Pagefind over the article only."""

from __future__ import annotations

from paperfold.face.site_assets import ROOT_SELECTOR, copy_katex, pagefind_command


def test_copy_katex_copies_script_stylesheet_and_woff2_fonts(tmp_path):
    dist = tmp_path / "dist"
    (dist / "fonts").mkdir(parents=True)
    for name in ("katex.min.js", "katex.min.css", "fonts/KaTeX_Main-Regular.woff2", "fonts/KaTeX_Main-Regular.ttf"):
        (dist / name).write_text(name)
    site = tmp_path / "site"
    assert copy_katex(dist, site) is True
    target = site / "assets" / "vendor" / "katex"
    assert sorted(p.relative_to(target).as_posix() for p in target.rglob("*") if p.is_file()) == [
        "fonts/KaTeX_Main-Regular.woff2", "katex.min.css", "katex.min.js",
    ]


def test_copy_katex_reports_a_missing_install(tmp_path):
    assert copy_katex(tmp_path / "missing", tmp_path / "site") is False


def test_pagefind_indexes_the_article_only(tmp_path):
    command = pagefind_command(tmp_path)
    assert command[command.index("--root-selector") + 1] == ROOT_SELECTOR == "article.md-content__inner"
    assert "pre" in command[command.index("--exclude-selectors") + 1]
