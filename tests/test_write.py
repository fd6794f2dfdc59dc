"""write.py: only changed pages are rewritten; generated files nobody wrote any more are removed."""

from paperfold.site.write import write_changed, write_pages


def test_pages_written_apart_are_kept_and_stale_ones_removed(tmp_path):
    (tmp_path / "notes.md").write_text("hand-written")
    write_changed(tmp_path, {"papers/kept.md": "a", "papers/gone.md": "b", "feeds/old/gone.xml": "c"})
    written, removed = write_pages(tmp_path, {"index.md": "home"}, written_apart=["papers/kept.md"])
    assert (written, removed) == (1, 2)
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file()) == [
        "index.md", "notes.md", "papers/kept.md"]


def test_an_unchanged_page_is_not_rewritten(tmp_path):
    assert write_changed(tmp_path, {"papers/a.md": "same", "papers/b.md": "old"}) == 2
    stamp = (tmp_path / "papers/a.md").stat().st_mtime_ns
    assert write_changed(tmp_path, {"papers/a.md": "same", "papers/b.md": "new"}) == 1
    assert (tmp_path / "papers/a.md").stat().st_mtime_ns == stamp
    assert (tmp_path / "papers/b.md").read_text() == "new"
