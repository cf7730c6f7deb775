"""Open data: `catalog.json` for learning platforms and HR systems, and its JSON Schema.

The typed models below are the one source of both: `catalog(...)` fills them from the
published curriculum, `catalog_schema()` is their JSON Schema, and both are published
at the site root. A change that could break a reader (a field renamed or removed, a type
changed) raises `SCHEMA_VERSION`'s major number; a new optional field raises the minor.
Drafts are never in it; archived items are, with their status, so a platform can retire
them.
"""

from __future__ import annotations

import datetime
import json
from typing import Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from generator.format import models as fmt
from generator.model.curriculum import Curriculum
from generator.model.index import SessionInstant
from generator.model.routes import CATALOG, CATALOG_SCHEMA, calendar_file, route
from generator.render.evidence import module_effect
from generator.text import zones
from generator.text.numbers import jp_tenths

SCHEMA_VERSION = "1.1"


class Open(BaseModel):
    model_config = ConfigDict(extra="forbid")


class CatalogSession(Open):
    """A live session; times carry their UTC offset (ISO 8601)."""

    start: AwareDatetime = Field(description="Mulai, waktu setempat zona sesi dengan offset.")
    end: AwareDatetime = Field(description="Selesai, waktu setempat zona sesi dengan offset.")
    timezone: str = Field(description="Zona waktu IANA sesi, mis. Asia/Makassar.")
    zone: str = Field(description="Zona seperti dibaca peserta: WIB, WITA, WIT, atau kota.")
    minutes: int = Field(gt=0)
    platform: str | None = None
    registration_url: str | None = None
    recording_url: str | None = None
    calendar_url: str = Field(description="Berkas iCalendar sesi ini.")


class CatalogCompetency(Open):
    ref: str = Field(description="`<kerangka>/<kompetensi>`.")
    title: str
    framework: str
    level: int | None = None


class CatalogEffect(Open):
    """An effect size named by its formula, Hedges-corrected (df = matched − 1)."""

    name: Literal["g_z", "g_av"] = Field(
        description="g_z: kenaikan / SD kenaikan; g_av: kenaikan / rata-rata dua SD."
    )
    value: float
    ci95_low: float | None = Field(
        None, description="Batas bawah selang 95 % (t nonsentral); null untuk g_av dan gabungan."
    )
    ci95_high: float | None = None
    people: int = Field(description="Orang berpasangan (pre dan post) yang mendasarinya.")
    sessions: int


class CatalogOutcomes(Open):
    """Ringkasan bukti hasil modul: angka agregat dari kelompok yang diterbitkan saja.

    Kelompok yang lebih kecil dari `min_group_size` tidak menyumbang angka apa pun."""

    evidence_level: int = Field(
        ge=0,
        le=4,
        description="Tingkat Kirkpatrick tertinggi yang ada buktinya (0 = belum ada, "
        "1 reaksi, 2 pembelajaran, 3 penerapan, 4 hasil).",
    )
    evidence_label: str = Field(description="Tingkat bukti dalam kata, seperti di halaman.")
    sessions: int = Field(description="Jumlah berkas hasil (sesi atau angkatan).")
    last_delivered: datetime.date | None
    example: bool = Field(description="true: angka ilustrasi (data contoh), bukan hasil nyata.")
    withheld_groups: bool = Field(
        description="true: sebagian kelompok terlalu kecil sehingga angkanya tidak diterbitkan."
    )
    people_reached: int | None = None
    survey_response_rate: float | None = Field(
        None, description="Responden survei ÷ hadir (atau terdaftar), 0–1."
    )
    share_agreeing: float | None = Field(
        None, description="Bagian jawaban 4 atau 5 di semua butir survei reaksi, 0–1."
    )
    matched: int | None = Field(None, description="Orang yang mengikuti pre- dan post-test.")
    pre_share: float | None = Field(None, description="Rata-rata pre-test ÷ nilai maksimum.")
    post_share: float | None = Field(None, description="Rata-rata post-test ÷ nilai maksimum.")
    normalized_gain: float | None = Field(None, description="(post − pre) / (1 − pre), Hake.")
    effect: CatalogEffect | None = None
    share_applied: float | None = Field(
        None, description="Bagian penjawab tindak lanjut yang sudah menerapkan, 0–1."
    )


class CatalogModule(Open):
    id: str
    title: str
    summary: str
    url: str
    track: str
    status: Literal["active", "archived"]
    level: fmt.Level
    audience: list[fmt.Audience]
    modes: list[fmt.Mode]
    minutes: int = Field(description="Jumlah menit semua aktivitas.")
    jp: float = Field(description="JP (jam pelajaran) dibulatkan ke satu desimal.")
    competencies: list[CatalogCompetency]
    prerequisites: list[str]
    upcoming_sessions: list[CatalogSession]
    outcomes: CatalogOutcomes | None = Field(
        None, description="Bukti hasil; null bila modul belum punya berkas hasil."
    )


class CatalogStep(Open):
    module: str
    required: bool
    phase: str


class CatalogPathway(Open):
    id: str
    title: str
    summary: str
    url: str
    status: Literal["active", "archived"]
    level: fmt.Level
    audience: list[fmt.Audience]
    modes: list[fmt.Mode]
    jp_required: float
    jp_optional: float
    competencies: list[str] = Field(description="Rujukan kompetensi yang dikembangkan langkahnya.")
    steps: list[CatalogStep]
    upcoming_sessions: list[CatalogSession] = Field(description="Sesi mendatang semua langkahnya.")
    calendar_url: str | None = Field(description="Kalender iCalendar sesi langkah-langkahnya.")


class Catalog(Open):
    """Kurikulum kompetensi ASN yang diterbitkan: modul dan jalur belajar (tanpa draf)."""

    model_config = ConfigDict(title="Katalog kurikulum kompetensi ASN")

    schema_version: Literal["1.1"] = Field(
        description="Naik angka utamanya bila ada perubahan "
        "yang tidak cocok lagi dengan versi sebelumnya."
    )
    generated: datetime.date = Field(description="Tanggal situs dibangun.")
    site_url: str
    jp_minutes: int
    annual_jp_target: int
    calendar_url: str | None = Field(description="Kalender iCalendar semua sesi (jadwal.ics).")
    modules: list[CatalogModule]
    pathways: list[CatalogPathway]


def _url(site_url: str, path: str) -> str:
    return site_url.rstrip("/") + "/" + path if site_url else path


def _jp(c: Curriculum, minutes: int) -> float:
    return jp_tenths(c.index.jp(minutes)) / 10


def _session(s: SessionInstant, site_url: str) -> CatalogSession:
    details = s.session
    return CatalogSession(
        start=s.start,
        end=s.end,
        timezone=s.zone,
        zone=zones.words(s.zone, s.start),
        minutes=details.minutes,
        platform=details.platform,
        registration_url=details.registration_url,
        recording_url=details.recording_url,
        calendar_url=_url(site_url, calendar_file("session", s)),
    )


def _module(c: Curriculum, module_id: str, site_url: str) -> CatalogModule:
    module = c.modules[module_id]
    competencies = []
    for ref in module.competencies or []:
        framework, competency = c.index.competency(ref.ref)
        competencies.append(
            CatalogCompetency(
                ref=ref.ref, title=competency.title, framework=framework.title, level=ref.level
            )
        )
    return CatalogModule(
        id=module_id,
        title=module.title,
        summary=module.summary,
        url=_url(site_url, route("module", module_id).site),
        track=c.module_track[module_id],
        status=module.status,
        level=module.level,
        audience=list(module.audience),
        modes=c.modes(module_id),
        minutes=c.index.module_minutes(module_id),
        jp=_jp(c, c.index.module_minutes(module_id)),
        competencies=competencies,
        prerequisites=[p for p in module.prerequisites or [] if p in c.modules],
        upcoming_sessions=[_session(s, site_url) for s in c.upcoming_sessions(module_id)],
        outcomes=_outcomes(c, module_id),
    )


def _share(share) -> float | None:
    return round(share.value, 4) if share is not None else None


def _outcomes(c: Curriculum, module_id: str) -> CatalogOutcomes | None:
    """The published figures of `generator.model.evidence`, rounded; withheld groups are
    absent there already, so nothing here can carry one."""
    found = c.evidence[module_id]
    if not found.sessions:
        return None
    pooled = found.pooled
    effect = module_effect(found)
    return CatalogOutcomes(
        evidence_level=found.level,
        evidence_label=found.level_label,
        sessions=len(found.sessions),
        last_delivered=found.sessions[0].delivered,
        example=found.example,
        withheld_groups=found.withheld,
        people_reached=pooled.people_reached or None,
        survey_response_rate=_share(pooled.response_rate),
        share_agreeing=_share(pooled.agreement),
        matched=pooled.matched or None,
        pre_share=round(pooled.pre_share, 4) if pooled.pre_share is not None else None,
        post_share=round(pooled.post_share, 4) if pooled.post_share is not None else None,
        normalized_gain=round(pooled.normalized, 4) if pooled.normalized is not None else None,
        effect=(
            CatalogEffect(
                name=effect.name,
                value=round(effect.value, 4),
                ci95_low=round(effect.low, 4) if effect.low is not None else None,
                ci95_high=round(effect.high, 4) if effect.high is not None else None,
                people=effect.people,
                sessions=effect.sessions,
            )
            if effect is not None
            else None
        ),
        share_applied=_share(pooled.applied_share),
    )


def _pathway(c: Curriculum, pathway_id: str, site_url: str) -> CatalogPathway:
    pathway = c.pathways[pathway_id]
    module_ids = [m for m in c.index.pathway_modules(pathway_id) if m in c.modules]
    used = {mode for m in module_ids for mode in c.modes(m)}
    refs = dict.fromkeys(ref.ref for m in module_ids for ref in c.modules[m].competencies or [])
    return CatalogPathway(
        id=pathway_id,
        title=pathway.title,
        summary=pathway.summary,
        url=_url(site_url, route("pathway", pathway_id).site),
        status=pathway.status,
        level=pathway.level,
        audience=list(pathway.audience),
        modes=[mode for mode in fmt.MODES if mode in used],
        jp_required=jp_tenths(c.index.pathway_jp(pathway_id, required=True)) / 10,
        jp_optional=jp_tenths(c.index.pathway_jp(pathway_id, required=False)) / 10,
        competencies=list(refs),
        steps=[
            CatalogStep(module=step.module, required=step.required, phase=phase.title)
            for phase in pathway.phases
            for step in phase.steps
        ],
        upcoming_sessions=[
            _session(s, site_url) for s in c.upcoming_sessions() if s.module_id in module_ids
        ],
        calendar_url=_calendar_url(c, site_url, "pathway", pathway_id),
    )


def _calendar_url(c: Curriculum, site_url: str, kind: str, item_id: str = "") -> str | None:
    """The calendar's address, when it exists (generator.render.calendars writes none empty)."""
    if not c.calendar_sessions(kind, item_id):
        return None
    return _url(site_url, calendar_file(kind, item_id))


def catalog(c: Curriculum, site_url: str = "") -> Catalog:
    return Catalog(
        schema_version=SCHEMA_VERSION,
        generated=c.today,
        site_url=site_url,
        jp_minutes=c.config.jp_minutes,
        annual_jp_target=c.config.annual_jp_target,
        calendar_url=_calendar_url(c, site_url, "schedule"),
        modules=[_module(c, module_id, site_url) for module_id in c.modules],
        pathways=[_pathway(c, pathway_id, site_url) for pathway_id in c.pathways],
    )


def catalog_schema(site_url: str = "") -> dict:
    schema = Catalog.model_json_schema(mode="serialization")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **({"$id": _url(site_url, CATALOG_SCHEMA)} if site_url else {}),
        **schema,
    }


def catalog_files(c: Curriculum, site_url: str = "") -> dict[str, str]:
    """`catalog.json` and `catalog.schema.json`, as text for the pages dict."""
    data = catalog(c, site_url).model_dump(mode="json")
    return {
        CATALOG: json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n",
        CATALOG_SCHEMA: json.dumps(catalog_schema(site_url), ensure_ascii=False, indent=1) + "\n",
    }
