"""Validate stage: typed checks of each file, then the rules that span files.

Every problem is located at the key or value it is about, worded in Indonesian
with the field, the expectation and the value found, and all are collected in one
run. Nothing here raises on bad input.
"""

from __future__ import annotations

import datetime
import difflib
import re
import types
import typing
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

from pydantic import BaseModel, RootModel, ValidationError

from generator import format as fmt
from generator import messages
from generator.index import (
    KINDS,
    CurriculumIndex,
    is_offered_status,
    is_published_status,
    serves,
    session_instant,
    track_folder,
)
from generator.load import Document, Loc, Page, Sources, kind_of, paused_gc
from generator.messages import describe_type
from generator.problems import ERROR, Problem, error, warning
from generator.routes import docs_path

STALE_AFTER_DAYS = 365


@dataclass
class Located:
    """A typed model together with the document it came from (for positions)."""

    document: Document
    model: Any


@dataclass
class Checked:
    """The curriculum after validation: typed models, keyed by id, in file order."""

    config: fmt.SiteConfig
    config_document: Document | None
    frameworks: dict[str, Located] = field(default_factory=dict)
    tracks: dict[str, Located] = field(default_factory=dict)
    modules: dict[str, Located] = field(default_factory=dict)
    pathways: dict[str, Located] = field(default_factory=dict)
    glossary: Located | None = None
    pages: list[Page] = field(default_factory=list)
    # Ids of files that exist but failed to load or validate, by kind: references to
    # them are not reported again, since the file's own errors already say what to fix.
    broken: dict[str, set[str]] = field(default_factory=dict)
    # Documents that failed their model: their references are still checked where the
    # raw data allows, so a typo there is not hidden behind the file's other error.
    unchecked: list[Document] = field(default_factory=list)

    def exists(self, kind: str, item_id: str) -> bool:
        """Say whether a file of `kind` with this id exists, valid or not."""
        buckets = {"framework": self.frameworks, "track": self.tracks, "module": self.modules}
        return item_id in buckets[kind] or item_id in self.broken.get(kind, set())


@dataclass
class Validation:
    checked: Checked
    problems: list[Problem]
    files: int

    @property
    def ok(self) -> bool:
        return not any(problem.severity == ERROR for problem in self.problems)


def validate(sources: Sources, *, today: datetime.date) -> Validation:
    """Check every file against its model, then every rule that spans files."""
    with paused_gc():
        return _validate(sources, today=today)


def _validate(sources: Sources, *, today: datetime.date) -> Validation:
    problems = list(sources.problems)
    typed: list[Located] = []
    unchecked: list[Document] = []
    for document in sources.documents:
        model, document_problems = check_document(document)
        problems.extend(document_problems)
        if model is not None:
            typed.append(Located(document, model))
        else:
            unchecked.append(document)
    checked, index_problems = _index(typed, sources.pages)
    checked.unchecked = unchecked
    problems.extend(index_problems)
    checked.broken = _broken_ids(problems)
    for rule in _RULES:
        problems.extend(rule(checked, today))
    return Validation(checked, sorted(set(problems)), sources.files)


# --- one file against its model ------------------------------------------------------


def check_document(document: Document) -> tuple[Any, list[Problem]]:
    """Validate one document against its format model."""
    model_class = fmt.FORMAT_MODELS[document.kind]
    try:
        return model_class.model_validate(document.data), []
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        typos = _typo_fixes(model_class, errors)
        return None, [
            _translate(document, model_class, details)
            for details in errors
            if not (details["type"] == "missing" and tuple(details["loc"]) in typos)
        ]


def _typo_fixes(model_class: type[BaseModel], errors: list[dict]) -> set[Loc]:
    """Locations of missing fields that an unknown key nearby already suggests.

    `objective:` for `objectives:` is one mistake: the unknown key's "did you mean" says
    it all, so the missing `objectives` is not reported as well.
    """
    fixes = set()
    for details in errors:
        if details["type"] == "extra_forbidden":
            parent = tuple(details["loc"][:-1])
            match = _close_match(str(details["loc"][-1]), _field_names(model_class, parent))
            if match:
                fixes.add((*parent, match))
    return fixes


def _translate(document: Document, model_class: type[BaseModel], details: dict) -> Problem:
    loc = tuple(details["loc"])
    kind = details["type"]
    is_key = bool(loc) and loc[-1] == "[key]"
    if is_key:
        loc = loc[:-1]
    label = loc_label(loc)
    value = details.get("input")
    if kind == "missing":
        parent = loc[:-1]
        return error(
            document.path,
            document.position(parent),
            "field-missing",
            field=str(loc[-1]),
            parent=loc_label(parent) if parent else None,
        )
    if kind == "extra_forbidden":
        allowed = _field_names(model_class, loc[:-1])
        return error(
            document.path,
            document.key_position(loc),
            "field-unknown",
            field=str(loc[-1]),
            parent=loc_label(loc[:-1]) if loc[:-1] else None,
            suggestion=_close_match(str(loc[-1]), allowed),
            allowed=allowed,
        )
    position = document.key_position(loc) if is_key else document.position(loc)
    span = document.span(loc)
    subject = (
        messages.subject(str(loc[-1]), loc_label(loc[:-1])) if is_key else messages.subject(label)
    )
    # YAML 1.1 typed a plain scalar (10:30, no, 2026-12-01): say what was written and how
    # YAML read it, and when text was expected tell the editor to quote it.
    retyped = (
        span.source is not None
        and kind in ("string_type", "literal_error")
        and not isinstance(value, str | dict | list)
        and not is_key
    )
    found = messages.found_unquoted(span.source, value) if retyped else describe_type(value)
    code, fields = _type_problem(kind, details, value, found)
    if retyped and kind == "string_type":
        fields["quote"] = span.source
    return error(document.path, position, code, subject=subject, **fields)


def _type_problem(kind: str, details: dict, value: Any, found: str) -> tuple[str, dict]:
    """The catalogue code and fields (besides `subject`) for one model error."""
    ctx = details.get("ctx") or {}
    if kind == "string_type":
        return "value-not-text", {"found": found}
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return "value-not-integer", {"found": found, "quoted": isinstance(value, str)}
    if kind == "bool_type":
        return "value-not-boolean", {"found": found}
    if kind == "list_type":
        return "value-not-list", {"found": found}
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return "value-not-mapping", {"found": found}
    if kind == "literal_error":
        options = re.findall(r"'([^']*)'|(\d+)", str(ctx.get("expected", "")))
        choices = [quoted or number for quoted, number in options]
        suggestion = _close_match(str(value), choices) if isinstance(value, str) else None
        return "value-not-choice", {"choices": choices, "found": found, "suggestion": suggestion}
    if kind == "string_pattern_mismatch":
        pattern = ctx.get("pattern")
        return "value-pattern", {
            "pattern": _PATTERN_NAMES.get(pattern),
            "found": found,
            "hint": _pattern_hint(pattern, value),
        }
    if kind == "string_too_long":
        limit = ctx.get("max_length")
        hint = {200: "summary", fmt.MAX_MARKDOWN_CHARS: "markdown"}.get(limit)
        return "value-too-long", {"limit": limit, "length": len(value), "hint": hint}
    if kind == "markup_count":
        return "value-markup", {"detail": details.get("msg")}
    if kind == "less_than_equal" and isinstance(value, int) and value > 10**12:
        # A number of a few hundred digits says nothing when printed whole.
        return "value-huge", {"limit": ctx.get("le"), "digits": len(str(value))}
    if kind == "string_too_short":
        return "value-empty", {}
    if kind == "too_short":
        return "value-too-few", {"minimum": ctx.get("min_length")}
    if kind == "greater_than":
        return "value-not-greater", {"limit": ctx.get("gt"), "found": found}
    if kind == "greater_than_equal":
        return "value-too-small", {"limit": ctx.get("ge"), "found": found}
    if kind == "less_than_equal":
        return "value-too-large", {"limit": ctx.get("le"), "found": found}
    if kind == "timezone":
        suggestion = _close_match(str(value), sorted(fmt.timezone_names()))
        return "timezone-unknown", {"zone": value, "suggestion": suggestion}
    if kind == "real_date":
        return "date-invalid", {"detail": details.get("msg")}
    return "value-invalid", {"detail": details.get("msg"), "found": found}


number = messages.number


# The format's patterns by the name their wording has in the message catalogue.
_PATTERN_NAMES = {
    fmt.SLUG_PATTERN: "SLUG_PATTERN",
    fmt.REF_PATTERN: "REF_PATTERN",
    fmt.DATE_PATTERN: "DATE_PATTERN",
    fmt.LOCAL_TIME_PATTERN: "LOCAL_TIME_PATTERN",
    fmt.HTTPS_PATTERN: "HTTPS_PATTERN",
    fmt.SITE_URL_PATTERN: "SITE_URL_PATTERN",
    fmt.ICON_PATTERN: "ICON_PATTERN",
    r"^[^\n]*$": "ONE_LINE",
}


def _pattern_hint(pattern: str | None, value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    if pattern in (fmt.HTTPS_PATTERN, fmt.SITE_URL_PATTERN) and value.startswith("http://"):
        return "https"
    if pattern in (fmt.SLUG_PATTERN, fmt.REF_PATTERN) and value.strip().lower() != value:
        return "lowercase"
    return None


def loc_label(loc: Loc) -> str:
    """Write a location as editors read it: `activities[0].minutes`."""
    text = ""
    for part in loc:
        if isinstance(part, int) and not (text and text.endswith(("kirkpatrick", "indicators"))):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text or "berkas"


def _close_match(value: str, choices: Iterable[str]) -> str | None:
    matches = difflib.get_close_matches(value, list(choices), n=1, cutoff=0.6)
    return matches[0] if matches else None


def _field_names(model_class: type, loc: Loc) -> list[str]:
    target = _type_at(model_class, loc)
    if isinstance(target, type) and issubclass(target, BaseModel):
        return list(target.model_fields)
    return []


def _type_at(annotation: Any, loc: Loc) -> Any:
    """Follow a pydantic location through the model's annotations."""
    current = _unwrap(annotation)
    for part in loc:
        if isinstance(current, type) and issubclass(current, RootModel):
            current = _unwrap(current.model_fields["root"].annotation)
        if isinstance(current, type) and issubclass(current, BaseModel):
            if part not in current.model_fields:
                return None
            current = _unwrap(current.model_fields[part].annotation)
        elif typing.get_origin(current) in (list, dict):
            current = _unwrap(typing.get_args(current)[-1])
        else:
            return None
    if isinstance(current, type) and issubclass(current, RootModel):
        return _unwrap(current.model_fields["root"].annotation)
    return current


def _unwrap(annotation: Any) -> Any:
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            options = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
            annotation = options[0]
        else:
            return annotation


# --- indexing: ids, files and folders -------------------------------------------------


def _index(typed: list[Located], pages: list[Page]) -> tuple[Checked, list[Problem]]:
    problems: list[Problem] = []
    config_items = [item for item in typed if item.document.kind == "site_config"]
    config = config_items[0].model if config_items else fmt.SiteConfig.model_construct(tracks=[])
    checked = Checked(config, config_items[0].document if config_items else None, pages=pages)
    buckets = {
        "framework": checked.frameworks,
        "track": checked.tracks,
        "module": checked.modules,
        "pathway": checked.pathways,
    }
    for item in typed:
        kind, document = item.document.kind, item.document
        if kind == "glossary":
            checked.glossary = item
            continue
        if kind not in buckets:
            continue
        stem = PurePosixPath(document.path).stem
        if item.model.id != stem:
            problems.append(
                error(
                    document.path,
                    document.position(("id",)),
                    "id-not-file-name",
                    stem=stem,
                    id=item.model.id,
                )
            )
            continue
        bucket = buckets[kind]
        if stem in bucket:
            first = bucket[stem].document.path
            problems.append(
                error(
                    document.path,
                    document.position(("id",)),
                    "id-duplicate",
                    id=stem,
                    first=first,
                )
            )
            continue
        bucket[stem] = item
    return checked, problems


def _broken_ids(problems: list[Problem]) -> dict[str, set[str]]:
    broken: dict[str, set[str]] = {}
    for problem in problems:
        kind = kind_of(problem.path)
        if problem.severity == ERROR and kind in ("framework", "track", "module", "pathway"):
            broken.setdefault(kind, set()).add(PurePosixPath(problem.path).stem)
    return broken


def _check_track_order(checked: Checked, today: datetime.date) -> Iterator[Problem]:
    document = checked.config_document
    if document is None:
        return
    seen: dict[str, int] = {}
    for i, track_id in enumerate(checked.config.tracks):
        position = document.position(("tracks", i))
        if track_id in seen:
            yield error(
                document.path,
                position,
                "track-listed-twice",
                track=track_id,
                first=seen[track_id] + 1,
            )
            continue
        seen[track_id] = i
        if not checked.exists("track", track_id):
            yield error(
                document.path,
                position,
                "track-unknown",
                track=track_id,
                suggestion=_close_match(track_id, checked.tracks),
            )
    for track_id, item in checked.tracks.items():
        if track_id not in seen:
            yield error(
                document.path,
                document.key_position(("tracks",)),
                "track-not-listed",
                track=track_id,
                path=item.document.path,
            )


def _check_module_folders(checked: Checked, today: datetime.date) -> Iterator[Problem]:
    for item in checked.modules.values():
        folder = track_folder(item.document.path)
        if not checked.exists("track", folder):
            yield error(
                item.document.path,
                item.document.key_position(("id",)),
                "module-folder-unknown",
                folder=folder,
                tracks=list(checked.tracks),
                suggestion=_close_match(folder, checked.tracks),
            )


# --- frameworks and competency references ------------------------------------------------


def _check_frameworks(checked: Checked, today: datetime.date) -> Iterator[Problem]:
    for item in checked.frameworks.values():
        framework, document = item.model, item.document
        scale = [step.level for step in framework.levels or []]
        for i, level in enumerate(scale):
            if level in scale[:i]:
                yield error(
                    document.path,
                    document.position(("levels", i, "level")),
                    "level-duplicate",
                    level=level,
                )
        seen: set[str] = set()
        for i, competency in enumerate(framework.competencies):
            if competency.id in seen:
                yield error(
                    document.path,
                    document.position(("competencies", i, "id")),
                    "competency-id-duplicate",
                    id=competency.id,
                )
            seen.add(competency.id)
            for level in competency.level_indicators or {}:
                loc = ("competencies", i, "level_indicators", level)
                if not scale:
                    yield error(
                        document.path,
                        document.key_position(loc),
                        "level-indicators-unlevelled",
                    )
                    break
                if level not in scale:
                    yield error(
                        document.path,
                        document.key_position(loc),
                        "level-indicator-off-scale",
                        level=level,
                        scale=list(scale),
                    )


def competency_index(checked: Checked) -> dict[str, tuple[fmt.Framework, fmt.Competency]]:
    return CurriculumIndex(checked).competencies


def _check_competency_refs(checked: Checked, today: datetime.date) -> Iterator[Problem]:
    competencies = competency_index(checked)
    for item in checked.modules.values():
        module, document = item.model, item.document
        if not module.competencies:
            if is_published_status(module.status):
                yield warning(
                    document.path,
                    document.key_position(
                        ("competencies",) if module.competencies is not None else ("id",)
                    ),
                    "module-no-competencies",
                )
            continue
        seen: set[str] = set()
        for i, ref in enumerate(module.competencies):
            yield from _check_ref(document, i, ref, competencies, checked, seen)
            seen.add(ref.ref)


def _check_ref(document, i, ref, competencies, checked, seen) -> Iterator[Problem]:
    loc = ("competencies", i)
    if ref.ref in seen:
        yield error(
            document.path,
            document.position((*loc, "ref")),
            "competency-ref-duplicate",
            ref=ref.ref,
        )
        return
    if ref.ref not in competencies:
        framework_id = ref.ref.split("/")[0]
        if framework_id in checked.broken.get("framework", set()):
            return
        framework_unknown = framework_id not in checked.frameworks
        yield error(
            document.path,
            document.position((*loc, "ref")),
            "competency-unknown",
            ref=ref.ref,
            framework=framework_id,
            frameworks=list(checked.frameworks) if framework_unknown else None,
            suggestion=_close_match(framework_id, checked.frameworks)
            if framework_unknown
            else _close_match(ref.ref, competencies),
        )
        return
    framework, _ = competencies[ref.ref]
    scale = [step.level for step in framework.levels or []]
    if not scale and ref.level is not None:
        yield error(
            document.path,
            document.key_position((*loc, "level")),
            "level-not-allowed",
            framework=framework.id,
            ref=ref.ref,
        )
    elif scale and ref.level is None:
        yield error(
            document.path,
            document.position(loc),
            "level-required",
            ref=ref.ref,
            framework=framework.id,
            scale=list(scale),
        )
    elif scale and ref.level not in scale:
        yield error(
            document.path,
            document.position((*loc, "level")),
            "level-off-scale",
            level=ref.level,
            framework=framework.id,
            scale=list(scale),
        )


def _check_undeveloped_competencies(checked: Checked, today: datetime.date) -> Iterator[Problem]:
    if checked.broken.get("module", set()) - checked.modules.keys():
        return  # a module that could not be read may develop any of them
    # Archived modules are no longer offered, so they leave the competency undeveloped.
    developed = {
        ref.ref
        for item in checked.modules.values()
        if is_offered_status(item.model.status)
        for ref in item.model.competencies or []
    }
    for item in checked.frameworks.values():
        for i, competency in enumerate(item.model.competencies):
            if f"{item.model.id}/{competency.id}" not in developed:
                yield warning(
                    item.document.path,
                    item.document.position(("competencies", i, "id")),
                    "competency-uncovered",
                    framework=item.model.id,
                    competency=competency.id,
                )


# --- prerequisites -------------------------------------------------------------------------


def _check_prerequisites(checked: Checked, today: datetime.date) -> Iterator[Problem]:
    modules = checked.modules
    for item in modules.values():
        module, document = item.model, item.document
        for i, prerequisite in enumerate(module.prerequisites or []):
            position = document.position(("prerequisites", i))
            if prerequisite == module.id:
                yield error(
                    document.path,
                    position,
                    "prerequisite-self",
                    module=module.id,
                )
            elif not checked.exists("module", prerequisite):
                yield error(
                    document.path,
                    position,
                    "prerequisite-unknown",
                    module=prerequisite,
                    suggestion=_close_match(prerequisite, modules),
                )
            elif (
                prerequisite in modules
                and is_published_status(module.status)
                and not is_published_status(modules[prerequisite].model.status)
            ):
                yield error(
                    document.path,
                    position,
                    "prerequisite-draft",
                    module=prerequisite,
                )
    yield from _check_cycles(checked)


def _check_cycles(checked: Checked) -> Iterator[Problem]:
    graph = {
        module_id: [
            p for p in item.model.prerequisites or [] if p in checked.modules and p != module_id
        ]
        for module_id, item in checked.modules.items()
    }
    for cycle in find_cycles(graph):
        first = checked.modules[cycle[0]]
        index = (first.model.prerequisites or []).index(cycle[1])
        yield error(
            first.document.path,
            first.document.position(("prerequisites", index)),
            "prerequisite-cycle",
            cycle=list(cycle),
        )


def find_cycles(graph: dict[str, list[str]]) -> list[list[str]]:
    """Return each prerequisite cycle once, as a closed walk starting at its smallest id."""
    cycles: list[list[str]] = []
    seen_cycles: set[frozenset[str]] = set()
    state: dict[str, int] = {}  # 1 = on the current path, 2 = finished
    for start in sorted(graph):
        if state.get(start):
            continue
        path: list[str] = []
        stack: list[tuple[str, Iterator[str]]] = [(start, iter(graph[start]))]
        state[start] = 1
        path.append(start)
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                stack.pop()
                path.pop()
                state[node] = 2
            elif state.get(child) == 1:
                cycle = path[path.index(child) :]
                if frozenset(cycle) not in seen_cycles:
                    seen_cycles.add(frozenset(cycle))
                    smallest = cycle.index(min(cycle))
                    ordered = cycle[smallest:] + cycle[:smallest]
                    cycles.append([*ordered, ordered[0]])
            elif not state.get(child):
                state[child] = 1
                path.append(child)
                stack.append((child, iter(graph[child])))
    return cycles


# --- pathways --------------------------------------------------------------------------------


def _check_pathways(checked: Checked, today: datetime.date) -> Iterator[Problem]:
    modules = checked.modules
    for item in checked.pathways.values():
        pathway, document = item.model, item.document
        assumed = set()
        for i, module_id in enumerate(pathway.assumes or []):
            position = document.position(("assumes", i))
            if not checked.exists("module", module_id):
                yield error(
                    document.path,
                    position,
                    "assumes-unknown",
                    module=module_id,
                    suggestion=_close_match(module_id, modules),
                )
            assumed.add(module_id)
        earlier: dict[str, str] = {}
        for p, phase in enumerate(pathway.phases):
            for s, step in enumerate(phase.steps):
                loc = ("phases", p, "steps", s, "module")
                yield from _check_step(document, loc, pathway, step, checked, earlier, assumed)
                earlier.setdefault(step.module, loc_label(loc[:-1]))


def _check_step(document, loc, pathway, step, checked, earlier, assumed) -> Iterator[Problem]:
    position = document.position(loc)
    modules = checked.modules
    if step.module not in modules:
        if checked.exists("module", step.module):
            return
        yield error(
            document.path,
            position,
            "step-unknown",
            module=step.module,
            suggestion=_close_match(step.module, modules),
        )
        return
    if step.module in earlier:
        yield error(
            document.path,
            position,
            "step-repeated",
            module=step.module,
            first=earlier[step.module],
        )
        return
    if step.module in assumed:
        yield error(
            document.path,
            position,
            "step-also-assumed",
            module=step.module,
        )
        return
    module = modules[step.module].model
    if is_offered_status(pathway.status) and not is_published_status(module.status):
        yield error(
            document.path,
            position,
            "step-draft",
            module=step.module,
        )
    elif is_offered_status(pathway.status) and module.status == "archived":
        yield warning(
            document.path,
            position,
            "step-archived",
            module=step.module,
        )
    unserved = [audience for audience in pathway.audience if not serves(module.audience, audience)]
    if is_offered_status(pathway.status) and unserved:
        # The competency map counts a module only for its own audience: this step would
        # leave a gap that the pathway promises to fill.
        yield warning(
            document.path,
            position,
            "step-audience",
            module=step.module,
            audiences=list(unserved),
        )
    for prerequisite in module.prerequisites or []:
        if prerequisite == step.module:
            continue  # reported in the module itself
        if prerequisite in modules and prerequisite not in earlier and prerequisite not in assumed:
            yield error(
                document.path,
                position,
                "step-order",
                module=step.module,
                prerequisite=prerequisite,
            )


# --- sessions, dates and links -----------------------------------------------------------------


def _check_sessions(checked: Checked, today: datetime.date) -> Iterator[Problem]:
    for item in checked.modules.values():
        for i, session in enumerate(item.model.sessions or []):
            instant = session_instant(item.model.id, i, session, checked.config.default_timezone)
            if not instant.exists:
                yield error(
                    item.document.path,
                    item.document.position(("sessions", i, "start")),
                    "session-time-skipped",
                    start=str(session.start),
                    zone=instant.zone,
                )


def _check_review_dates(checked: Checked, today: datetime.date) -> Iterator[Problem]:
    for item in checked.modules.values():
        module = item.model
        if module.reviewed is None or not is_offered_status(module.status):
            continue
        age = (today - datetime.date.fromisoformat(module.reviewed)).days
        if age > STALE_AFTER_DAYS:
            yield warning(
                item.document.path,
                item.document.position(("reviewed",)),
                "review-overdue",
                reviewed=str(module.reviewed),
            )
        elif age < 0:
            yield error(
                item.document.path,
                item.document.position(("reviewed",)),
                "review-in-future",
                reviewed=str(module.reviewed),
            )


_LINK = re.compile(
    r"\]\(\s*<?((?:[^()\s>]|\([^()\s]*\))+)"  # [text](target), with (balanced) parentheses
    r"|<([a-zA-Z][a-zA-Z0-9+.-]*:[^>\s]*)>"  # <scheme:...> autolinks
    r"|(?:href|src)\s*=\s*[\"']?([^\"'\s>]+)"  # raw HTML attributes, quoted or not
    r"|^[ ]{0,3}\[[^\]\n]+\]:[ \t]*<?([^\s>]+)",  # [label]: target (reference links)
    re.IGNORECASE | re.MULTILINE,
)
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
ALLOWED_SCHEMES = {"https", "mailto"}


def unsafe_links(markdown: str) -> list[str]:
    """Return link targets whose scheme is neither https nor mailto."""
    found = []
    for match in _LINK.finditer(markdown):
        target = next(group for group in match.groups() if group)
        scheme = _SCHEME.match(target)
        if scheme and scheme.group(1).lower() not in ALLOWED_SCHEMES:
            found.append(target)
    return found


def markdown_values(
    data: Any, may_link: Callable[[str], bool] = lambda value: ":" in value
) -> Iterator[tuple[Loc, str]]:
    """Yield every text value that could hold a link, in file order, with its location."""
    stack: list[tuple[Loc, Any]] = [((), data)]
    while stack:
        loc, value = stack.pop()
        if isinstance(value, str):
            if may_link(value):
                yield loc, value
        elif isinstance(value, dict):
            stack.extend(((*loc, key), item) for key, item in reversed(value.items()))
        elif isinstance(value, list):
            stack.extend(((*loc, i), item) for i, item in reversed(list(enumerate(value))))


_LINKS_SHOWN = 10


def _check_links(checked: Checked, today: datetime.date) -> Iterator[Problem]:
    located = [
        *checked.frameworks.values(),
        *checked.tracks.values(),
        *checked.modules.values(),
        *checked.pathways.values(),
        *([checked.glossary] if checked.glossary else []),
    ]
    for item in located:
        for loc, text in markdown_values(item.document.data):
            targets = unsafe_links(text)
            if not targets:
                continue
            # Ten lines say enough; each search goes on from the previous hit.
            positions = item.document.find_all(targets[: _LINKS_SHOWN + 1], loc)
            for shown, (target, position) in enumerate(zip(targets, positions, strict=False)):
                yield error(
                    item.document.path,
                    position,
                    "link-scheme",
                    target=target[:60],
                    field=loc_label(loc),
                    more=_more(len(targets), shown),
                )
    for page in checked.pages:
        found: list[tuple[str, tuple[int, int]]] = []
        total = 0
        for line_number, line in enumerate(page.text.split("\n"), start=1):
            targets = unsafe_links(line)
            total += len(targets)
            column = 0
            for target in targets[: _LINKS_SHOWN + 1 - len(found)]:
                column = max(line.find(target, column), 0)
                found.append((target, (line_number, column + 1)))
                column += len(target)
        for shown, (target, position) in enumerate(found):
            yield error(
                page.path,
                position,
                "page-link-scheme",
                target=target[:60],
                more=_more(total, shown),
            )


def _more(total: int, shown: int) -> int:
    """After ten refused links in one value, the eleventh says how many more follow."""
    if shown == _LINKS_SHOWN and total > _LINKS_SHOWN + 1:
        return total - _LINKS_SHOWN - 1
    return 0


def _check_page_bounds(checked: Checked, today: datetime.date) -> Iterator[Problem]:
    """Free pages are rendered like Markdown fields: bound what they cost to render."""
    for page in checked.pages:
        # The file name's length is the loader's (generator.load._page_name_problems).
        if len(page.text) > fmt.MAX_PAGE_CHARS:
            yield error(
                page.path,
                _offset_position(page.text, fmt.MAX_PAGE_CHARS),
                "page-too-long",
                limit=fmt.MAX_PAGE_CHARS,
                length=len(page.text),
            )
        found = fmt.markup_count(page.text)
        if found:
            char, count = found
            offset = -1
            for _ in range(fmt.MAX_MARKUP_CHARS + 1):
                offset = page.text.find(char, offset + 1)
            yield error(
                page.path,
                _offset_position(page.text, offset),
                "page-markup",
                count=count,
                char=char,
                limit=fmt.MAX_MARKUP_CHARS,
            )


def _offset_position(text: str, offset: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def _check_glossary(checked: Checked, today: datetime.date) -> Iterator[Problem]:
    if checked.glossary is None:
        return
    seen: dict[str, int] = {}
    for i, entry in enumerate(checked.glossary.model.root):
        key = entry.term.casefold()
        if key in seen:
            yield error(
                checked.glossary.document.path,
                checked.glossary.document.position((i, "term")),
                "glossary-term-duplicate",
                term=entry.term,
                first=seen[key] + 1,
            )
        seen.setdefault(key, i)


_ANCHOR = re.compile(r"^[a-z0-9_-]{1,80}$")


def published_ids(checked: Checked) -> dict[str, set[str]]:
    index = CurriculumIndex(checked)
    return {
        **{kind: set(index.published(kind)) for kind in KINDS},
        "competency": set(index.competencies),
        "page": index.page_ids,
    }


def _check_site_paths(checked: Checked, today: datetime.date) -> Iterator[Problem]:
    published = published_ids(checked)
    for item in checked.modules.values():
        for i, resource in enumerate(item.model.resources or []):
            fragment = resource.url.partition("#")[2] if resource.url.startswith("/") else ""
            if fragment and not _ANCHOR.match(fragment):
                yield error(
                    item.document.path,
                    item.document.position(("resources", i, "url")),
                    "resource-fragment",
                    fragment=fragment[:40],
                    url=resource.url[:80],
                )
            elif resource.url.startswith("/") and not docs_path(
                resource.url, lambda kind, key: key in published[kind]
            ):
                yield error(
                    item.document.path,
                    item.document.position(("resources", i, "url")),
                    "resource-unknown-page",
                    url=resource.url,
                )


def site_link_problem(target: str, published: dict[str, set[str]]) -> dict | None:
    """Why a link without a scheme in an editor's Markdown cannot be published, if it can't.

    The rendered HTML is never read by MkDocs again, so only a site path that names a
    published page (or a section of the same page) can be resolved and checked. The answer
    is the `site-link` message's `reason` (and `fragment`) fields.
    """
    if _SCHEME.match(target) or target.startswith("#"):
        return None
    if target.startswith("/") and not target.startswith("//"):
        path, _, fragment = target.partition("#")
        if fragment and not _ANCHOR.match(fragment):
            return {"reason": "fragment", "fragment": fragment[:40]}
        if docs_path(path, lambda kind, key: key in published[kind]):
            return None
        return {"reason": "unknown-page"}
    return {"reason": "unresolvable"}


# As _LINK, but only what the sanitiser keeps as a link a reader can follow: the `href` of
# an `<a>`; `<img>`, `<link>`, `<base>` and their addresses are removed anyway.
_FOLLOWED_LINK = re.compile(
    _LINK.pattern.replace(r"|(?:href|src)\s*=", r"|<a\b[^>]*?\bhref\s*="), _LINK.flags
)


def link_targets(text: str) -> Iterator[str]:
    """Targets of the links a reader could follow in one Markdown text."""
    for match in _FOLLOWED_LINK.finditer(text):
        yield next(group for group in match.groups() if group)


def _check_site_links(checked: Checked, today: datetime.date) -> Iterator[Problem]:
    published = published_ids(checked)
    located = [
        *checked.frameworks.values(),
        *checked.tracks.values(),
        *checked.modules.values(),
        *checked.pathways.values(),
        *([checked.glossary] if checked.glossary else []),
    ]
    for item in located:
        for loc, text in markdown_values(item.document.data, may_link):
            if not is_markdown_field(loc):
                continue  # plain text: a link there is shown as written, never followed
            for target in link_targets(text):
                if (reason := site_link_problem(target, published)) is not None:
                    yield error(
                        item.document.path,
                        item.document.find(target, loc),
                        "site-link",
                        target=target[:60],
                        field=loc_label(loc),
                        **reason,
                    )
    for page in checked.pages:
        for line_number, line in enumerate(page.text.split("\n"), start=1):
            if line_number == 1 and line.startswith("# "):
                continue  # the title is plain text, shown as written
            for target in link_targets(line):
                if (reason := site_link_problem(target, published)) is not None:
                    yield error(
                        page.path,
                        (line_number, line.find(target) + 1),
                        "site-link",
                        target=target[:60],
                        **reason,
                    )


def is_markdown_field(loc: Loc) -> bool:
    """Whether the value at `loc` is rendered as Markdown (`description`, `definition`).

    A scale step's `description` is shown as plain text.
    """
    return bool(loc) and loc[-1] in ("description", "definition") and "levels" not in loc[:-1]


def may_link(value: str) -> bool:
    return "](" in value or "]:" in value or "<" in value or "=" in value


def _check_placeholders(checked: Checked, today: datetime.date) -> Iterator[Problem]:
    located = [
        *checked.tracks.values(),
        *(item for item in checked.modules.values() if is_published_status(item.model.status)),
        *(item for item in checked.pathways.values() if is_published_status(item.model.status)),
    ]
    for item in located:
        for loc, text in markdown_values(item.document.data):
            if fmt.PLACEHOLDER in text:
                yield warning(
                    item.document.path,
                    item.document.position(loc),
                    "placeholder-left",
                    field=loc_label(loc),
                    placeholder=fmt.PLACEHOLDER,
                )


def _check_references_in_unchecked_files(
    checked: Checked, today: datetime.date
) -> Iterator[Problem]:
    for document in checked.unchecked:
        data = document.data if isinstance(document.data, dict) else {}
        if document.kind == "module":
            references = [
                (("prerequisites", i), value) for i, value in _items(data, "prerequisites")
            ]
            code = "prerequisite-unknown"
        elif document.kind == "pathway":
            references = [
                (("phases", p, "steps", s, "module"), step.get("module"))
                for p, phase in _items(data, "phases")
                if isinstance(phase, dict)
                for s, step in _items(phase, "steps")
                if isinstance(step, dict)
            ]
            code = "step-unknown"
        else:
            continue
        for loc, module_id in references:
            if isinstance(module_id, str) and not checked.exists("module", module_id):
                yield error(
                    document.path,
                    document.position(loc),
                    code,
                    module=module_id,
                    suggestion=_close_match(module_id, checked.modules),
                )


def _items(data: dict, key: str) -> list[tuple[int, Any]]:
    value = data.get(key)
    return list(enumerate(value)) if isinstance(value, list) else []


_RULES = [
    _check_track_order,
    _check_module_folders,
    _check_frameworks,
    _check_competency_refs,
    _check_undeveloped_competencies,
    _check_prerequisites,
    _check_pathways,
    _check_sessions,
    _check_review_dates,
    _check_links,
    _check_site_links,
    _check_page_bounds,
    _check_glossary,
    _check_site_paths,
    _check_placeholders,
    _check_references_in_unchecked_files,
]
