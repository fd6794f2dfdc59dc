"""The maintainer's preview: `paperfold serve` rebuilds when a dump is added to seeds/."""

import subprocess
import sys
import time
from urllib.parse import urlparse

from mkdocs.config import load_config

from serving import fetch, free_port
from sitebuild import make_project

NEW_DUMP = """Daily Papers

Apr 13

A freshly pasted paper about preview servers

We show that a preview server which rebuilds on every change keeps maintainers happy and their pages fresh.

  • 2 authors
·
Apr 12
"""


def wait_for(predicate, seconds: float):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if value := predicate():
            return value
        time.sleep(0.5)
    return None


def test_serve_rebuilds_when_a_seed_is_added(tmp_path):
    project = make_project(tmp_path)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "paperfold.face.cli", "serve", "--config", str(project / "mkdocs.yml"),
         "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        home = wait_for(lambda: fetch(f"http://127.0.0.1:{port}/"), 120)
        assert home and "101 papers" in home
        (project / "seeds" / "2026-04-13_new.txt").write_text(NEW_DUMP, encoding="utf-8")
        updated = wait_for(lambda: (page := fetch(f"http://127.0.0.1:{port}/")) and "102 papers" in page, 120)
        assert updated, "the preview did not pick up the new dump"
        base = f"http://127.0.0.1:{port}{urlparse(load_config(str(project / 'mkdocs.yml')).site_url).path}"
        paper = fetch(f"{base}papers/a-freshly-pasted-paper-about-preview-servers-"
                      f"{_suffix(project)}/")
        assert paper and "A freshly pasted paper about preview servers" in paper, server_output(server)
    finally:
        server.terminate()
        server.wait(timeout=30)


def _suffix(project) -> str:
    page = next((project / "docs" / "papers").glob("a-freshly-pasted-paper-about-preview-servers-*.md"))
    return page.stem.rsplit("-", 1)[1]


def server_output(server) -> str:
    server.terminate()
    return server.communicate(timeout=30)[0][-3000:]
