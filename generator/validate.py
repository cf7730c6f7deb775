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
from zoneinfo import ZoneInfo

from pydantic import BaseModel, RootModel, ValidationError

from generator import format as fmt
from generator.load import Document, Loc, Page, Sources, describe_type, kind_of, paused_gc
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
        where = f" di `{loc_label(parent)}`" if parent else ""
        return error(
            document.path,
            document.position(parent),
            f"kolom wajib `{loc[-1]}` belum ada{where}",
        )
    if kind == "extra_forbidden":
        allowed = _field_names(model_class, loc[:-1])
        hint = _did_you_mean(str(loc[-1]), allowed)
        return error(
            document.path,
            document.key_position(loc),
            f"kolom `{loc[-1]}` tidak dikenal{_in_parent(loc)}{hint or _allowed_list(allowed)}",
        )
    position = document.key_position(loc) if is_key else document.position(loc)
    span = document.span(loc)
    subject = f"kunci `{loc[-1]}` di `{loc_label(loc[:-1])}`" if is_key else f"`{label}`"
    # YAML 1.1 typed a plain scalar (10:30, no, 2026-12-01): say what was written and how
    # YAML read it, and when text was expected tell the editor to quote it.
    retyped = (
        span.source is not None
        and kind in ("string_type", "literal_error")
        and not isinstance(value, str | dict | list)
        and not is_key
    )
    found = (
        f"`{span.source}` tanpa tanda kutip, yang dibaca YAML sebagai {describe_type(value)}"
        if retyped
        else describe_type(value)
    )
    message = _type_message(kind, details, subject, value, found)
    if retyped and kind == "string_type":
        message += f'; apitkan nilai dengan tanda kutip: "{span.source}"'
    return error(document.path, position, message)


def _in_parent(loc: Loc) -> str:
    return f" di `{loc_label(loc[:-1])}`" if loc[:-1] else ""


def _allowed_list(allowed: list[str]) -> str:
    return f"; kolom yang dikenal: {', '.join(allowed)}" if allowed else ""


def _type_message(kind: str, details: dict, subject: str, value: Any, found: str) -> str:
    ctx = details.get("ctx") or {}
    if kind == "string_type":
        return f"{subject} harus berupa teks, ditemukan {found}"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        hint = "; hapus tanda kutip" if isinstance(value, str) else ""
        return f"{subject} harus berupa bilangan bulat, ditemukan {found}{hint}"
    if kind == "bool_type":
        return f"{subject} harus `true` atau `false`, ditemukan {found}"
    if kind == "list_type":
        return f"{subject} harus berupa daftar (setiap butir diawali `- `), ditemukan {found}"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return f"{subject} harus berupa pemetaan `kunci: nilai`, ditemukan {found}"
    if kind == "literal_error":
        options = re.findall(r"'([^']*)'|(\d+)", str(ctx.get("expected", "")))
        choices = [quoted or number for quoted, number in options]
        hint = _did_you_mean(str(value), choices) if isinstance(value, str) else ""
        return f"{subject} harus salah satu dari: {', '.join(choices)}; ditemukan {found}{hint}"
    if kind == "string_pattern_mismatch":
        return f"{subject} {_PATTERN_MESSAGES.get(ctx.get('pattern'), 'tidak sesuai format')}" + (
            f", ditemukan {found}{_pattern_hint(ctx.get('pattern'), value)}"
        )
    if kind == "string_too_long":
        limit = ctx.get("max_length")
        hint = {
            200: "pindahkan uraian panjang ke `description`",
            fmt.MAX_MARKDOWN_CHARS: "persingkat atau pecah uraiannya",
        }.get(limit, "persingkat teksnya")
        return (
            f"{subject} paling banyak {number(limit)} karakter, ditemukan "
            f"{number(len(value))} karakter; {hint}"
        )
    if kind == "markup_count":
        return f"{subject} {details.get('msg')}"
    if kind == "less_than_equal" and isinstance(value, int) and value > 10**12:
        # A number of a few hundred digits says nothing when printed whole.
        digits = len(str(value))
        return f"{subject} maksimal {number(ctx.get('le'))}, ditemukan bilangan {digits} digit"
    if kind == "string_too_short":
        return f"{subject} tidak boleh kosong"
    if kind == "too_short":
        return f"{subject} harus berisi minimal {ctx.get('min_length')} butir"
    if kind == "greater_than":
        return f"{subject} harus lebih besar dari {ctx.get('gt')}, ditemukan {found}"
    if kind == "greater_than_equal":
        return f"{subject} minimal {ctx.get('ge')}, ditemukan {found}"
    if kind == "less_than_equal":
        return f"{subject} maksimal {number(ctx.get('le'))}, ditemukan {found}"
    if kind == "timezone":
        hint = _did_you_mean(str(value), sorted(fmt.timezone_names()))
        return (
            f"{subject}: zona waktu `{value}` tidak dikenal; gunakan nama IANA seperti "
            f"Asia/Jakarta (WIB), Asia/Makassar (WITA) atau Asia/Jayapura (WIT){hint}"
        )
    if kind == "real_date":
        return f"{subject}: {details.get('msg')}"
    return f"{subject} tidak sah ({details.get('msg')}), ditemukan {found}"


def number(value: object) -> str:
    """Write a count the Indonesian way: 10.000."""
    return f"{value:,}".replace(",", ".") if isinstance(value, int) else str(value)


_PATTERN_MESSAGES = {
    fmt.SLUG_PATTERN: "harus berupa slug (huruf kecil, angka dan tanda hubung, mis. "
    "`keamanan-siber`)",
    fmt.REF_PATTERN: "harus berbentuk `<kerangka>/<kompetensi>`, mis. `manajerial/integritas`",
    fmt.DATE_PATTERN: 'harus berupa tanggal bertanda kutip "YYYY-MM-DD", mis. "2026-11-30"',
    fmt.LOCAL_TIME_PATTERN: 'harus berupa waktu setempat bertanda kutip "YYYY-MM-DDTHH:MM", '
    'mis. "2026-12-10T09:00"',
    fmt.HTTPS_PATTERN: "harus berupa alamat yang diawali `https://`",
    fmt.SITE_URL_PATTERN: "harus berupa alamat `https://…` atau jalur di dalam situs yang "
    "diawali `/`",
    fmt.ICON_PATTERN: "harus berupa nama ikon Material, mis. `material/shield-account`",
    r"^[^\n]*$": "harus satu baris teks tanpa baris baru (uraian panjang masuk `description`)",
}


def _pattern_hint(pattern: str | None, value: Any) -> str:
    if not isinstance(value, str):
        return ""
    if pattern in (fmt.HTTPS_PATTERN, fmt.SITE_URL_PATTERN) and value.startswith("http://"):
        return "; ganti `http://` dengan `https://`"
    if pattern in (fmt.SLUG_PATTERN, fmt.REF_PATTERN) and value.strip().lower() != value:
        return "; gunakan huruf kecil tanpa spasi"
    return ""


def loc_label(loc: Loc) -> str:
    """Write a location as editors read it: `activities[0].minutes`."""
    text = ""
    for part in loc:
        if isinstance(part, int) and not (text and text.endswith(("kirkpatrick", "indicators"))):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text or "berkas"


def _did_you_mean(value: str, choices: Iterable[str]) -> str:
    match = _close_match(value, choices)
    return f"; mungkin maksud Anda `{match}`?" if match else ""


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
                    f"`id` harus sama dengan nama berkas: berkas `{stem}.yml` berisi id "
                    f"`{item.model.id}`; ubah id menjadi `{stem}` atau ganti nama berkasnya",
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
                    f"id `{stem}` sudah dipakai oleh `{first}`; id harus unik di semua jalur",
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
                f"jalur `{track_id}` tercantum dua kali di `tracks` (pertama di butir "
                f"{seen[track_id] + 1}); hapus salah satunya",
            )
            continue
        seen[track_id] = i
        if not checked.exists("track", track_id):
            yield error(
                document.path,
                position,
                f"jalur `{track_id}` tidak punya berkas `curriculum/tracks/{track_id}.yml`"
                f"{_did_you_mean(track_id, checked.tracks)}",
            )
    for track_id, item in checked.tracks.items():
        if track_id not in seen:
            yield error(
                document.path,
                document.key_position(("tracks",)),
                f"jalur `{track_id}` ({item.document.path}) belum tercantum di `tracks`; "
                "tambahkan agar urutannya jelas",
            )


def _check_module_folders(checked: Checked, today: datetime.date) -> Iterator[Problem]:
    for item in checked.modules.values():
        folder = PurePosixPath(item.document.path).parent.name
        if not checked.exists("track", folder):
            yield error(
                item.document.path,
                item.document.key_position(("id",)),
                f"folder `curriculum/modules/{folder}/` bukan jalur yang dikenal (jalur yang "
                f"ada: {', '.join(checked.tracks) or '(belum ada)'})"
                f"{_did_you_mean(folder, checked.tracks)}",
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
                    f"tingkat {level} muncul dua kali di `levels`",
                )
        seen: set[str] = set()
        for i, competency in enumerate(framework.competencies):
            if competency.id in seen:
                yield error(
                    document.path,
                    document.position(("competencies", i, "id")),
                    f"id kompetensi `{competency.id}` muncul dua kali dalam kerangka ini",
                )
            seen.add(competency.id)
            for level in competency.level_indicators or {}:
                loc = ("competencies", i, "level_indicators", level)
                if not scale:
                    yield error(
                        document.path,
                        document.key_position(loc),
                        "`level_indicators` hanya untuk kerangka bertingkat; kerangka ini tidak "
                        "punya `levels`",
                    )
                    break
                if level not in scale:
                    yield error(
                        document.path,
                        document.key_position(loc),
                        f"tingkat {level} tidak ada di skala `levels` kerangka ini "
                        f"({_numbers(scale)})",
                    )


def _numbers(levels: Iterable[int]) -> str:
    return ", ".join(str(level) for level in levels)


def competency_index(checked: Checked) -> dict[str, tuple[fmt.Framework, fmt.Competency]]:
    return {
        f"{framework_id}/{competency.id}": (item.model, competency)
        for framework_id, item in checked.frameworks.items()
        for competency in item.model.competencies
    }


def _check_competency_refs(checked: Checked, today: datetime.date) -> Iterator[Problem]:
    competencies = competency_index(checked)
    for item in checked.modules.values():
        module, document = item.model, item.document
        if not module.competencies:
            if module.status != "draft":
                yield warning(
                    document.path,
                    document.key_position(
                        ("competencies",) if module.competencies is not None else ("id",)
                    ),
                    "modul ini belum memetakan kompetensi apa pun; tambahkan `competencies` "
                    "agar modul muncul di peta kompetensi",
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
            f"kompetensi `{ref.ref}` dicantumkan dua kali",
        )
        return
    if ref.ref not in competencies:
        framework_id = ref.ref.split("/")[0]
        if framework_id in checked.broken.get("framework", set()):
            return
        if framework_id not in checked.frameworks:
            detail = (
                f"kerangka `{framework_id}` tidak ada (kerangka yang ada: "
                f"{', '.join(checked.frameworks) or '(belum ada)'})"
                f"{_did_you_mean(framework_id, checked.frameworks)}"
            )
        else:
            detail = f"kompetensi tidak ada di kerangka `{framework_id}`" + _did_you_mean(
                ref.ref, competencies
            )
        yield error(
            document.path,
            document.position((*loc, "ref")),
            f"kompetensi `{ref.ref}` tidak dikenal: {detail}",
        )
        return
    framework, _ = competencies[ref.ref]
    scale = [step.level for step in framework.levels or []]
    if not scale and ref.level is not None:
        yield error(
            document.path,
            document.key_position((*loc, "level")),
            f"kerangka `{framework.id}` tidak bertingkat; hapus `level` dari rujukan `{ref.ref}`",
        )
    elif scale and ref.level is None:
        yield error(
            document.path,
            document.position(loc),
            f"rujukan `{ref.ref}` wajib menyebut `level` karena kerangka `{framework.id}` "
            f"bertingkat ({_numbers(scale)})",
        )
    elif scale and ref.level not in scale:
        yield error(
            document.path,
            document.position((*loc, "level")),
            f"tingkat {ref.level} tidak ada di skala kerangka `{framework.id}` ({_numbers(scale)})",
        )


def _check_undeveloped_competencies(checked: Checked, today: datetime.date) -> Iterator[Problem]:
    if checked.broken.get("module", set()) - checked.modules.keys():
        return  # a module that could not be read may develop any of them
    # Archived modules are no longer offered, so they leave the competency undeveloped.
    developed = {
        ref.ref
        for item in checked.modules.values()
        if item.model.status == "active"
        for ref in item.model.competencies or []
    }
    for item in checked.frameworks.values():
        for i, competency in enumerate(item.model.competencies):
            if f"{item.model.id}/{competency.id}" not in developed:
                yield warning(
                    item.document.path,
                    item.document.position(("competencies", i, "id")),
                    f"kompetensi `{item.model.id}/{competency.id}` belum dikembangkan oleh "
                    "modul aktif mana pun; ini celah di peta kompetensi",
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
                    f"modul `{module.id}` tidak boleh menjadi prasyarat dirinya sendiri; hapus "
                    "butir ini",
                )
            elif not checked.exists("module", prerequisite):
                yield error(
                    document.path,
                    position,
                    f"prasyarat `{prerequisite}` bukan modul yang dikenal"
                    f"{_did_you_mean(prerequisite, modules)}",
                )
            elif (
                prerequisite in modules
                and module.status != "draft"
                and modules[prerequisite].model.status == "draft"
            ):
                yield error(
                    document.path,
                    position,
                    f"prasyarat `{prerequisite}` masih draf sehingga tidak diterbitkan; "
                    "terbitkan modul itu atau hapus prasyarat ini",
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
            "prasyarat membentuk siklus: " + " → ".join([*cycle]) + "; putuskan salah satunya",
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
                    f"`assumes` menyebut `{module_id}` yang bukan modul dikenal"
                    f"{_did_you_mean(module_id, modules)}",
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
            f"langkah menyebut modul `{step.module}` yang tidak dikenal"
            f"{_did_you_mean(step.module, modules)}",
        )
        return
    if step.module in earlier:
        yield error(
            document.path,
            position,
            f"modul `{step.module}` sudah ada di `{earlier[step.module]}`; satu modul hanya boleh "
            "muncul sekali dalam jalur belajar",
        )
        return
    if step.module in assumed:
        yield error(
            document.path,
            position,
            f"modul `{step.module}` sudah tercantum di `assumes`; hapus dari salah satunya",
        )
        return
    module = modules[step.module].model
    if pathway.status == "active" and module.status == "draft":
        yield error(
            document.path,
            position,
            f"jalur belajar aktif tidak boleh memuat modul draf `{step.module}`",
        )
    elif pathway.status == "active" and module.status == "archived":
        yield warning(
            document.path,
            position,
            f"modul `{step.module}` sudah diarsipkan; ganti dengan modul penggantinya",
        )
    unserved = [
        audience
        for audience in pathway.audience
        if "semua" not in module.audience and audience not in module.audience
    ]
    if pathway.status == "active" and unserved:
        # The competency map counts a module only for its own audience: this step would
        # leave a gap that the pathway promises to fill.
        yield warning(
            document.path,
            position,
            f"modul `{step.module}` tidak menyasar {', '.join(f'`{a}`' for a in unserved)}, "
            "padahal jalur belajar ini menyasarnya; tambahkan ke `audience` modul itu agar "
            "peta kompetensi tidak berlubang",
        )
    for prerequisite in module.prerequisites or []:
        if prerequisite == step.module:
            continue  # reported in the module itself
        if prerequisite in modules and prerequisite not in earlier and prerequisite not in assumed:
            yield error(
                document.path,
                position,
                f"modul `{step.module}` memerlukan `{prerequisite}`, yang harus muncul di langkah "
                "sebelumnya atau di `assumes`",
            )


# --- sessions, dates and links -----------------------------------------------------------------


def _check_sessions(checked: Checked, today: datetime.date) -> Iterator[Problem]:
    for item in checked.modules.values():
        for i, session in enumerate(item.model.sessions or []):
            zone = session.timezone or checked.config.default_timezone
            local = datetime.datetime.fromisoformat(session.start)
            aware = local.replace(tzinfo=ZoneInfo(zone))
            back = aware.astimezone(datetime.UTC).astimezone(ZoneInfo(zone))
            if back.replace(tzinfo=None) != local:
                yield error(
                    item.document.path,
                    item.document.position(("sessions", i, "start")),
                    f"`{session.start}` tidak ada di zona {zone} (jam dilompati peralihan waktu "
                    "musim panas); pilih jam lain",
                )


def _check_review_dates(checked: Checked, today: datetime.date) -> Iterator[Problem]:
    for item in checked.modules.values():
        module = item.model
        if module.reviewed is None or module.status != "active":
            continue
        age = (today - datetime.date.fromisoformat(module.reviewed)).days
        if age > STALE_AFTER_DAYS:
            yield warning(
                item.document.path,
                item.document.position(("reviewed",)),
                f"isi modul terakhir ditelaah {module.reviewed}, lebih dari 12 bulan lalu; "
                "telaah ulang isinya lalu perbarui `reviewed`",
            )
        elif age < 0:
            yield error(
                item.document.path,
                item.document.position(("reviewed",)),
                f"tanggal telaah {module.reviewed} ada di masa depan",
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
                message = (
                    f"tautan `{target[:60]}` di `{loc_label(loc)}` tidak diizinkan; hanya "
                    "`https://` (dan `mailto:` untuk kontak)"
                )
                yield error(item.document.path, position, message + _more(len(targets), shown))
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
                f"tautan `{target[:60]}` tidak diizinkan; hanya `https://` (dan `mailto:`)"
                + _more(total, shown),
            )


def _more(total: int, shown: int) -> str:
    """After ten refused links in one value, the eleventh says how many more follow."""
    if shown == _LINKS_SHOWN and total > _LINKS_SHOWN + 1:
        return f" (dan {total - _LINKS_SHOWN - 1} tautan lain sesudah ini)"
    return ""


def _check_page_bounds(checked: Checked, today: datetime.date) -> Iterator[Problem]:
    """Free pages are rendered like Markdown fields: bound what they cost to render."""
    for page in checked.pages:
        # The file name's length is the loader's (generator.load._page_name_problems).
        if len(page.text) > fmt.MAX_PAGE_CHARS:
            yield error(
                page.path,
                _offset_position(page.text, fmt.MAX_PAGE_CHARS),
                f"halaman paling banyak {number(fmt.MAX_PAGE_CHARS)} karakter, ditemukan "
                f"{number(len(page.text))} karakter; pecah menjadi beberapa halaman",
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
                f"halaman memuat {number(count)} tanda `{char}`; paling banyak "
                f"{fmt.MAX_MARKUP_CHARS} dalam satu halaman (tautan, gambar dan HTML membuat "
                "situs lambat dibangun); kurangi atau pecah menjadi beberapa halaman",
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
                f"istilah `{entry.term}` sudah ada di butir {seen[key] + 1}; istilah harus unik",
            )
        seen.setdefault(key, i)


_ANCHOR = re.compile(r"^[a-z0-9_-]{1,80}$")


def published_ids(checked: Checked) -> dict[str, set[str]]:
    return {
        "track": set(checked.tracks),
        "module": {k for k, item in checked.modules.items() if item.model.status != "draft"},
        "pathway": {k for k, item in checked.pathways.items() if item.model.status != "draft"},
        "framework": set(checked.frameworks),
        "competency": set(competency_index(checked)),
        "page": {PurePosixPath(page.path).stem for page in checked.pages},
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
                    f"bagian `#{fragment[:40]}` pada `{resource.url[:80]}` bukan nama bagian "
                    "halaman; nama bagian hanya memuat huruf kecil, angka dan tanda hubung, "
                    "seperti `/modul/<id>/#tujuan-pembelajaran`",
                )
            elif resource.url.startswith("/") and not docs_path(
                resource.url, lambda kind, key: key in published[kind]
            ):
                yield error(
                    item.document.path,
                    item.document.position(("resources", i, "url")),
                    f"`{resource.url}` bukan halaman situs ini; pakai jalur halaman seperti "
                    "`/modul/<id>/`, `/jalur-belajar/<id>/` atau `/halaman/<nama>/`, atau alamat "
                    "`https://`",
                )


def site_link_problem(target: str, published: dict[str, set[str]]) -> str | None:
    """Why a link without a scheme in an editor's Markdown cannot be published, if it can't.

    The rendered HTML is never read by MkDocs again, so only a site path that names a
    published page (or a section of the same page) can be resolved and checked.
    """
    if _SCHEME.match(target) or target.startswith("#"):
        return None
    if target.startswith("/") and not target.startswith("//"):
        path, _, fragment = target.partition("#")
        if fragment and not _ANCHOR.match(fragment):
            return (
                f"bagian `#{fragment[:40]}` bukan nama bagian halaman; nama bagian hanya memuat "
                "huruf kecil, angka dan tanda hubung"
            )
        if docs_path(path, lambda kind, key: key in published[kind]):
            return None
        return (
            "bukan halaman situs ini; pakai jalur halaman yang ada seperti `/modul/<id>/`, "
            "`/jalur-belajar/<id>/` atau `/halaman/<nama>/`"
        )
    return (
        "tidak dapat diperiksa; tautkan halaman situs dengan jalurnya yang diawali `/`, seperti "
        "`/modul/<id>/`, atau pakai alamat `https://`"
    )


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
                        f"tautan `{target[:60]}` di `{loc_label(loc)}` {reason}",
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
                        f"tautan `{target[:60]}` {reason}",
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
        *(item for item in checked.modules.values() if item.model.status != "draft"),
        *(item for item in checked.pathways.values() if item.model.status != "draft"),
    ]
    for item in located:
        for loc, text in markdown_values(item.document.data):
            if fmt.PLACEHOLDER in text:
                yield warning(
                    item.document.path,
                    item.document.position(loc),
                    f"`{loc_label(loc)}` masih berisi teks isian `{fmt.PLACEHOLDER} …`; ganti "
                    "dengan isi sebenarnya sebelum diterbitkan",
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
            what = "prasyarat `{}` bukan modul yang dikenal"
        elif document.kind == "pathway":
            references = [
                (("phases", p, "steps", s, "module"), step.get("module"))
                for p, phase in _items(data, "phases")
                if isinstance(phase, dict)
                for s, step in _items(phase, "steps")
                if isinstance(step, dict)
            ]
            what = "langkah menyebut modul `{}` yang tidak dikenal"
        else:
            continue
        for loc, module_id in references:
            if isinstance(module_id, str) and not checked.exists("module", module_id):
                yield error(
                    document.path,
                    document.position(loc),
                    what.format(module_id) + _did_you_mean(module_id, checked.modules),
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
