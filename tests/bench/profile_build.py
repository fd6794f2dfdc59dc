"""Where a cold build's CPU goes: generation stage by stage, then MkDocs step by step, for
this project's config and for plain Material on the same pages, in one process each.

    .venv/bin/python tests/bench/profile_build.py [--papers 3000] [--scratch /dev/shm]

It writes a synthetic corpus (synthetic.py) into a scratch project, then prints:

- the CPU seconds of each stage of `build.generate` (read, merge, curate, tag, relate,
  render, write), called one by one as generate() calls them;
- for a `mkdocs build` of the project (generation included, Pagefind left out) and of
  plain Material (bench_build.plain_config) on the pages it wrote: CPU seconds of reading
  pages, Markdown, theme templates, plugin events and writing, with timers around MkDocs'
  own functions (no profiler, whose overhead is largest in Jinja's generator functions);
  the build's generation reuses what the stage-by-stage run made in this process (memo.py),
  so read generation's cost from the stages;
- the theme template of paper pages, rendered again from the contexts of the project's
  build: the whole page, and with Material's blocks left out one at a time (milliseconds
  per page, medians of 5 rounds in turns), to say what each part of the page costs.

CPU times, not wall: the machine is shared. Both builds run in this process, one after
the other, so compare the parts, not the two totals' absolute sizes across runs.
"""

from __future__ import annotations

import argparse
import collections
import functools
import os
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent), str(HERE.parent.parent / "scripts")]

import jinja2  # noqa: E402
import markdown  # noqa: E402
from mkdocs.commands import build as mkdocs_build  # noqa: E402
from mkdocs.config import load_config  # noqa: E402
from mkdocs.plugins import PluginCollection  # noqa: E402
from mkdocs.structure import pages  # noqa: E402

from bench_build import plain_config  # noqa: E402
from paperfold import build  # noqa: E402
from paperfold.face import site_assets  # noqa: E402
from paperfold.papers.curation_files import load_curation  # noqa: E402
from paperfold.site.write import write_pages  # noqa: E402
from sitebuild import make_project  # noqa: E402
from synthetic import write_corpus  # noqa: E402


def cpu(what: str, times: dict, call, *args):
    started = time.process_time()
    result = call(*args)
    times[what] = time.process_time() - started
    return result


def generation_stages(project: Path) -> dict[str, float]:
    """generate()'s stages one by one, into a docs folder without generated pages."""
    settings = replace(build.settings_from_file(project / "mkdocs.yml"), site_url="https://example.org/",
                       repo_url="https://github.com/example/paperfold")
    times: dict[str, float] = {}
    curation = cpu("curation files", times, load_curation, settings.curation_dir)
    dumps, problems = cpu("find dumps", times, build.load_dumps, settings.seeds_dir, curation.capture_dates)
    read = cpu("read", times, build.read_seeds, dumps, problems)
    merged = cpu("merge", times, build.merge, dumps, read[0])
    report = cpu("curate", times, build.curate, merged, read, curation)
    report, vocabulary = cpu("tag", times, build.tag_topics, report, settings.topics_file, curation)
    report, tfidf = cpu("relate", times, build.relate_papers, report, vocabulary, settings)
    rendered = cpu("render", times, build.render_pages, report, vocabulary, tfidf, settings)
    cpu("write", times, write_pages, settings.docs_dir, rendered)
    return times


STEPS = {  # what is timed: (owner, attribute) -> label
    (mkdocs_build, "_populate_page"): "read page and Markdown",
    (pages.Page, "read_source"): "  of it: read source and front matter",
    (markdown.Markdown, "__init__"): "  of it: a Markdown object per page",
    (markdown.Markdown, "convert"): "  of it: Markdown convert",
    (mkdocs_build, "_build_page"): "theme templates and writing",
    (PluginCollection, "on_page_context"): "  of it: on_page_context (lunr search)",
    (PluginCollection, "on_pre_build"): "on_pre_build (generation)",
    (PluginCollection, "on_post_build"): "on_post_build",
}


@functools.cache  # once per process: the timers stay in place for every build after
def install_timers() -> collections.Counter:
    spent: collections.Counter = collections.Counter()
    for (owner, name), label in STEPS.items():
        original = getattr(owner, name)

        def timed(*args, __original=original, __label=label, **kwargs):
            started = time.process_time()
            try:
                return __original(*args, **kwargs)
            finally:
                spent[__label] += time.process_time() - started
        setattr(owner, name, functools.wraps(original)(timed))
    return spent


def mkdocs_steps(config_file: Path) -> tuple[dict[str, float], list]:
    """CPU of MkDocs' steps in one build of `config_file`, and (template, context) of up to
    600 paper pages, for template_parts."""
    spent = install_timers()
    spent.clear()
    contexts = []
    original = jinja2.Template.render

    def render(template, *args, **kwargs):
        context = args[0] if args else kwargs
        page = context.get("page") if isinstance(context, dict) else None
        if (getattr(page, "meta", None) or {}).get("paper_id") and len(contexts) < 600:
            contexts.append(dict(context))
        return original(template, *args, **kwargs)

    jinja2.Template.render = render
    site_assets.index_search = lambda site_dir, seconds=0: __import__("subprocess").CompletedProcess([], 0)
    os.chdir(config_file.parent)
    started = time.process_time()
    try:
        mkdocs_build.build(load_config(str(config_file)))
    finally:
        jinja2.Template.render = original
    return {**spent, "whole build": time.process_time() - started}, contexts


# Material's blocks of base.html, each left out of a paper page in turn.
LEFT_OUT = ("site_nav", "header", "footer", "site_meta", "styles", "config", "scripts")


def nav_reused(env) -> str:
    """Material's site_nav block with the navigation partial's output put in from `pf_nav`
    (made once) instead of rendered: what reusing it on every page outside the nav would
    save. Paper pages are all at the same depth and none is in the nav, so their nav is
    the same text (template_parts checks it)."""
    base = env.loader.get_source(env, "base.html")[0]
    start = base.index("{% block site_nav %}")
    end = base.index("{% endblock %}", base.index('{% include "partials/toc.html" %}')) + len("{% endblock %}")
    return base[start:end].replace('{% include "partials/nav.html" %}', "{{ pf_nav }}")


def template_parts(project: Path, contexts: list) -> dict[str, float]:
    """Milliseconds per paper page of the theme's main template, whole, without each block,
    and with the navigation's output reused (nav_reused)."""
    env = contexts[0]["config"].theme.get_env()
    main = (project / "overrides" / "main.html").read_text(encoding="utf-8")
    variants = {"whole page": main, **{f"without block {b}": main + f"{{% block {b} %}}{{% endblock %}}"
                                       for b in LEFT_OUT}, "navigation output reused": main + nav_reused(env)}
    templates = {name: env.from_string(text) for name, text in variants.items()}
    nav = env.from_string('{% import "partials/language.html" as lang with context %}'
                          '{% include "partials/nav.html" %}').render(contexts[0])
    contexts = [dict(context, pf_nav=nav) for context in contexts]
    same = all(templates["whole page"].render(c) == templates["navigation output reused"].render(c) for c in contexts)
    print(f"paper page template: the navigation reused gives the same page: {same} ({len(contexts)} pages)")
    rounds: dict[str, list[float]] = {name: [] for name in templates}
    for _ in range(5):
        for name, template in templates.items():
            started = time.process_time()
            for context in contexts:
                template.render(context)
            rounds[name].append((time.process_time() - started) / len(contexts) * 1000)
    return {name: statistics.median(values) for name, values in rounds.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--papers", type=int, default=3000)
    parser.add_argument("--scratch", help="folder for the scratch project, e.g. /dev/shm")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=args.scratch) as scratch:
        write_corpus(corpus := Path(scratch) / "corpus", args.papers)
        (project := Path(scratch) / "project").mkdir()
        make_project(project, corpus)
        pristine = Path(scratch) / "docs-pristine"
        shutil.copytree(project / "docs", pristine)
        for stage, seconds in generation_stages(project).items():
            print(f"generation, {stage:40s} {seconds:7.2f} s CPU")
        shutil.rmtree(project / "docs")
        shutil.copytree(pristine, project / "docs")
        ours, contexts = mkdocs_steps(project / "mkdocs.yml")
        plain_docs = Path(scratch) / "plain" / "docs"
        shutil.copytree(project / "docs", plain_docs)
        plain, _ = mkdocs_steps(plain_config(project, plain_docs))
        for label in [*STEPS.values(), "whole build"]:
            print(f"mkdocs, {label:42s} ours {ours.get(label, 0):7.2f} s, plain {plain.get(label, 0):7.2f} s CPU")
        for name, ms in template_parts(project, contexts).items():
            print(f"paper page template, {name:28s} {ms:6.2f} ms")


if __name__ == "__main__":
    main()
