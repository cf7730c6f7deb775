"""Queries readers type into the site's search, each with the page they are after.

A query is answered well when one of its expected pages is among the first three results
the dialog shows (overrides/assets/pencarian.js: Pagefind plus the glossary's
abbreviations). `tests/test_search_ranking.py` holds the seed site to it and
`bench/search_ranking.py` prints the hit rate of any built site (the figures in the
README). Written from what readers ask: titles in their own words, short forms, a
misspelling, a topic that a module covers without naming it in its title.
"""

from __future__ import annotations

# (query, expected pages: any one of them in the top three is a hit)
QUERIES: list[tuple[str, tuple[str, ...]]] = [
    ("pengadaan", ("modul/pengadaan-barang-jasa/",)),
    ("PBJ", ("modul/pengadaan-barang-jasa/",)),
    ("pengadaan barang jasa", ("modul/pengadaan-barang-jasa/",)),
    ("keamanan siber", ("modul/keamanan-siber-dasar/",)),
    ("kemanan siber", ("modul/keamanan-siber-dasar/",)),
    ("phishing", ("modul/keamanan-siber-dasar/",)),
    ("insiden keamanan", ("modul/penanganan-insiden-siber/",)),
    ("ZI", ("modul/zona-integritas/",)),
    ("zona integritas", ("modul/zona-integritas/",)),
    ("WBK", ("modul/zona-integritas/",)),
    ("gratifikasi", ("modul/antikorupsi-gratifikasi/",)),
    ("korupsi", ("modul/antikorupsi-gratifikasi/",)),
    ("TIK", ("jalur-belajar/spbe-pranata-komputer/", "jalur/spbe/")),
    ("SPBE", ("modul/pengantar-spbe/", "jalur/spbe/")),
    ("arsitektur SPBE", ("modul/arsitektur-spbe/",)),
    ("PEMDI", ("modul/evaluasi-spbe/",)),
    ("naskah dinas", ("modul/penulisan-naskah-dinas/",)),
    ("arsip", ("modul/arsip-digital/",)),
    ("visualisasi data", ("modul/visualisasi-data/",)),
    ("dasbor", ("modul/visualisasi-data/",)),
    ("sains data", ("modul/dasar-sains-data/",)),
    ("big data", ("modul/analitik-big-data/",)),
    ("kecerdasan artifisial", ("modul/ai-layanan-publik/",)),
    ("AI", ("modul/ai-layanan-publik/",)),
    ("agile", ("modul/manajemen-proyek-agile/",)),
    ("coaching", ("modul/coaching-untuk-pemimpin/",)),
    ("krisis", ("modul/manajemen-krisis/",)),
    ("inovasi", ("modul/budaya-inovasi/",)),
    ("proyek perubahan", ("modul/aksi-proyek-perubahan/",)),
    ("kebijakan publik", ("modul/analisis-kebijakan/",)),
    ("wawasan kebangsaan", ("modul/wawasan-kebangsaan/",)),
    ("BerAKHLAK", ("modul/nilai-dasar-berakhlak/", "kompetensi/berakhlak/")),
    ("kecerdasan emosional", ("modul/kecerdasan-emosional/",)),
    ("kerja sama tim", ("modul/kerja-sama-tim/",)),
    ("komunikasi interpersonal", ("modul/komunikasi-interpersonal/",)),
    (
        "pelayanan publik",
        ("modul/pelayanan-publik-inklusif/", "jalur-belajar/pelayanan-publik-prima/"),
    ),
    ("komputasi awan", ("modul/kolaborasi-awan/",)),
    ("Latsar", ("jalur-belajar/orientasi-cpns/",)),
    ("satu data", ("modul/satu-data-indonesia/",)),
    ("tim hibrida", ("modul/memimpin-tim-hibrida/",)),
    ("smart ASN", ("modul/literasi-digital-asn/",)),
    ("kepemimpinan digital", ("modul/kepemimpinan-digital/",)),
    ("keputusan berbasis data", ("modul/keputusan-berbasis-data/",)),
    ("layanan digital", ("modul/layanan-publik-digital/",)),
    ("pengakuan JP", ("halaman/pengakuan-jp/",)),
]

# The dialog's answer to a query: the result paths in the order shown. Needs a page with
# the dialog open (tests/test_search.py `open_dialog`).
SHOWN = """q => {
    const s = document.querySelector('.kk-cari-status').textContent;
    return s.includes('“' + q + '”') && (document.querySelector('.kk-cari-butir')
        || s.startsWith('Tidak ada'));
}"""


def top_results(page, query: str, count: int = 3) -> list[str]:
    """Type `query` into the open dialog; the paths of the first `count` results shown."""
    page.fill("#kk-cari-kata", query)
    page.wait_for_function(SHOWN, arg=query)
    return page.eval_on_selector_all(
        ".kk-cari-butir a",
        "links => links.map(a => new URL(a.href).pathname.replace(/^\\//, ''))",
    )[:count]


def hits(page, queries=QUERIES) -> dict[str, list[str]]:
    """Each query's top three; a query is a hit when an expected page is among them."""
    return {query: top_results(page, query) for query, _ in queries}


def hit_rate(answers: dict[str, list[str]], queries=QUERIES) -> tuple[int, list[str]]:
    expected = dict(queries)
    missed = [q for q, top in answers.items() if not set(top) & set(expected[q])]
    return len(answers) - len(missed), missed
