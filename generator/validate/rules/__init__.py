"""The rules that span files, as data: one `Rule` per concern, in the order they run.

Each rule names the catalogue codes it reports with the severity of each (a code is
always reported with one severity), a one-line Indonesian summary for editors, and its
check. The format reference's rules section is rendered from `RULES`, so a rule is
described where it is declared. A test checks that every code a rule's module reports
is declared here with the severity it is reported with, and the other way round.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from generator.format import models as fmt
from generator.model.index import CurriculumIndex
from generator.problems.report import ERROR, WARNING, Problem
from generator.text.numbers import number_text
from generator.validate.rules import (
    competencies,
    durations,
    links,
    pages,
    pathways,
    prerequisites,
    sessions,
    structure,
    texts,
)

Check = Callable[[CurriculumIndex, datetime.date], Iterable[Problem]]


@dataclass(frozen=True)
class Rule:
    """One cross-file rule: the codes it reports (code → severity), its summary, its check.

    `check` is None for the rule that is applied while the documents are collected
    (ids), since it decides what is indexed at all.
    """

    codes: Mapping[str, str]
    summary: str
    check: Check | None

    @property
    def severity(self) -> str:
        """`error`, `warning`, or `error/warning` for a rule that reports both."""
        found = [severity for severity in (ERROR, WARNING) if severity in self.codes.values()]
        return "/".join(found)


def _codes(errors: Iterable[str] = (), warnings: Iterable[str] = ()) -> dict[str, str]:
    return {**{code: ERROR for code in errors}, **{code: WARNING for code in warnings}}


RULES: tuple[Rule, ...] = (
    Rule(
        _codes(["id-not-file-name", "id-duplicate"]),
        "`id` sama dengan nama berkasnya dan unik untuk jenisnya; id modul unik di semua jalur.",
        None,
    ),
    Rule(
        _codes(["track-listed-twice", "track-unknown", "track-not-listed"]),
        "`tracks` di `site_config.yml` mencantumkan setiap jalur yang ada, masing-masing sekali.",
        structure.check_track_order,
    ),
    Rule(
        _codes(["module-folder-unknown"]),
        "Folder modul (`curriculum/modules/<jalur>/`) menyebut jalur yang ada.",
        structure.check_module_folders,
    ),
    Rule(
        _codes(
            [
                "level-duplicate",
                "competency-id-duplicate",
                "level-indicators-unlevelled",
                "level-indicator-off-scale",
            ]
        ),
        "Dalam satu kerangka, tingkat dan id kompetensi unik; `level_indicators` hanya pada "
        "kerangka bertingkat dan hanya untuk tingkat di skalanya.",
        competencies.check_frameworks,
    ),
    Rule(
        _codes(
            [
                "competency-ref-duplicate",
                "competency-unknown",
                "level-not-allowed",
                "level-required",
                "level-off-scale",
            ],
            ["module-no-competencies"],
        ),
        "Rujukan kompetensi modul (`<kerangka>/<kompetensi>`) ada dan tidak ganda; `level` "
        "wajib bila kerangkanya bertingkat, dilarang bila tidak, dan ada di skalanya; modul "
        "yang diterbitkan tanpa kompetensi diberi peringatan.",
        competencies.check_competency_refs,
    ),
    Rule(
        _codes(warnings=["competency-uncovered"]),
        "Setiap kompetensi dikembangkan oleh sedikitnya satu modul aktif.",
        competencies.check_undeveloped_competencies,
    ),
    Rule(
        _codes(["prerequisite-self", "prerequisite-unknown", "prerequisite-draft"]),
        "Prasyarat menyebut modul lain yang ada; prasyarat modul yang diterbitkan bukan draf.",
        prerequisites.check_prerequisites,
    ),
    Rule(
        _codes(["prerequisite-cycle"]),
        "Prasyarat tidak membentuk siklus; pesannya menyebut seluruh siklus.",
        prerequisites.check_cycles,
    ),
    Rule(
        _codes(warnings=["module-jp-fraction"]),
        "JP modul (total menit kegiatan / `jp_minutes`) bilangan bulat atau setengah; selain "
        "itu diberi peringatan yang menyebut total menit yang tepat.",
        durations.check_module_jp,
    ),
    Rule(
        _codes(warnings=["webinar-session-minutes"]),
        "Menit kegiatan webinar sama dengan lama sesinya (setiap sesi, atau jumlah semua sesi "
        "bila sesinya bagian-bagian webinar).",
        durations.check_webinar_sessions,
    ),
    Rule(
        _codes(
            [
                "assumes-unknown",
                "step-unknown",
                "step-repeated",
                "step-also-assumed",
                "step-draft",
                "step-order",
            ],
            ["step-archived", "step-audience"],
        ),
        "Dalam jalur belajar, `assumes` dan setiap langkah menyebut modul yang ada, sebuah modul "
        "muncul paling banyak sekali, dan prasyarat setiap langkah sudah muncul sebelumnya atau "
        "di `assumes`; jalur belajar aktif tidak memuat modul draf, dan modul arsip atau yang "
        "tidak menyasar jabatan sasarannya diberi peringatan.",
        pathways.check_pathways,
    ),
    Rule(
        _codes(["session-time-skipped"]),
        "`start` sesi adalah waktu setempat yang benar-benar ada di zonanya (bukan jam yang "
        f"dilompati peralihan waktu), pada tahun {fmt.SESSION_YEARS[0]}–{fmt.SESSION_YEARS[1]}.",
        sessions.check_sessions,
    ),
    Rule(
        _codes(["timezone-alias"], ["timezone-abroad"]),
        "Zona waktu sesi (dan `default_timezone`) adalah nama IANA yang berlaku, bukan nama lama "
        "seperti `Asia/Ujung_Pandang`; zona di luar Indonesia diberi peringatan dan ditulis di "
        "situs dengan nama kota dan selisihnya dari UTC.",
        sessions.check_zones,
    ),
    Rule(
        _codes(warnings=["session-before-prerequisite"]),
        "Dalam jalur belajar aktif, sesi berikutnya sebuah langkah tidak lebih awal daripada "
        "sesi berikutnya modul prasyaratnya (kecuali prasyarat yang tercantum di `assumes`).",
        sessions.check_session_order,
    ),
    Rule(
        _codes(["review-in-future"], ["review-overdue"]),
        "Tanggal telaah (`reviewed`) modul yang ditawarkan tidak di masa depan; telaah lebih "
        "dari 12 bulan lalu diberi peringatan.",
        sessions.check_review_dates,
    ),
    Rule(
        _codes(["link-scheme", "page-link-scheme"]),
        "Alamat tautan hanya `https://` (dan `mailto:` untuk kontak), juga di dalam teks "
        "Markdown dan halaman bebas.",
        links.check_links,
    ),
    Rule(
        _codes(["site-link"]),
        "Tautan tanpa skema di teks Markdown adalah jalur halaman situs ini yang diterbitkan "
        "(`/modul/<id>/`, boleh dengan `#bagian`) atau `#bagian` halaman yang sama.",
        links.check_site_links,
    ),
    Rule(
        _codes(["page-too-long", "page-markup"]),
        "Halaman bebas (`curriculum/pages/<nama>.md`) berisi paling banyak "
        f"{number_text(fmt.MAX_PAGE_CHARS)} karakter dan {fmt.MAX_MARKUP_CHARS} tanda `[` atau "
        "`<`.",
        pages.check_page_bounds,
    ),
    Rule(
        _codes(["glossary-term-duplicate"]),
        "Istilah glosarium unik (tanpa membedakan huruf besar dan kecil).",
        structure.check_glossary,
    ),
    Rule(
        _codes(["resource-fragment", "resource-unknown-page"]),
        "`url` sumber belajar yang diawali `/` menunjuk halaman situs yang diterbitkan, dan "
        "`#bagian`-nya berupa nama bagian.",
        links.check_site_paths,
    ),
    Rule(
        _codes(warnings=["placeholder-left"]),
        "Jalur, modul dan jalur belajar yang diterbitkan tidak lagi memuat teks isian "
        f"`{fmt.PLACEHOLDER} …`.",
        texts.check_placeholders,
    ),
)


def codes() -> dict[str, str]:
    """Every code the rules report, with its severity."""
    return {code: severity for rule in RULES for code, severity in rule.codes.items()}
