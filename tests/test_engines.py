"""The same site from either engine: MkDocs (published today) and Zensical (its successor).

Both engines build the seed and the mini fixture once per session (`seed_site`,
`seed_site_zensical`, `mini_site`, `mini_site_zensical`, each a full
`python -m generator build [--engine zensical]`: validation, Markdown, the engine, Pagefind
and the swap of site/). `tests/compare_sites.py` compares them page for page; its
docstring says exactly how each page is normalised before the comparison.
"""

from __future__ import annotations

import pytest

from tests.compare_sites import compare, read_page, site_base, unresolved
from tests.constants import REPO
from tests.search_bundle import fragments

pytestmark = pytest.mark.slow

BASE = site_base(REPO / "mkdocs.yml")


@pytest.fixture(params=["seed", "mini"])
def both(request) -> tuple:
    """The MkDocs and the Zensical site of one curriculum."""
    name = request.param
    mkdocs = request.getfixturevalue(f"{name}_site")
    zensical = request.getfixturevalue(f"{name}_site_zensical")
    return mkdocs, zensical


def test_zensical_builds_the_same_pages_with_the_same_article_content(both):
    mkdocs, zensical = both
    comparison = compare(mkdocs, zensical, BASE)
    report = comparison.report("mkdocs", "zensical")
    assert comparison.pages == len(list(mkdocs.rglob("*.html"))), report
    assert comparison.pages >= 40, report
    assert comparison.data_files > 10, report
    assert not comparison.only_in_a, report
    assert not comparison.only_in_b, report
    assert not comparison.differences, report


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
@pytest.mark.parametrize("name", ["seed", "mini"])
def test_every_internal_link_anchor_and_asset_resolves(request, engine, name):
    site = request.getfixturevalue(f"{name}_site" + ("_zensical" if engine == "zensical" else ""))
    problems = unresolved(site, BASE)
    assert not problems, f"{len(problems)} unresolved:\n" + "\n".join(problems[:30])


def test_editors_site_links_resolve_in_both_engines(mini_site, mini_site_zensical):
    # The mini fixture's module description and free page link site pages as editors do
    # (`[Glosarium](/glosarium/)`); the generator writes them as raw HTML links.
    for site in (mini_site, mini_site_zensical):
        module = read_page(site, BASE, "modul/integritas-dasar/index.html")
        page = read_page(site, BASE, "halaman/tentang/index.html")
        links = [line for line in module.article + page.article if "href=" in line]
        for target in ("modul/literasi-data/index.html", "glosarium/index.html"):
            assert any(f"href='{target}'" in line for line in module.article), links
        for target in ("jadwal/index.html", "katalog/index.html"):
            assert any(f"href='{target}'" in line for line in page.article), links
        for target in (
            "modul/literasi-data/index.html",
            "glosarium/index.html",
            "jadwal/index.html",
            "katalog/index.html",
        ):
            assert (site / target).is_file()


def test_pagefind_indexes_the_zensical_site_as_it_indexes_mkdocs(seed_site, seed_site_zensical):
    indexed = {
        engine: {record["url"]: record["meta"].get("title") for record in fragments(site).values()}
        for engine, site in (("mkdocs", seed_site), ("zensical", seed_site_zensical))
    }
    assert (seed_site_zensical / "pagefind" / "pagefind.js").is_file()
    assert len(indexed["zensical"]) > 40
    assert indexed["zensical"] == indexed["mkdocs"]
    # The 404 page is rendered with a `page` by Zensical; it must still stay out of search.
    assert not any("404" in url for url in indexed["zensical"])


def test_the_comparison_sets_theme_markup_aside_and_sees_a_changed_word(tmp_path):
    def page(folder: str, article: str) -> None:
        (tmp_path / folder / "x").mkdir(parents=True, exist_ok=True)
        (tmp_path / folder / "x" / "index.html").write_text(
            f"<title>X</title><article>{article}</article>", encoding="utf-8"
        )

    tags = '<nav class="md-tags"><a class="md-tag" href="../tag/#tag:a">a</a></nav>'
    heading = '<h2 id="s">Sesi<a class="headerlink" href="#s">¶</a></h2>'
    page("a", f'{tags}{heading}<p class="b c">Teks  satu\n<a href="../x/#s">x</a></p>')
    page(
        "b",
        f'<h2 id="s">Sesi</h2>\n<p class="c b">Teks satu <a href="/kurikulum/x/#s">x</a></p>{tags}',
    )
    page("c", f'{tags}{heading}<p class="b c">Teks dua <a href="../x/#s">x</a></p>')
    page("d", f'{heading}<p class="b c">Teks satu <a href="../x/#s">x</a></p>')
    assert compare(tmp_path / "a", tmp_path / "b", BASE).differences == {}
    changed = compare(tmp_path / "a", tmp_path / "c", BASE).differences
    assert list(changed) == ["x/index.html"]
    assert "-text 'Teks satu'" in changed["x/index.html"]
    assert "+text 'Teks dua'" in changed["x/index.html"]
    untagged = compare(tmp_path / "a", tmp_path / "d", BASE).differences
    assert untagged["x/index.html"].startswith("tags: [('a', 'tag/index.html#tag:a')] != []")


def test_the_reference_check_sees_what_a_browser_would_not_find(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "x.css").write_text("", encoding="utf-8")
    (tmp_path / "a" / "index.html").write_text(
        '<h2 id="ada">Ada</h2>'
        '<link rel="stylesheet" href="../assets/x.css"><a href="../">home</a>'
        '<a href="#ada">here</a><a href="https://example.org/">out</a>'
        '<a href="mailto:a@example.org">mail</a><a href="../a/?q=1#ada">self</a>'
        '<link rel="stylesheet" href="../../assets/x.css"><script src="assets/x.js"></script>'
        '<img src="/assets/x.css"><a href="javascript:alert(1)">x</a><a href="../b/">b</a>'
        '<a href="/situs/a/">root-relative</a><a href="//example.org/x">other host</a>'
        '<a href="#hilang">gone</a><a href="/situs/#hilang">home, gone</a>',
        encoding="utf-8",
    )
    (tmp_path / "index.html").write_text("", encoding="utf-8")
    assert [line.split(": ", 1)[1] for line in unresolved(tmp_path, "/situs/")] == [
        "'javascript:alert(1)': not a link into the site",
        "'../b/': b/index.html does not exist",
        "'//example.org/x': not a link into the site",
        "'#hilang': no #hilang in a/index.html",
        "'/situs/#hilang': no #hilang in index.html",
        "'../../assets/x.css': (outside the site)../../assets/x.css",
        "'assets/x.js': a/assets/x.js does not exist",
        "'/assets/x.css': (outside /situs/)/assets/x.css",
    ]
