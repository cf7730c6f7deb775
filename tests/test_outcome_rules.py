"""The outcome file rules of FORMAT.md ("Outcomes"): exact located Indonesian lines."""

from __future__ import annotations

OUTCOME = "curriculum/outcomes/etika/2026-11-10.yml"

VALID = """\
module: etika
delivered: "2026-11-10"
source: formulir daring
participation:
  registered: 40
  attended_live: 30
reaction:
  responses: 20
  relevance: [0, 1, 3, 9, 7]
learning:
  max_score: 100
  matched: 18
  pre: {mean: 55, sd: 12}
  post: {mean: 72, sd: 10}
application:
  - after_days: 30
    responses: 12
    applied: 8
"""


def _error(path: str, position: str, message: str) -> str:
    return f"{path}:{position}: error: {message}"


def test_valid_outcome_file(validate):
    result = validate({OUTCOME: VALID})
    assert result.lines == ["11 berkas diperiksa: tidak ada masalah."]


def test_personal_data_is_refused_with_the_reason(validate):
    result = validate({OUTCOME: VALID + "nama: [Budi, Sari]\nnip: ['198001012005011001']\n"})
    reason = (
        "berisi data pribadi peserta; berkas hasil hanya memuat angka agregat (jumlah, "
        "rata-rata), tidak pernah nama, NIP, surel atau baris per orang, karena repositori ini "
        "terbuka untuk umum dan setiap isinya terbit di situs; hapus kunci ini dan simpan data "
        "per orang di luar repositori"
    )
    assert result.problems == [
        _error(OUTCOME, "19:1", f"kunci `nama` {reason}"),
        _error(OUTCOME, "20:1", f"kunci `nip` {reason}"),
    ]


def test_inconsistent_counts_and_scores(validate):
    text = (
        VALID.replace("responses: 20", "responses: 35")
        .replace("mean: 72", "mean: 120")
        .replace("applied: 8", "applied: 13")
    )
    result = validate({OUTCOME: text})
    assert result.problems == [
        _error(
            OUTCOME,
            "8:14",
            "`responses` (35) lebih dari orang dijangkau (30); periksa kembali rekapnya",
        ),
        _error(
            OUTCOME, "14:16", "`post.mean` (120) di luar rentang nilai 0 sampai `max_score` (100)"
        ),
        _error(
            OUTCOME, "18:14", "`applied` (13) lebih dari `responses` (12); periksa kembali rekapnya"
        ),
    ]


def test_attended_over_registered_is_a_warning(validate):
    result = validate({OUTCOME: VALID.replace("registered: 40", "registered: 25")})
    assert result.problems == [
        f"{OUTCOME}:6:18: warning: `attended_live` (30) lebih dari `registered` (25); wajar "
        "bila ada yang ikut tanpa mendaftar, periksa bila tidak"
    ]
    assert result.exit_code == 0


def test_place_name_and_date(validate):
    wrong_folder = "curriculum/outcomes/etik/2026-11-10.yml"
    wrong_name = "curriculum/outcomes/etika/sesi-1.yml"
    future = "curriculum/outcomes/etika/2026-12-01.yml"
    result = validate(
        {
            wrong_folder: VALID.replace("module: etika", "module: etik"),
            wrong_name: VALID,
            future: VALID.replace('"2026-11-10"', '"2026-12-01"'),
        }
    )
    assert result.problems == [
        _error(
            wrong_folder,
            "1:9",
            "folder `etik` tidak menamai modul yang ada; hasil "
            "disimpan di `curriculum/outcomes/<id-modul>/`; mungkin maksud Anda `etika`?",
        ),
        _error(
            future,
            "2:12",
            "tanggal pelaksanaan 2026-12-01 ada di masa depan; hasil "
            "hanya dicatat sesudah sesi berlangsung",
        ),
        _error(
            wrong_name,
            "2:12",
            "nama berkas `sesi-1` harus tanggal `delivered` "
            "(2026-11-10), mis. `2026-11-10.yml`, atau `2026-11-10-2.yml` untuk sesi kedua "
            "hari itu",
        ),
    ]


def test_module_must_match_folder_and_session_be_the_modules(validate):
    text = VALID.replace("module: etika", "module: data-dasar").replace(
        'delivered: "2026-11-10"\n', 'delivered: "2026-11-10"\nsession: "2026-11-10T09:00"\n'
    )
    result = validate({OUTCOME: text})
    assert result.problems == [
        _error(
            OUTCOME,
            "1:9",
            "`module` bernilai `data-dasar`, padahal berkas ini ada di "
            "folder `etika`; samakan keduanya",
        ),
        _error(
            OUTCOME,
            "3:10",
            "modul `etika` tidak punya sesi yang mulai `2026-11-10T09:00`; "
            "tulis `start` salah satu sesinya, atau hapus `session`",
        ),
    ]


def test_session_must_lie_on_the_delivery_date(validate):
    # BASE's data-lanjut module has a session starting 2026-12-10T09:00.
    path = "curriculum/outcomes/data-lanjut/2026-11-10.yml"
    text = VALID.replace("module: etika", "module: data-lanjut").replace(
        'delivered: "2026-11-10"\n', 'delivered: "2026-11-10"\nsession: "2026-12-10T09:00"\n'
    )
    result = validate({path: text})
    assert result.problems == [
        _error(
            path,
            "3:10",
            "sesi `2026-12-10T09:00` tidak jatuh pada tanggal `delivered` "
            "(2026-11-10); samakan tanggalnya",
        ),
    ]


def test_item_answers_over_responses(validate):
    text = VALID.replace("relevance: [0, 1, 3, 9, 7]", "relevance: [0, 1, 3, 9, 17]")
    result = validate({OUTCOME: text})
    assert result.problems == [
        _error(
            OUTCOME,
            "9:14",
            "`relevance` (30) lebih dari `responses` (20); periksa kembali rekapnya",
        ),
    ]


def test_empty_participation(validate):
    text = VALID.replace("  registered: 40\n  attended_live: 30\n", "").replace(
        "participation:\n", "participation: {}\n"
    )
    result = validate({OUTCOME: text})
    assert result.problems == [
        _error(
            OUTCOME,
            "4:1",
            "`participation` harus memuat minimal satu jumlah: "
            "`registered`, `attended_live`, `watched_recording` atau `completed`",
        ),
    ]
