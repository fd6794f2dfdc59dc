"""What the related-papers sidebar costs MkDocs: per-page build time with it and without it.

    .venv/bin/python tests/bench/bench_sidebar.py [--papers 2000] [--repeats 3]

One synthetic corpus (tests/bench/synthetic.py) is generated into three scratch projects:

- off:     no related papers (`related: {k: 0}`) and none of the theme overrides that show
           them (OVERRIDE, removed): the site without the feature;
- data:    8 related papers per page in the front matter, the overrides removed (what
           MkDocs pays to read them);
- sidebar: as the site ships: 8 related papers per page in the sidebar, and at the end of
           the article for narrow screens.

Pages are generated once per project; then only `mkdocs build` is timed (CPU seconds of the
child process: steadier than wall time when others share the machine), with the hooks
taken out of the scratch mkdocs.yml (no regeneration, no Pagefind), `--repeats` times per
project, interleaved (each variant leads a round in turn). Times drift during a run (from
about 8.5 to 11 s here, on a quiet machine), so the figure is the median over rounds of
each variant's time over `off`'s in the same round; the best runs are shown too. All
variants have the same pages, so ratios are per-page ratios. Target: sidebar <= 1.10 x off.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import resource
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "scripts"), str(ROOT / "tests"), str(ROOT / "tests" / "bench")]

from paperfold.build import generate, settings_from_options  # noqa: E402
from sitebuild import make_project  # noqa: E402
from synthetic import write_corpus  # noqa: E402

VARIANTS = {"off": (0, False), "data": (8, False), "sidebar": (8, True)}  # name: (k, overrides kept)
OVERRIDE = ("overrides/main.html", "overrides/partials/toc.html", "overrides/partials/related.html",
            "overrides/partials/related-body.html")


def prepare(scratch: Path, name: str, corpus: Path, k: int, override: bool) -> tuple[Path, int]:
    """A scratch project with its pages generated and its hooks removed; (project, paper count)."""
    (project := scratch / name).mkdir()
    make_project(project, corpus)
    if not override:
        for path in OVERRIDE:
            (project / path).unlink()
    config_file = project / "mkdocs.yml"
    config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    config.pop("hooks")  # pages are generated below, once; Pagefind is not what is measured
    config["extra"]["paperfold"]["related"] = {"backend": "tfidf", "k": k}
    config_file.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    settings = settings_from_options(project, config["extra"]["paperfold"], project / "docs",
                                     site_name=config["site_name"], site_url=config["site_url"],
                                     repo_url=config["repo_url"])
    return project, len(generate(settings).papers)


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def mkdocs_seconds(project: Path) -> float:
    """CPU seconds of one `mkdocs build` (user + system): steadier than wall time on a shared machine."""
    started = children_cpu()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(project / "mkdocs.yml"),
                    "-d", str(project / "site")], cwd=project, check=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    return children_cpu() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--papers", type=int, default=2000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        corpus = Path(scratch) / "corpus"
        write_corpus(corpus, args.papers)
        projects = {name: prepare(Path(scratch), name, corpus, k, override) for name, (k, override) in VARIANTS.items()}
        times: dict[str, list[float]] = {name: [] for name in VARIANTS}
        names = list(projects)
        for run in range(args.repeats):
            for name in names[run % len(names):] + names[:run % len(names)]:  # each variant leads in turn
                times[name].append(mkdocs_seconds(projects[name][0]))
                print(f"run {run + 1}: {name} {times[name][-1]:.1f} s", file=sys.stderr, flush=True)
    print(f"| variant | papers | mkdocs build CPU, best / median of {args.repeats} (s) | per page, best (ms) "
          "| vs off, same round (median) | vs off, best |")
    print("|---|---|---|---|---|---|")
    for name, (_, papers) in projects.items():
        best, median = min(times[name]), statistics.median(times[name])
        paired = statistics.median(t / off for t, off in zip(times[name], times["off"]))
        print(f"| {name} | {papers} | {best:.1f} / {median:.1f} | {1000 * best / papers:.2f} "
              f"| {paired:.3f} | {best / min(times['off']):.3f} |")


if __name__ == "__main__":
    main()
