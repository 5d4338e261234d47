"""Indonesian texts of the rules: a message template and an explanation per rule code.

A template names its values: ``{nama}`` is the name of the finding's element and ``{jenis}`` its kind
(aplikasi, data, ...); any other field comes from the finding's arguments (:attr:`Finding.args`),
where a key ending in ``_id`` holds an element id and is offered, without the suffix, as that
element's name, and a key ending in ``_ids`` holds ids separated by commas, offered as names. A rule
without a template here, or a finding without the values its template needs, is shown with the
rule's Indonesian summary and the element's name (:func:`message_id`): visibly less precise, never a
crash. ``tests/test_messages_id.py`` lists the rules that still lack an Indonesian text.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable
from dataclasses import dataclass

from spbe_arch.findings import Finding

KONVENSI = "Aturan ini adalah konvensi pemodelan, bukan ketentuan peraturan perundang-undangan."


@dataclass(frozen=True)
class RuleText:
    summary: str
    message: str
    explanation: str


def _t(summary: str, message: str, explanation: str) -> RuleText:
    return RuleText(summary, message, " ".join(explanation.split()))


MESSAGES: dict[str, RuleText] = {
    "AP021": _t("aplikasi pemerintah daerah diakses di luar domain go.id",
                "Aplikasi {nama} diakses pada alamat {alamat}, di luar domain go.id.",
                """Sistem elektronik instansi penyelenggara negara menggunakan nama domain go.id (bagi
                pemerintah daerah, subdomain dari domain resminya) sesuai Permenkominfo 5/2015 tentang
                Registrar Nama Domain Instansi Penyelenggara Negara, agar alamatnya dapat dipercaya
                masyarakat."""),
    "AP022": _t("aplikasi pemerintah daerah belum terdaftar sebagai Penyelenggara Sistem Elektronik",
                "Aplikasi {nama} belum terdaftar sebagai Penyelenggara Sistem Elektronik.",
                """Sistem elektronik yang diselenggarakan instansi pemerintah didaftarkan sebagai
                Penyelenggara Sistem Elektronik lingkup publik sesuai PP 71/2019 tentang Penyelenggaraan
                Sistem dan Transaksi Elektronik. Aplikasi yang tidak mencatat status pendaftarannya tidak
                dilaporkan."""),
    "DA006": _t("data yang memuat data pribadi tidak dilindungi kontrol keamanan",
                "{sebutan} memuat data pribadi tetapi tidak dilindungi kontrol keamanan mana pun.",
                """Pemerintah daerah sebagai pengendali data pribadi wajib melindungi dan menjaga keamanan
                data pribadi sesuai UU 27/2022 tentang Pelindungan Data Pribadi. Data yang memuat data
                pribadi perlu dilindungi kontrol keamanan, langsung atau melalui aplikasi yang
                mengolahnya."""),
    "DA007": _t("data yang memuat data pribadi ditandai sebagai data terbuka",
                "{sebutan} memuat data pribadi tetapi ditandai sebagai data terbuka.",
                """Data pribadi tidak dipublikasikan sebagai data terbuka (UU 27/2022 tentang Pelindungan Data
                Pribadi). Publikasikan data agregat atau data yang telah dianonimkan."""),
    "IN006": _t("pusat data atau jaringan pemerintah daerah tidak terhubung ke Jaringan Intra Pemerintah",
                "{sebutan} belum terhubung ke Jaringan Intra Pemerintah.",
                """Pusat data dan jaringan intra pemerintah daerah terhubung ke Jaringan Intra Pemerintah,
                jaringan tertutup pemerintah, sesuai Perpres 95/2018 bagian Jaringan Intra Pemerintah."""),
    "IN007": _t("SPLP pemerintah daerah tidak terhubung ke SPLP nasional",
                "{sebutan} belum terhubung ke SPLP nasional.",
                """Sistem Penghubung Layanan Pemerintah daerah bertukar data dengan instansi pusat melalui
                SPLP nasional, sesuai Perpres 95/2018 bagian Sistem Penghubung Layanan Pemerintah."""),
    "IX000": _t("catatan tingkat Indeks SPBE tidak dapat digunakan",
                "Catatan tingkat Indeks SPBE tidak dapat digunakan.",
                """Catatan tingkat per indikator Indeks SPBE memuat nomor indikator yang tidak dikenal atau
                tercatat dua kali, tingkat di luar 1 sampai 5, bobot yang jumlahnya bukan 100, atau tahun
                yang melampaui tanggal dokumen. Tingkat dan bobot mengikuti PermenPANRB 59/2020."""),
    "IX001": _t("tingkat Indeks SPBE yang dicatat jauh di atas tingkat yang didukung bukti",
                "Indikator {nomor} ({indikator}) dicatat pada tingkat {tercatat}, sedangkan bukti dalam "
                "arsitektur mendukung tingkat {didukung}: {bukti}",
                f"""Tingkat yang dicatat dua tingkat atau lebih di atas tingkat yang didukung bukti dalam
                arsitektur perlu ditinjau sebelum evaluasi, karena evaluator meminta bukti dukung yang
                sama. Ambang yang mengubah bukti menjadi tingkat adalah konvensi perangkat ini; tingkatnya
                mengikuti PermenPANRB 59/2020. {KONVENSI}"""),
    "IX002": _t("indikator layanan dinilai tingkat 3 atau lebih tetapi fungsinya masih dijalankan aplikasi lokal",
                "Indikator {nomor} ({indikator}) dicatat pada tingkat {tercatat}, tetapi aplikasi nasionalnya "
                "belum digunakan dan fungsinya masih dijalankan aplikasi lokal: {bukti}",
                f"""Indikator layanan yang aplikasi nasionalnya (misalnya SRIKANDI, SP4N-LAPOR!, SPSE, SIASN)
                belum digunakan sulit menunjukkan tingkat transaksi atau lebih melalui layanan nasional.
                Catat penggunaan aplikasi nasional tersebut atau tinjau kembali tingkatnya. {KONVENSI}"""),
    "KM004": _t("tidak ada audit TIK yang tercatat atau direncanakan dalam periode arsitektur",
                "Tidak ada audit TIK yang tercatat atau direncanakan dalam periode {awal}–{akhir}.",
                """Audit TIK mencakup infrastruktur, aplikasi, dan keamanan SPBE (Perpres 95/2018 bagian
                Audit Teknologi Informasi dan Komunikasi). Peraturan tidak menetapkan frekuensi tahunan;
                aturan ini meminta sedikitnya satu audit tercatat atau direncanakan dalam periode
                arsitektur."""),
    "OR004": _t("urusan pelayanan dasar tidak diselenggarakan perangkat daerah mana pun",
                "Tidak ada perangkat daerah yang mencantumkan urusan {kode} {urusan}.",
                """Setiap pemerintah daerah menyelenggarakan urusan wajib yang berkaitan dengan pelayanan
                dasar (UU 23/2014 tentang Pemerintahan Daerah, Pasal 12 ayat (1); kode 1.01 sampai 1.06
                Permendagri 90/2019)."""),
    "RC007": _t("kode referensi tidak terdapat pada domain yang penomorannya masih sementara",
                "Kode referensi {kode} pada {sebutan} tidak terdapat dalam katalog domain yang penomoran "
                "nasionalnya masih sementara.",
                """Domain infrastruktur dan keamanan belum memiliki tabel kode nasional yang dipublikasikan;
                penomorannya dalam katalog bersifat sementara. Kode di luar katalog itu mungkin benar,
                sehingga dilaporkan sebagai peringatan. Pemerintah daerah yang memakai penomoran lain
                dapat mencantumkannya beserta padanan kode nasionalnya."""),
    "RM003": _t("Peta Rencana tidak merencanakan kegiatan untuk salah satu substansinya",
                "Peta Rencana SPBE belum merencanakan kegiatan untuk substansi {substansi}.",
                """Peta Rencana SPBE merencanakan pengembangan tata kelola, manajemen, layanan,
                infrastruktur, aplikasi, dan keamanan SPBE serta audit TIK (Perpres 95/2018 bagian Peta
                Rencana SPBE)."""),
    "AP001": _t("aplikasi tidak mendukung proses bisnis mana pun",
                "Aplikasi {nama} tidak mendukung proses bisnis mana pun.",
                f"""Setiap aplikasi dibangun untuk mendukung proses bisnis. Aplikasi yang tidak dikaitkan dengan
                proses bisnis tidak dapat dinilai manfaatnya. {KONVENSI}"""),
    "AP002": _t("aplikasi yang berjalan tidak memiliki lokasi hosting",
                "Aplikasi {nama} berjalan tetapi tidak tercatat ditempatkan pada infrastruktur mana pun.",
                """Tanpa lokasi hosting, dampak gangguan infrastruktur terhadap aplikasi tidak dapat
                dianalisis."""),
    "AP003": _t("aplikasi tidak membaca maupun menulis data",
                "Aplikasi {nama} tidak tercatat membaca maupun menulis data.",
                f"""Hubungan aplikasi dengan data menjadi dasar arsitektur data dan informasi. {KONVENSI}"""),
    "AP004": _t("aplikasi belum ditetapkan kategori sistem elektroniknya",
                "Kategori sistem elektronik aplikasi {nama} belum ditetapkan.",
                """Kategori sistem elektronik (strategis, tinggi, rendah) menurut ketentuan BSSN menentukan
                standar keamanan dan penempatan aplikasi."""),
    "AP005": _t("alamat (url) aplikasi bukan alamat web",
                "Alamat aplikasi {nama} bukan alamat web yang sah.",
                "Alamat aplikasi harus berupa alamat web lengkap yang diawali http:// atau https://."),
    "AP006": _t("aplikasi antarperangkat daerah terintegrasi langsung (titik ke titik), tidak melalui SPLP",
                "Aplikasi {nama} terintegrasi langsung dengan aplikasi {target} milik {target_owner} "
                "tanpa melalui SPLP.",
                """Pertukaran data antaraplikasi milik perangkat daerah yang berbeda dilakukan melalui Sistem
                Penghubung Layanan Pemerintah (SPLP) sesuai Perpres 95/2018. Integrasi langsung sulit
                dikendalikan dan dipantau."""),
    "AP007": _t("aplikasi berkategori strategis atau tinggi tidak ditempatkan di pusat data",
                "Aplikasi {nama} berkategori strategis atau tinggi tetapi tidak ditempatkan di pusat data.",
                f"""Sistem elektronik berkategori strategis atau tinggi sebaiknya dijalankan pada fasilitas yang
                dikelola (pusat data daerah, Pusat Data Nasional, atau komputasi awan), bukan pada server yang
                tidak dikelola. Tidak ada peraturan yang mengaitkan kategori sistem elektronik dengan tempat
                penempatannya; ini saran praktik baik. {KONVENSI}"""),
    "AP008": _t("integrasi membawa data yang tidak dibaca atau ditulis oleh kedua aplikasinya",
                "Integrasi aplikasi {nama} membawa data yang tidak dibaca atau ditulis oleh aplikasi yang "
                "terhubung.",
                f"""Data yang dipertukarkan seharusnya digunakan oleh aplikasi di kedua sisi integrasi.
                {KONVENSI}"""),
    "AP009": _t("aplikasi yang telah digantikan oleh aplikasi lain masih aktif",
                "Aplikasi {nama} telah digantikan oleh aplikasi lain tetapi masih aktif.",
                """Aplikasi yang telah digantikan sebaiknya dihentikan agar tidak terjadi duplikasi fungsi dan
                data."""),
    "AP015": _t("aplikasi lokal menjalankan fungsi yang telah memiliki aplikasi nasional",
                "Aplikasi {nama} menjalankan fungsi {fungsi} yang telah memiliki aplikasi nasional "
                "{nasional} dari {penyedia}; gunakan atau integrasikan aplikasi nasional tersebut.",
                """Perpres 95/2018 mengutamakan penggunaan Aplikasi Umum dan aplikasi nasional yang telah
                ditetapkan. Aplikasi lokal dengan fungsi yang sama menimbulkan duplikasi."""),
    "AP020": _t("aplikasi yang direncanakan tidak tercantum dalam kegiatan Peta Rencana",
                "Aplikasi {nama} direncanakan tetapi tidak tercantum dalam kegiatan Peta Rencana.",
                "Setiap aplikasi yang direncanakan perlu dibangun melalui kegiatan Peta Rencana SPBE."),
    "BP001": _t("proses bisnis tidak didukung aplikasi mana pun",
                "Proses bisnis {nama} belum didukung aplikasi.",
                """Proses bisnis tanpa dukungan aplikasi dilaksanakan secara manual dan menjadi titik awal
                analisis kesenjangan."""),
    "BP002": _t("proses bisnis inti tidak menghasilkan layanan",
                "Proses bisnis inti {nama} belum dikaitkan dengan layanan yang dihasilkannya.",
                f"""Proses bisnis inti dilaksanakan untuk menghasilkan layanan kepada masyarakat atau
                instansi lain. {KONVENSI}"""),
    "BP003": _t("hierarki proses bisnis (induk) membentuk siklus",
                "Hierarki proses bisnis {nama} membentuk siklus.",
                "Proses bisnis tidak dapat menjadi induk bagi dirinya sendiri, langsung maupun tidak langsung."),
    "DA001": _t("data belum menyebut produsen data",
                "{sebutan} belum menyebut produsen datanya.",
                """Perpres 39/2019 tentang Satu Data Indonesia membedakan produsen data, yaitu unit yang
                menghasilkan suatu data, dari walidata, yaitu unit yang mengumpulkan, memeriksa, dan
                menyebarluaskan data seluruh pemerintah daerah. Produsen data dicatat untuk setiap data;
                walidata cukup satu untuk pemerintah daerah. Data milik instansi pusat dikecualikan."""),
    "DA002": _t("data tidak dibaca maupun ditulis oleh elemen mana pun",
                "{sebutan} tidak digunakan oleh aplikasi maupun proses bisnis mana pun.",
                f"Data yang tidak digunakan perlu ditinjau keberadaannya. {KONVENSI}"),
    "DA003": _t("data ditulis oleh aplikasi milik beberapa perangkat daerah",
                "{sebutan} ditulis oleh aplikasi milik {jumlah} perangkat daerah: {penulis}.",
                """Perpres 39/2019 tentang Satu Data Indonesia menghendaki satu produsen untuk setiap data.
                Jika beberapa perangkat daerah menulis data yang sama, salinan data akan saling berbeda."""),
    "DA004": _t("data digunakan tetapi tidak ditulis oleh aplikasi yang berjalan",
                "{sebutan} digunakan tetapi tidak ditulis oleh aplikasi yang berjalan.",
                "Data yang digunakan tanpa aplikasi produsen diisi secara manual atau disalin dari tempat lain."),
    "DA005": _t("data hanya ditulis oleh aplikasi perangkat daerah lain, bukan produsennya",
                "{sebutan} milik {pemilik} hanya ditulis oleh aplikasi {penulis} milik {pemilik_penulis}.",
                """Pemilik data adalah produsen data menurut Perpres 39/2019. Data yang hanya ditulis oleh
                aplikasi perangkat daerah lain perlu ditinjau kepemilikannya."""),
    "IN001": _t("pusat data belum mencantumkan tier",
                "Pusat data {nama} belum mencantumkan tier.",
                f"Tier pusat data menjadi dasar penilaian tempat sistem strategis dijalankan. {KONVENSI}"),
    "IN002": _t("server atau media penyimpanan tidak memiliki lokasi",
                "Infrastruktur {nama} tidak tercatat berada di lokasi mana pun.",
                "Tanpa lokasi, dampak gangguan pusat data terhadap server tidak dapat dianalisis."),
    "IN003": _t("infrastruktur berlokasi di elemen yang bukan lokasi fisik",
                "Infrastruktur {nama} berlokasi di elemen yang bukan lokasi fisik.",
                "Lokasi infrastruktur adalah pusat data, ruang server, atau komputasi awan."),
    "IN004": _t("lokasi infrastruktur membentuk siklus",
                "Lokasi infrastruktur {nama} membentuk siklus.",
                "Infrastruktur tidak dapat berada di dalam dirinya sendiri, langsung maupun tidak langsung."),
    "IN005": _t("infrastruktur tidak menampung, memuat, atau menghubungkan apa pun",
                "Infrastruktur {nama} tidak menampung, memuat, atau menghubungkan elemen lain.",
                f"Infrastruktur yang tidak digunakan perlu ditinjau keberadaannya. {KONVENSI}"),
    "KM001": _t("kontrol keamanan tidak melindungi elemen mana pun",
                "Kontrol keamanan {nama} tidak melindungi elemen mana pun.",
                "Setiap kontrol keamanan ditujukan untuk melindungi aplikasi, data, atau infrastruktur."),
    "KM002": _t("kegiatan keamanan berulang tidak mencatat tanggal pelaksanaan",
                "Kegiatan keamanan {nama} belum mencatat tanggal pelaksanaan terakhir.",
                f"""Penilaian kerentanan, audit, edukasi, dan uji kelaikan dilaksanakan berulang; tanggal
                pelaksanaan terakhir membuat kegiatan tersebut dapat diperiksa oleh evaluator. Peraturan tidak
                menetapkan frekuensinya, sehingga aturan ini hanya meminta tanggal. {KONVENSI}"""),
    "KM003": _t("aplikasi berkategori strategis atau tinggi tidak dilindungi kontrol keamanan",
                "Aplikasi {nama} berkategori strategis atau tinggi tetapi tidak dilindungi kontrol keamanan.",
                "Sistem elektronik berkategori strategis dan tinggi wajib dilindungi sesuai ketentuan BSSN."),
    "LY001": _t("layanan tidak diwujudkan oleh aplikasi maupun proses bisnis",
                "Layanan {nama} tidak diwujudkan oleh aplikasi maupun proses bisnis.",
                "Setiap layanan SPBE diwujudkan oleh aplikasi atau proses bisnis."),
    "LY002": _t("layanan publik tidak mencantumkan kanal layanan",
                "Layanan publik {nama} belum mencantumkan kanal layanan.",
                f"Kanal layanan menunjukkan cara masyarakat mengakses layanan publik. {KONVENSI}"),
    "OR001": _t("perangkat daerah belum mencantumkan urusan pemerintahan",
                "{nama} belum mencantumkan urusan pemerintahan.",
                "Urusan pemerintahan perangkat daerah mengikuti UU 23/2014 tentang Pemerintahan Daerah."),
    "OR002": _t("organisasi tidak memiliki elemen arsitektur",
                "{nama} belum memiliki elemen arsitektur.",
                f"Organisasi tanpa elemen arsitektur belum diuraikan. {KONVENSI}"),
    "OR003": _t("hierarki organisasi (induk) membentuk siklus",
                "Hierarki organisasi {nama} membentuk siklus.",
                "Organisasi tidak dapat menjadi induk bagi dirinya sendiri, langsung maupun tidak langsung."),
    "RC001": _t("format kode referensi tidak sesuai pola RAx.NN.NN",
                "Kode referensi pada {jenis} {nama} tidak sesuai pola kode Referensi Arsitektur SPBE.",
                "Kode Referensi Arsitektur SPBE berpola RAB, RAL, RAD, RAA, RAI, atau RAK diikuti angka dua digit."),
    "RC002": _t("kode referensi tidak terdapat dalam katalog nasional",
                "Kode referensi pada {jenis} {nama} tidak terdapat dalam Referensi Arsitektur SPBE.",
                "Kode referensi harus terdapat dalam Referensi Arsitektur SPBE nasional atau perluasan lokalnya."),
    "RC003": _t("kode referensi berasal dari domain lain",
                "Kode referensi pada {jenis} {nama} berasal dari domain arsitektur lain.",
                "Setiap domain arsitektur dipetakan ke kode referensi domainnya sendiri."),
    "RC004": _t("kode referensi lokal tidak sah",
                "Kode referensi lokal tidak sah.",
                "Kode referensi lokal harus baru, tertulis sekali, dan memperluas kode yang telah ada satu tingkat."),
    "RC005": _t("elemen belum memiliki kode referensi",
                "{sebutan} belum dipetakan ke kode Referensi Arsitektur SPBE.",
                "Pemetaan ke Referensi Arsitektur SPBE membuat arsitektur dapat dibandingkan antarinstansi."),
    "RC006": _t("cabang kode referensi bertentangan dengan jenis elemen",
                "Cabang kode referensi pada {jenis} {nama} bertentangan dengan jenisnya.",
                "Layanan publik dikodekan di bawah RAL.01 dan Aplikasi Umum di bawah RAA.01."),
    "RF001": _t("referensi menyebut elemen yang tidak ada",
                "{sebutan} merujuk “{rujukan}”, yang tidak tercatat sebagai elemen arsitektur.",
                "Setiap rujukan harus menyebut elemen yang ada."),
    "RF002": _t("referensi menyebut elemen dari jenis yang salah",
                "{nama} merujuk elemen dari jenis yang salah.",
                "Setiap rujukan harus menyebut elemen dari jenis yang sesuai."),
    "RF003": _t("elemen merujuk dirinya sendiri",
                "{nama} merujuk dirinya sendiri.", "Elemen tidak dapat bergantung pada dirinya sendiri."),
    "RF004": _t("integrasi melalui elemen yang bukan SPLP",
                "Integrasi aplikasi {nama} melalui elemen yang bukan SPLP.",
                "Integrasi antaraplikasi dilakukan melalui SPLP sesuai Perpres 95/2018."),
    "RF005": _t("elemen yang sama dicantumkan dua kali dalam satu relasi",
                "{nama} mencantumkan elemen yang sama dua kali dalam satu relasi.",
                f"Rujukan ganda tidak menambah makna. {KONVENSI}"),
    "RF006": _t("elemen yang berjalan bergantung pada elemen yang telah dihentikan",
                "{sebutan} masih bergantung pada {target}, yang telah dihentikan.",
                "Ketergantungan pada elemen yang telah dihentikan perlu diganti atau dihapus."),
    "RM001": _t("kegiatan Peta Rencana berada di luar periode arsitektur",
                "Kegiatan {nama} berada di luar periode Arsitektur SPBE.",
                "Kegiatan Peta Rencana dilaksanakan dalam periode Arsitektur SPBE."),
    "RM002": _t("kegiatan Peta Rencana tidak menyebut elemen yang diubahnya",
                "Kegiatan {nama} tidak menyebut elemen arsitektur yang diubahnya.",
                f"Kegiatan yang menyebut elemennya menunjukkan kesenjangan yang ditutupnya. {KONVENSI}"),
}

# Schema rules (files and their shape): the message is the summary; the place is in the finding's position.
_SCHEMA: dict[str, tuple[str, str]] = {
    "SC001": ("berkas bukan YAML yang sah",
              "Berkas tidak dapat dibaca karena penulisannya tidak mengikuti format YAML."),
    "SC002": ("berkas bukan teks UTF-8",
              "Berkas disimpan dengan pengodean selain UTF-8 sehingga hurufnya tidak dapat dibaca dengan pasti."),
    "SC003": ("kunci yang sama ditulis dua kali dalam satu pemetaan",
              "Kunci yang ditulis dua kali membuat salah satu nilainya hilang tanpa diketahui."),
    "SC004": ("berkas atau koleksi tidak berbentuk seperti yang diharapkan",
              "Setiap berkas memuat daftar elemen dari satu jenis dengan bentuk yang telah ditentukan."),
    "SC005": ("elemen memiliki kunci yang tidak dikenal format",
              "Kunci yang tidak dikenal biasanya salah ketik sehingga nilainya tidak terbaca."),
    "SC006": ("nilai bertipe salah atau kunci wajib tidak ada",
              "Setiap elemen memuat kunci wajib dengan nilai bertipe yang sesuai."),
    "SC007": ("nilai bukan salah satu pilihan yang diizinkan",
              "Nilai seperti status, jenis, dan kategori dipilih dari daftar yang telah ditentukan."),
    "SC008": ("penanda elemen tidak terdiri atas huruf kecil, angka, dan tanda titik, garis bawah, atau tanda hubung",
              "Penanda elemen digunakan untuk saling merujuk sehingga bentuknya dibatasi."),
    "SC009": ("dua elemen memiliki penanda yang sama",
              "Setiap elemen memiliki penanda yang unik agar rujukan tidak bermakna ganda."),
    "SC010": ("manifes tidak ada, tidak sah, atau versinya tidak dikenal",
              "Manifes memuat identitas pemerintah daerah dan pengaturan arsitektur."),
    "SC011": ("tag YAML selain tag biasa digunakan",
              "Tag YAML khusus tidak diperlukan dan tidak diizinkan demi keamanan."),
    "SC012": ("berkas bersarang terlalu dalam atau alias terlalu banyak",
              "Batas kedalaman dan alias melindungi dari berkas yang dibuat untuk menghabiskan memori."),
    "SC013": ("properti bertipe tidak ada atau bertipe salah",
              "Properti tambahan yang ditetapkan dalam manifes wajib diisi dengan tipe yang sesuai."),
    "SC014": ("berkas tidak berisi apa pun",
              "Berkas kosong tidak menambah elemen arsitektur."),
    "SC015": ("manifes mengatur kode aturan yang tidak ada",
              "Pengaturan aturan yang tidak dikenal biasanya salah ketik sehingga tidak berlaku."),
}
MESSAGES.update({code: _t(summary, summary[0].upper() + summary[1:] + ".", explanation)
                 for code, (summary, explanation) in _SCHEMA.items()})

_REPEATED_WORD = re.compile(r"\b(\w+) (?i:\1)\b")

SEVERITY_ID = {"error": "kesalahan", "warning": "peringatan", "info": "informasi"}
SEVERITY_TITLE = {"error": "Kesalahan", "warning": "Peringatan", "info": "Informasi"}


def summary_id(code: str) -> str | None:
    text = MESSAGES.get(code)
    return text.summary if text else None


def template_fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def message_id(finding: Finding, name_of: Callable[[str], str], kind_of: Callable[[str], str] | None = None,
               ) -> str:
    """The finding's message in Indonesian, element ids shown by name.

    Falls back to the rule's Indonesian summary (with the element's name) when the rule has no
    template or the finding lacks a value the template names; to the original message when the
    rule has no Indonesian text at all.
    """
    text = MESSAGES.get(finding.rule)
    if text is None:
        return finding.message
    values: dict[str, str] = {}
    if finding.element:
        values["nama"] = name_of(finding.element)
        values["jenis"] = (kind_of(finding.element) if kind_of else "") or "elemen"
        named = values["nama"].lower().startswith(values["jenis"].lower())
        values["sebutan"] = values["nama"] if named else f"{values['jenis']} {values['nama']}"
    for key, value in finding.args:
        if key.endswith("_ids"):
            values[key[:-4]] = ", ".join(name_of(v.strip()) for v in value.split(",") if v.strip())
        elif key.endswith("_id"):
            if value:
                values[key[:-3]] = name_of(value)
        else:
            values[key] = value
    if template_fields(text.message) <= values.keys():
        message = _REPEATED_WORD.sub(r"\1", text.message.format(**values))  # "Aplikasi Aplikasi A"
        return message[:1].upper() + message[1:]
    if "nama" in values:
        return f"{values['nama']}: {text.summary}."
    return text.summary[0].upper() + text.summary[1:] + "."
