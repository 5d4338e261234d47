"""The registry of national applications: every entry cites its basis or is marked as unconfirmed."""

from __future__ import annotations

from spbe_arch.duplicates.registry import national_applications
from spbe_arch.duplicates.tables import shipped_tables


def test_every_entry_has_a_source_or_is_marked_recommended() -> None:
    entries = national_applications()
    assert len(entries) >= 20
    for entry in entries:
        if entry.status == "ditetapkan":
            assert entry.source, entry.name
        else:
            assert entry.source is None or entry.note, entry.name
            assert entry.note and "basis to be confirmed" in entry.note, entry.name


def test_function_ids_name_functions_of_the_finder() -> None:
    known = {f.id for f in shipped_tables().functions}
    linked = [e.function_id for e in national_applications() if e.function_id]
    assert linked and set(linked) <= known


def test_population_administration_is_siak_and_not_ikd() -> None:
    by_name = {e.name: e for e in national_applications()}
    assert by_name["SIAK"].function_id == "kependudukan"
    assert by_name["IKD"].function_id == "identitas-digital"  # its own function, not population administration
    assert next(f for f in shipped_tables().functions if f.id == "kependudukan").national == "SIAK"


def test_aplikasi_umum_only_with_a_cited_basis() -> None:
    for function in shipped_tables().functions:
        if function.kind == "aplikasi-umum":
            assert function.basis, function.id
