"""Browser tests: the built site, served on 127.0.0.1, read in Debian's headless Chromium.

Once per session the site is built from seeds/ into a temporary folder and served
by http.server in a thread on a free port. Every request the browser makes is
recorded, so a test can assert that nothing leaves the site. Screenshots go to
test-artifacts/ (git-ignored).
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
# seeds/ shows no author names; this dump adds a paper that has them (and math).
EXTRA_SEEDS = Path(__file__).parent / "extra_seeds"
CHROMIUM = Path("/usr/bin/chromium")
# Without the background-networking flags Chromium calls home at start, and this
# machine's closed network refuses it; see .library/env/machines/python.md.
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


class QuietHandler(SimpleHTTPRequestHandler):
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".wasm": "application/wasm"}

    def log_message(self, *args) -> None:
        pass


def build_site(seeds: Path, site_dir: Path, site_url: str, work_dir: Path) -> None:
    """Build as `paperfold build` does, from a private copy of docs/ (so builds running
    at the same time in this tree do not overwrite each other's generated pages), with
    site_url set to where the site is served: Material's instant navigation only
    follows links that its sitemap lists."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    docs = work_dir / "docs"
    hand_written = subprocess.run(  # docs/ less the generated (git-ignored) pages
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z", "docs"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout.split("\0")
    for name in filter(None, hand_written):
        target = docs / Path(name).relative_to("docs")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, target)
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(site_dir), site_url=site_url, docs_dir=str(docs))
    config.extra.setdefault("paperfold", {})["seeds"] = str(seeds)
    build(config)


class SiteServer:
    """http.server in a thread on a free port of 127.0.0.1, serving one folder."""

    def __init__(self, directory: Path, handler_class=QuietHandler):
        handler = functools.partial(handler_class, directory=str(directory))
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> "SiteServer":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="session")
def served_site(tmp_path_factory):
    """(folder, url): the site built once per session from seeds/ plus EXTRA_SEEDS, served on 127.0.0.1."""
    folder = tmp_path_factory.mktemp("site")
    seeds = tmp_path_factory.mktemp("seeds")
    for dump in [*(ROOT / "seeds").iterdir(), *EXTRA_SEEDS.iterdir()]:
        shutil.copy2(dump, seeds / dump.name)
    with SiteServer(folder) as server:
        build_site(seeds, folder, server.url, tmp_path_factory.mktemp("work"))
        yield folder, server.url


@pytest.fixture(scope="session")
def site_dir(served_site) -> Path:
    return served_site[0]


@pytest.fixture(scope="session")
def base_url(served_site) -> str:
    return served_site[1]


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        message = "Debian chromium is not installed: run `bash scripts/setup --test`"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Session:
    """A browser context with every request URL recorded."""

    def __init__(self, context, base_url: str):
        self.context = context
        self.base_url = base_url
        self.requests: list[str] = []
        self.errors: list[str] = []
        context.on("request", lambda request: self.requests.append(request.url))
        context.set_default_timeout(10_000)
        self.page = context.new_page()
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))

    def goto(self, path: str = ""):
        self.page.goto(self.base_url + path.lstrip("/"))
        self.page.wait_for_load_state("networkidle")
        return self.page

    def remote_requests(self) -> list[str]:
        local = self.base_url.rstrip("/")
        return [url for url in self.requests
                if not (url.startswith(local + "/") or url.startswith(("data:", "blob:")))]

    def screenshot(self, name: str) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=False)
        return path


@pytest.fixture
def open_session(browser, base_url):
    """open_session(viewport=DESKTOP, color_scheme="light") -> Session; closed after the test."""
    contexts = []

    def open_(viewport=DESKTOP, color_scheme="light") -> Session:
        context = browser.new_context(viewport=viewport, color_scheme=color_scheme)
        contexts.append(context)
        return Session(context, base_url)

    yield open_
    for context in contexts:
        context.close()


@pytest.fixture
def session(open_session) -> Session:
    return open_session()


def paper_paths(site_dir: Path, containing: str) -> list[str]:
    """Site paths of paper pages whose HTML contains `containing` (sorted, for stable tests)."""
    return sorted(
        f"papers/{page.parent.name}/"
        for page in (site_dir / "papers").glob("*/index.html")
        if containing in page.read_text(encoding="utf-8")
    )


def follow_instantly(session: Session, start: str, link: str, url) -> None:
    """Open `start`, click the first `link` and check that Material's instant navigation
    handled it (the page's JavaScript state survives). Material follows links instantly
    once it has read the sitemap; on a loaded machine a first click can come before
    that, so one more try is allowed."""
    for attempt in range(2):
        page = session.goto(start)
        page.evaluate("window.__sameDocument = true")
        page.locator(link).first.click()
        page.wait_for_url(url)
        page.wait_for_load_state("networkidle")
        if page.evaluate("window.__sameDocument") is True:
            return
    raise AssertionError(f"clicking {link} on /{start} reloaded the page: no instant navigation")
