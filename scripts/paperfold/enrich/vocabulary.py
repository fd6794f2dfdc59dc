"""The topics vocabulary (topics.yml): load it and validate it.

The vocabulary is the allow-list of tags; topics.py uses it to tag papers.
`load_vocabulary` reads the file through yaml's node tree so every problem
carries `file:line`; it never raises on bad input. Bad topics are reported and
left out. Only `load_vocabulary` touches the disk.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

import yaml


from paperfold.model import Origin, Problem
from paperfold.papers.curation_files import PlainLoader

DEFAULT_MIN_ABSTRACT_HITS = 2  # one passing mention in an abstract does not make a topic
UNSORTED = "unsorted"  # reserved: the page of papers that match no topic
TOPIC_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")  # "scaling-laws", "rl"
REQUIRED_KEYS = ("id", "title", "description")
LIST_KEYS = ("aliases", "match", "match_title", "exclude")
KNOWN_KEYS = REQUIRED_KEYS + ("parent", "min_abstract_hits") + LIST_KEYS


@dataclass(frozen=True)
class Topic:
    id: str
    title: str
    description: str
    origin: Origin  # where the topic starts in the vocabulary file
    parent: str | None = None
    aliases: tuple[str, ...] = ()
    match: tuple[str, ...] = ()  # phrases counted in the title and the abstract
    match_title: tuple[str, ...] = ()  # phrases counted in the title only
    exclude: tuple[str, ...] = ()  # a paper containing any of these never gets the topic
    min_abstract_hits: int = DEFAULT_MIN_ABSTRACT_HITS


@dataclass(frozen=True)
class Vocabulary:
    path: str
    topics: tuple[Topic, ...] = ()

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(t.id for t in self.topics)

    def get(self, topic_id: str) -> Topic | None:
        return next((t for t in self.topics if t.id == topic_id), None)

    def resolve(self, name: str) -> str | None:
        """The topic id for an id or an alias; None when the vocabulary does not know it."""
        return next((t.id for t in self.topics if name == t.id or name in t.aliases), None)

    def children(self, topic_id: str) -> tuple[Topic, ...]:
        return tuple(t for t in self.topics if t.parent == topic_id)


def load_vocabulary(path: Path, display_path: str | None = None) -> tuple[Vocabulary, tuple[Problem, ...]]:
    """Read and validate the vocabulary file. Bad topics are reported and left out."""
    shown = display_path or str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as error:
        return Vocabulary(shown), (Problem(Origin(shown, 0), f"cannot read the topics file: {error.strerror}"),)
    except UnicodeDecodeError as error:
        line = Path(path).read_bytes().count(b"\n", 0, error.start) + 1
        return Vocabulary(shown), (Problem(Origin(shown, line), "expected UTF-8 text, found a byte that is not "
                                           "(save the topics file as UTF-8)"),)
    return parse_vocabulary(text, shown)


def parse_vocabulary(text: str, path: str) -> tuple[Vocabulary, tuple[Problem, ...]]:
    try:
        root = yaml.compose(text, Loader=PlainLoader)  # no aliases, no deep nesting: as curation files
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        line = mark.line + 1 if mark else 0
        reason = getattr(error, "problem", None) or str(error)
        return Vocabulary(path), (Problem(Origin(path, line), f"YAML syntax error: {reason}"),)
    here = lambda node: Origin(path, node.start_mark.line + 1)  # noqa: E731
    if root is None:
        return Vocabulary(path), (Problem(Origin(path, 1), "the topics file is empty; expected 'topics:' and a list"),)
    if not isinstance(root, yaml.MappingNode):
        return Vocabulary(path), (Problem(here(root), "expected a mapping with a 'topics:' list"),)
    fields, problems = _mapping(root, here)
    for key, (key_node, _) in fields.items():
        if key != "topics":
            problems.append(Problem(here(key_node), f"unknown key '{key}'; expected 'topics'"))
    if "topics" not in fields or not isinstance(fields["topics"][1], yaml.SequenceNode):
        where = here(fields["topics"][1]) if "topics" in fields else here(root)
        return Vocabulary(path), tuple(problems + [Problem(where, "expected 'topics:' followed by a list of topics")])
    topics = []
    for node in fields["topics"][1].value:
        topic, topic_problems = _topic(node, here)
        problems += topic_problems
        if topic:
            topics.append(topic)
    topics, structure_problems = _check_structure(topics)
    return Vocabulary(path, tuple(topics)), tuple(problems + structure_problems)


def _mapping(node: yaml.MappingNode, here) -> tuple[dict, list[Problem]]:
    """{key: (key node, value node)}, with duplicate keys reported (YAML itself keeps the last)."""
    fields, problems = {}, []
    for key_node, value_node in node.value:
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node)
        if key in fields:
            problems.append(Problem(here(key_node), f"duplicate key '{key}'"))
        fields[key] = (key_node, value_node)
    return fields, problems


def _scalar(node, here, key: str, problems: list[Problem]) -> str | None:
    if isinstance(node, yaml.ScalarNode) and node.tag.endswith(":str") and node.value.strip():
        return " ".join(node.value.split())
    problems.append(Problem(here(node), f"'{key}' must be non-empty text"))
    return None


def _strings(node, here, key: str, problems: list[Problem]) -> tuple[str, ...]:
    if not isinstance(node, yaml.SequenceNode):
        problems.append(Problem(here(node), f"'{key}' must be a list of phrases"))
        return ()
    values = [_scalar(item, here, f"{key}' item '", problems) for item in node.value]
    return tuple(v for v in values if v)


def _topic(node, here) -> tuple[Topic | None, list[Problem]]:
    if not isinstance(node, yaml.MappingNode):
        return None, [Problem(here(node), "expected a topic: a mapping with id, title and description")]
    fields, problems = _mapping(node, here)
    for key, (key_node, _) in fields.items():
        if key not in KNOWN_KEYS:
            problems.append(Problem(here(key_node), f"unknown key '{key}'; expected one of {', '.join(KNOWN_KEYS)}"))
    values = {}
    for key in REQUIRED_KEYS:
        if key not in fields:
            problems.append(Problem(here(node), f"topic is missing '{key}'"))
        else:
            values[key] = _scalar(fields[key][1], here, key, problems)
    topic_id = values.get("id")
    if topic_id and (not TOPIC_ID.match(topic_id) or topic_id == UNSORTED):
        problems.append(Problem(here(fields["id"][1]), f"topic id '{topic_id}' must be lowercase words joined "
                                                      f"by '-' and not '{UNSORTED}'"))
        topic_id = None
    lists = {key: _strings(fields[key][1], here, key, problems) for key in LIST_KEYS if key in fields}
    parent = _scalar(fields["parent"][1], here, "parent", problems) if "parent" in fields else None
    min_hits = DEFAULT_MIN_ABSTRACT_HITS
    if "min_abstract_hits" in fields:
        raw = fields["min_abstract_hits"][1]
        if isinstance(raw, yaml.ScalarNode) and raw.tag.endswith(":int") and int(raw.value) >= 1:
            min_hits = int(raw.value)
        else:
            problems.append(Problem(here(raw), "'min_abstract_hits' must be a whole number of at least 1"))
    if not (topic_id and values.get("title") and values.get("description")):
        return None, problems
    if not lists.get("match") and not lists.get("match_title"):
        problems.append(Problem(here(node), f"topic '{topic_id}' has no 'match' phrases: only curation can tag it",
                                "warning"))
    return Topic(
        id=topic_id, title=values["title"], description=values["description"], origin=here(node),
        parent=parent, min_abstract_hits=min_hits, **lists,
    ), problems


def _check_structure(topics: list[Topic]) -> tuple[list[Topic], list[Problem]]:
    """Duplicate ids and aliases, unknown parents and parent cycles."""
    problems, unique, names = [], [], {}
    for topic in topics:
        clash = [n for n in (topic.id, *topic.aliases) if n in names]
        if clash:
            first = names[clash[0]]
            problems.append(Problem(topic.origin, f"'{clash[0]}' is already used by topic '{first.id}' "
                                                  f"at line {first.origin.line}"))
            if topic.id in names:
                continue
        unique.append(topic)
        for name in (topic.id, *topic.aliases):
            names.setdefault(name, topic)
    ids = {t.id: t for t in unique}
    for topic in unique:
        if topic.parent and topic.parent not in ids:
            problems.append(Problem(topic.origin, f"topic '{topic.id}' has unknown parent '{topic.parent}'"))
    in_cycle: set[str] = set()
    for topic in unique:
        seen, current = [topic.id], ids.get(topic.parent or "")
        while current and current.id not in seen:
            seen.append(current.id)
            current = ids.get(current.parent or "")
        if current and current.id == topic.id:
            problems.append(Problem(topic.origin, "parent cycle: " + " -> ".join(seen + [topic.id])))
            in_cycle.add(topic.id)
    # Keep the topics, but drop bad parents so pages never loop or link nowhere.
    unique = [replace(t, parent=None) if t.id in in_cycle or (t.parent and t.parent not in ids) else t
              for t in unique]
    return unique, problems
