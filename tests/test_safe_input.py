"""A curriculum is only what is in the repository, and its text never becomes markup.

Symlinks, page file names, control characters smuggled in as YAML escapes, hostile
fragments of site paths and the front matter the theme reads: each is refused with a
located Indonesian message, or written so that the theme shows it literally.
"""

from __future__ import annotations

import html
import os
import re
from pathlib import Path

import markdown
import pytest
from mkdocs.utils.meta import get_data

from generator import pipeline
from generator.problems.report import error
from generator.render.front_matter import front_matter
from generator.text.escape import escape
from tests.conftest import MODULE_ETIKA, run_validate, write_project
from tests.constants import REPO, TODAY

ETIKA = "curriculum/modules/nilai/etika.yml"
SYMLINK = (
    "tautan simbolik (symlink) tidak diterima: kurikulum hanya memuat berkas yang benar-benar "
    "ada di repositori; ganti tautan ini dengan berkasnya sendiri"
)


def _error(path: str, position: str, message: str) -> str:
    return f"{path}:{position}: error: {message}"


def test_a_symlinked_page_is_refused_and_never_read(tmp_path):
    secret = tmp_path / "rahasia.txt"
    secret.write_text("# Rahasia\nkata sandi\n", encoding="utf-8")
    root = write_project(tmp_path / "proyek")
    (root / "curriculum/pages").mkdir(parents=True)
    os.symlink(secret, root / "curriculum/pages/passwd.md")
    result = run_validate(root)
    assert result.exit_code == 1
    assert result.problems == [_error("curriculum/pages/passwd.md", "1:1", SYMLINK)]


def test_a_symlinked_module_is_refused_without_quoting_its_target(tmp_path):
    target = tmp_path / "luar.yml"
    target.write_text("id: rahasia-sekali\n", encoding="utf-8")
    root = write_project(tmp_path / "proyek")
    (root / ETIKA).unlink()
    os.symlink(target, root / ETIKA)
    result = run_validate(root)
    assert _error(ETIKA, "1:1", SYMLINK) in result.problems
    assert "rahasia-sekali" not in result.output


def test_a_symlinked_folder_is_refused_and_not_walked(tmp_path):
    outside = tmp_path / "luar"
    (outside / "dalam").mkdir(parents=True)
    (outside / "dalam" / "x.md").write_text("# X\n", encoding="utf-8")
    root = write_project(tmp_path / "proyek")
    os.symlink(outside, root / "curriculum/pages", target_is_directory=True)
    # A loop back to the project must not make the walk run forever either.
    os.symlink(root / "curriculum", root / "curriculum/modules/nilai/putaran")
    result = run_validate(root)
    assert result.problems == [
        _error("curriculum/modules/nilai/putaran", "1:1", SYMLINK),
        _error("curriculum/pages", "1:1", SYMLINK),
    ]


def test_a_symlinked_contributor_guide_is_not_published(tmp_path):
    secret = tmp_path / "rahasia.md"
    secret.write_text("kata sandi rahasia\n", encoding="utf-8")
    root = write_project(tmp_path / "proyek")
    os.symlink(secret, root / "CONTRIBUTING.md")
    generated = pipeline.generate(root, today=pipeline.resolve_today(TODAY))
    assert generated.pages is not None
    assert "kata sandi rahasia" not in generated.pages["kontributor/index.md"]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        (
            "zz/tentang.md",
            "halaman bebas harus langsung berada di `curriculum/pages/`, bukan di subfolder; "
            "pindahkan ke `curriculum/pages/tentang.md`",
        ),
        (
            "index.md",
            "nama `index.md` sudah dipakai untuk daftar halaman Informasi; beri halaman ini "
            "nama lain, misalnya `tentang-kami.md`",
        ),
        (
            "Tentang Kami.md",
            "nama berkas halaman menjadi alamat `/halaman/<nama>/`, jadi hanya boleh memuat "
            "huruf kecil a-z, angka dan tanda hubung, paling panjang 64 karakter sebelum `.md`; "
            "ganti nama berkasnya, misalnya `tentang-kami.md`",
        ),
        (
            "a){: onclick=alert(1) }.md",
            "nama berkas halaman menjadi alamat `/halaman/<nama>/`, jadi hanya boleh memuat "
            "huruf kecil a-z, angka dan tanda hubung, paling panjang 64 karakter sebelum `.md`; "
            "ganti nama berkasnya, misalnya `a-onclick-alert-1.md`",
        ),
        (
            "baris\nbaru.md",
            "nama berkas halaman menjadi alamat `/halaman/<nama>/`, jadi hanya boleh memuat "
            "huruf kecil a-z, angka dan tanda hubung, paling panjang 64 karakter sebelum `.md`; "
            "ganti nama berkasnya, misalnya `baris-baru.md`",
        ),
        (
            "a" * 65 + ".md",
            "nama berkas halaman menjadi alamat `/halaman/<nama>/`, jadi hanya boleh memuat "
            "huruf kecil a-z, angka dan tanda hubung, paling panjang 64 karakter sebelum `.md`; "
            f"ganti nama berkasnya, misalnya `{'a' * 64}.md`",
        ),
        ("catatan.txt", "hanya berkas Markdown (`.md`) yang boleh ada di `curriculum/pages/`"),
    ],
)
def test_page_file_names_are_slugs_one_per_name(tmp_path, name, message):
    path = f"curriculum/pages/{name}"
    root = write_project(tmp_path, {path: "# Halaman\n\nIsi.\n"})
    result = run_validate(root)
    assert result.exit_code == 1
    shown = path.replace("\n", "\\n")
    assert result.problems == [f"{shown}:1:1: error: {message}"]


@pytest.mark.parametrize(
    ("escaped", "shown", "name"),
    [
        ("\\r", "\\r", "karakter kendali U+000D"),
        ("\\x00", "\\x00", "karakter kendali U+0000"),
        ("\\e", "\\x1b", "karakter kendali U+001B"),
        ("\\a", "\\x07", "karakter kendali U+0007"),
        ("\\N", "\\x85", "baris baru NEL (U+0085)"),
        ("\\L", "\\u2028", "pemisah baris Unicode (U+2028)"),
        ("\\u202E", "\\u202e", "kendali arah teks (U+202E)"),
        ("\\u200B", "\\u200b", "spasi lebar-nol (U+200B)"),
    ],
)
def test_control_characters_written_as_yaml_escapes_are_refused(validate, escaped, shown, name):
    text = MODULE_ETIKA.replace("title: Etika Pelayanan", f'title: "Etika{escaped}Pelayanan"')
    result = validate({ETIKA: text})
    assert result.problems == [
        _error(
            ETIKA,
            "2:8",
            f"nilai ini memuat {name}, ditulis sebagai escape (mis. `{shown}`) di dalam tanda "
            "kutip ganda; karakter itu tidak terlihat dan dapat merusak halaman, hapus escape-nya",
        )
    ]


def test_tabs_and_line_feeds_in_escapes_stay_ordinary_text(validate):
    text = MODULE_ETIKA + 'description: "Baris satu.\\n\\nBaris\\tdua."\n'
    assert validate({ETIKA: text}).problems == []


@pytest.mark.parametrize(
    "url",
    [
        "/modul/etika/#anchor){:onmouseover=alert(1)}",
        "/modul/etika/#Tujuan",
        "/modul/etika/#a(b)",
    ],
)
def test_a_site_path_fragment_must_be_a_section_name(validate, url):
    text = MODULE_ETIKA + f"resources:\n  - title: Bagian\n    url: '{url}'\n    kind: link\n"
    fragment = url.partition("#")[2]
    assert validate({ETIKA: text}).problems == [
        _error(
            ETIKA,
            "18:10",
            f"bagian `#{fragment}` pada `{url}` bukan nama bagian halaman; nama bagian hanya "
            "memuat huruf kecil, angka dan tanda hubung, seperti "
            "`/modul/<id>/#tujuan-pembelajaran`",
        )
    ]


def test_github_workflow_command_properties_are_escaped():
    problem = error("curriculum/pages/a\r\nb:c,%.md", (3, 4), "yaml-invalid", detail="100%\ndua")
    assert problem.as_github() == (
        "::error file=curriculum/pages/a%0D%0Ab%3Ac%2C%25.md,line=3,col=4::"
        "struktur YAML tidak valid (100%25\\ndua)"
    )


HOSTILE_TITLES = [
    "Keamanan Uji <img src=x onerror=alert(1)></title><script>alert(2)</script>",
    "Kutip \" dan ' dan & dan &lt;b&gt;",
    "Emoji 😀 dan 🇮🇩 di judul",
    "---\ntitle: palsu",
    "Baris\rbaru\u2028lain\x85NEL",
    "Titik dua: {: onclick=alert(1) } #judul",
]


@pytest.mark.parametrize("title", HOSTILE_TITLES)
def test_front_matter_reads_back_as_theme_safe_html(title):
    meta_text = front_matter("curriculum/x.yml", title, title, tags=[title, "biasa"])
    rest, meta = get_data(meta_text + "\n\n# Isi\n")
    assert rest.strip() == "# Isi"
    expected = " ".join(re.split(r"[\s\x85\u2028]+", title))
    assert html.unescape(meta["title"]) == expected
    assert html.unescape(meta["description"]) == expected
    assert [html.unescape(tag) for tag in meta["tags"]] == [expected, "biasa"]
    for value in (meta["title"], meta["description"], *meta["tags"]):
        assert "<" not in value and ">" not in value and '"' not in value


@pytest.mark.parametrize(
    ("text", "html_out"),
    [
        ("1. Bukan daftar", "<p>1. Bukan daftar</p>"),
        ("- Bukan daftar", "<p>- Bukan daftar</p>"),
        ("Ikon :smile: tetap teks", "<p>Ikon &#58;smile: tetap teks</p>"),
        ("Judul\r# Palsu {: onclick=x }", "<p>Judul # Palsu {: onclick=x }</p>"),
        ("<b>tebal</b> & *miring*", "<p>&lt;b&gt;tebal&lt;/b&gt; &amp; *miring*</p>"),
    ],
)
def test_plain_text_reads_literally_in_markdown(text, html_out):
    # The extensions mkdocs.yml enables, which read the generated Markdown.
    extensions = ["abbr", "attr_list", "md_in_html", "tables", "admonition", "pymdownx.emoji"]
    assert markdown.markdown(escape(text), extensions=extensions) == html_out


def test_free_page_title_reaches_the_theme_escaped(tmp_path):
    page = "# </title><img src=x onerror=alert(1)>\n\nIsi.\n"
    root = write_project(tmp_path, {"curriculum/pages/tentang.md": page})
    generated = pipeline.generate(root, today=pipeline.resolve_today(TODAY))
    assert generated.pages is not None
    _, meta = get_data(generated.pages["halaman/tentang/index.md"])
    assert meta["title"] == "&lt;/title&gt;&lt;img src=x onerror=alert(1)&gt;"


def test_every_generated_page_keeps_its_front_matter(tmp_path):
    generated = pipeline.generate(REPO, today=pipeline.resolve_today(TODAY))
    assert generated.pages is not None
    pages = {path: text for path, text in generated.pages.items() if path.endswith(".md")}
    assert len(pages) > 90
    for path, text in pages.items():
        _, meta = get_data(text)
        assert meta.get("title") and meta.get("source"), path
        # The edit button opens this path on GitHub: a moved file must not leave it dangling
        # (the free pages' index names their folder).
        assert (REPO / meta["source"]).exists(), (path, meta["source"])


def _build_markdown(root: Path) -> tuple[int, str]:
    import contextlib
    import io

    from generator.commands import cli

    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        code = cli.main(["build", "--root", str(root), "--today", TODAY, "--markdown-only"])
    return code, out.getvalue()


@pytest.mark.parametrize(
    ("target", "reason"),
    [
        (
            "/modul/tidak-ada/",
            "bukan halaman situs ini; pakai jalur halaman yang ada seperti `/modul/<id>/`, "
            "`/jalur-belajar/<id>/` atau `/halaman/<nama>/`",
        ),
        (
            "../data-dasar.md",
            "tidak dapat diperiksa; tautkan halaman situs dengan jalurnya yang diawali `/`, "
            "seperti `/modul/<id>/`, atau pakai alamat `https://`",
        ),
        (
            "//evil.example/x",
            "tidak dapat diperiksa; tautkan halaman situs dengan jalurnya yang diawali `/`, "
            "seperti `/modul/<id>/`, atau pakai alamat `https://`",
        ),
        (
            "/modul/data-dasar/#Kegiatan",
            "bagian `#Kegiatan` bukan nama bagian halaman; nama bagian hanya memuat huruf "
            "kecil, angka dan tanda hubung",
        ),
    ],
)
def test_links_in_markdown_fields_must_name_a_published_page(validate, target, reason):
    text = MODULE_ETIKA + f"description: 'Lihat juga [ini]({target}).'\n"
    problems = validate({ETIKA: text}).problems
    assert problems == [
        _error(
            ETIKA,
            f"16:{text.splitlines()[15].index('](') + 3}",
            f"tautan `{target}` di `description` {reason}",
        )
    ]


def test_site_paths_in_markdown_fields_become_relative_links(tmp_path):
    text = MODULE_ETIKA + (
        "description: 'Lanjut ke [data](/modul/data-dasar/#kegiatan), "
        "[bagian](#tujuan-pembelajaran) atau [glosarium](/glosarium/).'\n"
    )
    root = write_project(tmp_path, {ETIKA: text})
    generated = pipeline.generate(root, today=pipeline.resolve_today(TODAY))
    assert generated.pages is not None
    page = generated.pages["modul/etika/index.md"]
    assert '<a href="../../modul/data-dasar/#kegiatan" rel="noopener noreferrer">data</a>' in page
    assert '<a href="#tujuan-pembelajaran" rel="noopener noreferrer">bagian</a>' in page
    assert '<a href="../../glosarium/" rel="noopener noreferrer">glosarium</a>' in page


def test_a_missing_section_is_located_in_the_yaml_before_mkdocs_runs(tmp_path):
    resource = (
        "resources:\n  - title: Bagian\n    url: /modul/data-dasar/#tujuan-pembelajran\n"
        "    kind: link\n"
    )
    description = "description: 'Lihat [istilah](/glosarium/#tidak-ada).'\n"
    root = write_project(tmp_path, {ETIKA: MODULE_ETIKA + description + resource})
    code, output = _build_markdown(root)
    assert code == 1
    assert output.splitlines()[:2] == [
        _error(
            ETIKA,
            "16:31",
            "halaman `/glosarium/` tidak punya bagian `#tidak-ada` (bagian yang ada: "
            "`#glosarium`, `#huruf-a`, `#asn-aparatur-sipil-negara`, `#huruf-j`, "
            "`#jp-jam-pelajaran`)",
        ),
        _error(
            ETIKA,
            "19:10",
            "halaman `/modul/data-dasar/` tidak punya bagian `#tujuan-pembelajran` (bagian yang "
            "ada: `#dasar-pengelolaan-data`, `#tujuan-pembelajaran`, "
            "`#kompetensi-yang-dikembangkan`, `#kegiatan`, `#sebelum-dan-sesudah-modul-ini`, "
            "`#bukti-hasil`, `#tentang-modul-ini`); mungkin maksud Anda "
            "`/modul/data-dasar/#tujuan-pembelajaran`?",
        ),
    ]
    assert not (root / "docs").exists()


def test_diff_and_scaffold_read_no_file_through_a_symlink(tmp_path):
    from generator.commands.scaffold import read_project
    from generator.load.files import read_folder

    secret = tmp_path / "rahasia.md"
    secret.write_text("kata sandi rahasia\n", encoding="utf-8")
    root = write_project(tmp_path / "proyek")
    (root / "curriculum/pages").mkdir(parents=True)
    os.symlink(secret, root / "curriculum/pages/passwd.md")
    os.symlink(secret, root / "curriculum/modules/nilai/lain.yml")
    files = read_folder(root)
    tree = files.contents
    assert "curriculum/pages/passwd.md" not in tree
    assert b"kata sandi rahasia" not in b"".join(tree.values())
    assert sorted(files.symlinks) == [
        "curriculum/modules/nilai/lain.yml",
        "curriculum/pages/passwd.md",
    ]
    assert "lain" not in read_project(root).existing["module"]


def test_an_emoji_joined_with_zero_width_joiners_is_text(validate):
    page = "# Tim kami 👩🏽‍💻👨‍👩‍👧\n\nKami ✍️ bersama.\n"
    text = MODULE_ETIKA.replace(
        "title: Etika Pelayanan", 'title: "Etika \\U0001F469\\u200D\\U0001F4BB"'
    )
    assert validate({"curriculum/pages/tim.md": page, ETIKA: text}).problems == []
    joined_letters = validate({"curriculum/pages/tim.md": "# Ti\u200dm\n"}).problems
    assert joined_letters == [
        _error(
            "curriculum/pages/tim.md",
            "1:5",
            "karakter tak terlihat: penyambung lebar-nol (U+200D); hapus karakter ini",
        )
    ]


@pytest.mark.parametrize("output_format", ["text", "github", "json"])
def test_control_and_direction_characters_in_a_file_name_are_escaped_in_every_format(
    project, output_format
):
    """An escape sequence or a direction override in a file name would recolour or reorder
    the terminal, the log or the annotation that shows it."""
    name = "curriculum/pages/a\x1b[31m\u202eb\x85.md"
    result = run_validate(project({name: "# Halaman\n"}), "--format", output_format)
    assert result.exit_code == 1
    shown = result.output
    assert not any(char in shown for char in "\x1b\u202e\x85"), shown
    assert "\\u202e" in shown or "\\u202E" in shown
