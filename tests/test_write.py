"""write.py: only changed pages are rewritten; generated files nobody wrote any more are removed."""

from paperfold.site.write import write_changed, write_pages


def test_stale_generated_pages_are_removed_and_hand_written_ones_kept(tmp_path):
    (tmp_path / "notes.md").write_text("hand-written")
    write_changed(tmp_path, {"papers/kept.md": "a", "papers/gone.md": "b", "feeds/old/gone.xml": "c"})
    written, removed = write_pages(tmp_path, {"index.md": "home", "papers/kept.md": "a"})
    assert (written, removed) == (["index.md"], ["feeds/old/gone.xml", "papers/gone.md"])
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file()) == [
        "index.md", "notes.md", "papers/kept.md"]


def test_an_unchanged_page_is_not_rewritten(tmp_path):
    assert len(write_changed(tmp_path, {"papers/a.md": "same", "papers/b.md": "old"})) == 2
    stamp = (tmp_path / "papers/a.md").stat().st_mtime_ns
    assert len(write_changed(tmp_path, {"papers/a.md": "same", "papers/b.md": "new"})) == 1
    assert (tmp_path / "papers/a.md").stat().st_mtime_ns == stamp
    assert (tmp_path / "papers/b.md").read_text() == "new"


def test_a_page_changed_by_hand_since_the_last_write_is_rewritten(tmp_path):
    """The text last written is remembered, but a file edited since is read back, not trusted."""
    assert len(write_changed(tmp_path, {"papers/a.md": "generated"})) == 1
    (tmp_path / "papers/a.md").write_text("edited by hand, and longer")
    assert len(write_changed(tmp_path, {"papers/a.md": "generated"})) == 1
    assert (tmp_path / "papers/a.md").read_text() == "generated"
    (tmp_path / "papers/a.md").unlink()
    assert len(write_changed(tmp_path, {"papers/a.md": "generated"})) == 1
