"""Command line: argument parsing only; every command calls one function of the pipeline."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from paperfold.build import Settings, papers_for, settings_from_file
from paperfold.site.export import to_bibtex, to_json
from paperfold.report import format_report
from paperfold.face.safebuild import build_atomically

CONFIG = "mkdocs.yml"


def _load_mkdocs_config(args: argparse.Namespace):
    from mkdocs.config import load_config

    overrides = {"site_dir": str(Path(args.site_dir).resolve())} if getattr(args, "site_dir", None) else {}
    config = load_config(args.config, **overrides)
    if args.seeds:
        options = config.extra.setdefault("paperfold", {})
        options["seeds"] = str(Path(args.seeds).resolve())
    return config


def cmd_build(args: argparse.Namespace) -> int:
    """Generate pages and render the site; the hook prints the build report."""
    import logging

    from mkdocs.commands.build import build

    logging.basicConfig(level=logging.INFO, format="%(message)s")
    config = _load_mkdocs_config(args)
    config.strict = args.strict
    site_dir = Path(config.site_dir)

    def build_into(staging: Path) -> None:
        config.site_dir = str(staging)
        build(config)

    build_atomically(site_dir, build_into)  # a failed build leaves the previous site intact
    print(f"Site written to {site_dir}")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from mkdocs.commands.serve import serve

    import logging

    logging.basicConfig(level=logging.INFO, format="%(message)s")
    serve(args.config, dev_addr=args.dev_addr, livereload=True, **_seed_override(args))
    return 0


def _seed_override(args: argparse.Namespace) -> dict:
    if not args.seeds:
        return {}
    from mkdocs.config import load_config

    extra = load_config(args.config).extra
    extra.setdefault("paperfold", {})["seeds"] = str(Path(args.seeds).resolve())
    return {"extra": dict(extra)}


def _settings(args: argparse.Namespace) -> Settings:
    """For the commands that run no MkDocs build: mkdocs.yml's `extra.paperfold`, and --seeds."""
    return settings_from_file(Path(args.config), Path(args.seeds) if args.seeds else None)


def cmd_check(args: argparse.Namespace) -> int:
    """Validate seeds, curation files and the topic vocabulary; list every problem."""
    from paperfold.contrib.check import check, exit_code, format_problems

    settings = _settings(args)
    problems = check(settings.seeds_dir, settings.curation_dir, settings.topics_file)
    print(format_problems(problems))
    return exit_code(problems, args.strict)


def cmd_diff(args: argparse.Namespace) -> int:
    """Markdown summary of the papers this tree adds, removes or alters against BASE_REF."""
    from paperfold.contrib.diff import diff

    sys.stdout.write(diff(Path(args.config).resolve().parent, args.base_ref))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    report, _ = papers_for(_settings(args))
    render = to_json if args.format == "json" else to_bibtex
    sys.stdout.write(render(report.papers, args.site_url))
    print(format_report(report), file=sys.stderr)
    return 0


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="paperfold", description=__doc__)
    sub = main.add_subparsers(dest="command", required=True)
    build = sub.add_parser("build", help="generate pages from the seeds and build the site")
    build.add_argument("--site-dir", help="where to write the HTML site (default: mkdocs.yml's site_dir)")
    build.add_argument("--strict", action="store_true", help="fail on MkDocs warnings")
    serve = sub.add_parser("serve", help="preview locally; rebuilds when seeds or curation change")
    serve.add_argument("--dev-addr", default="127.0.0.1:8000")
    export = sub.add_parser("export", help="write the merged papers to stdout")
    export.add_argument("--format", choices=("json", "bibtex"), default="json")
    export.add_argument("--site-url", default=None, help="prefix for each paper's url")
    check = sub.add_parser("check", help="validate seeds, curation files and topics; list every problem")
    check.add_argument("--strict", action="store_true", help="fail on warnings too")
    check.set_defaults(run=cmd_check)
    changes = sub.add_parser("diff", help="Markdown: papers added, removed or altered against a git ref")
    changes.add_argument("base_ref", metavar="BASE_REF", help="git ref to compare with, e.g. origin/main")
    changes.add_argument("--config", default=CONFIG, help="MkDocs config file (its folder is the repository)")
    changes.set_defaults(run=cmd_diff)
    for command in (build, serve, export, check):
        command.add_argument("--seeds", help="folder of seed dumps (default: seeds/)")
        command.add_argument("--config", default=CONFIG, help="MkDocs config file")
    build.set_defaults(run=cmd_build)
    serve.set_defaults(run=cmd_serve)
    export.set_defaults(run=cmd_export)
    return main


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
