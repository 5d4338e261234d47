"""Indonesian stemming with spelling variants folded, as the matchers rely on it."""

from spbe_arch.stemming import fold_spelling, stem, stem_words


def test_derived_words_share_their_root() -> None:
    assert stem("kepegawaian") == stem("pegawai") == "pegawai"
    assert stem("kearsipan") == "arsip"
    assert stem("persuratan") == "surat"


def test_spelling_variants_meet() -> None:
    assert stem("perijinan") == stem("perizinan") == "izin"
    assert stem("antrian") == stem("antrean")
    assert fold_spelling("praktek") == "praktik"


def test_words_with_digits_and_short_words_are_kept() -> None:
    assert stem_words("SIMPEG2 e-Office") == ["simpeg2", "e", "office"]
