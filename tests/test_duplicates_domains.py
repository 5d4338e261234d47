"""Registers of a Pemda's web domains: one row per subdomain, named by its address alone, owned by a
kapanewon (the kecamatan of DI Yogyakarta), a veterinary clinic or an agricultural extension office of
that kapanewon. Shapes taken from a real kabupaten's domain register."""

from __future__ import annotations

from pathlib import Path

import pytest

from spbe_arch.duplicates.features import build_features
from spbe_arch.duplicates.finder import find_duplicates
from spbe_arch.exchange.naming import organization_kind
from tests.inventory_factory import import_rows, row_pairs


@pytest.mark.parametrize(("name", "kind"), [
    ("Kapanewon Nglipar", "kecamatan"), ("Kemantren Gondokusuman", "kecamatan"), ("Distrik Abepura", "kecamatan"),
    ("Kecamatan Bangil", "kecamatan"), ("Kalurahan Bejiharjo", "kelurahan"), ("Nagari Pariangan", "kelurahan"),
    ("Gampong Lampulo", "kelurahan"), ("Desa Kuwon", "kelurahan"), ("Dinas Perhubungan", "dinas"),
])
def test_a_kecamatan_or_a_village_is_known_by_the_name_its_province_gives_it(name: str, kind: str) -> None:
    assert organization_kind(name) == kind


def test_the_place_an_address_names_is_whose_site_it_is_not_a_shared_function(tmp_path: Path) -> None:
    rows = []
    for number, place in enumerate(("nglipar", "wonosari", "panggang"), 1):
        title = place.title()
        rows += [[f"K{number}", f"https://{place}.gunungkidulkab.go.id", f"Kapanewon {title}", "", "", "Kapanewon"],
                 [f"P{number}", f"https://{place}.puskeswan.gunungkidulkab.go.id", f"UPT Puskeswan {title}", "", "",
                  "Puskeswan"],
                 [f"B{number}", f"https://{place}.bpp.gunungkidulkab.go.id", f"BPP {title}", "", "", "BPP"]]
    rows += [["D1", "https://dishub.gunungkidulkab.go.id", "Dinas Perhubungan", "", "", "OPD"],
             ["D2", "https://sikab.gunungkidulkab.go.id", "Dinas Komunikasi dan Informatika", "", "", "Other"],
             ["D3", "https://sikab.gunungkidulkab.go.id", "Dinas Komunikasi dan Informatika", "", "", "Other"],
             ["S1", "https://diskominfo.gunungkidulkab.go.id", "Dinas Komunikasi, Informatika dan Statistik", "", "",
              "OPD"],
             ["S2", "https://statistik.gunungkidulkab.go.id", "Dinas Komunikasi, Informatika dan Statistik", "", "",
              "Other"]]
    workspace = import_rows(tmp_path, rows)
    pairs = row_pairs(workspace, merged=True)
    # the kapanewon's site, its veterinary clinic's and its extension office's: three units of one place
    assert not any(pair & {"K1", "P1", "B1"} for pair in pairs)
    # a word of the owner's name that is one of its jobs (statistik) names that job's application, not a
    # second address of the owner's site
    assert frozenset(("S1", "S2")) not in pairs
    # a row listed twice is still one system
    assert pairs == {frozenset(("D2", "D3")): "same_system"}


def test_an_opd_s_site_named_by_its_short_form_is_no_copy_of_a_national_application(tmp_path: Path) -> None:
    rows = [["A1", "https://dukcapil.gunungkidulkab.go.id", "Dinas Kependudukan dan Pencatatan Sipil", "", "", "OPD"],
            ["A2", "https://kesbangpol.gunungkidulkab.go.id", "Badan Kesatuan Bangsa dan Politik", "", "", "OPD"],
            ["A3", "https://dishub.gunungkidulkab.go.id", "Dinas Perhubungan", "", "", "OPD"]]
    workspace = import_rows(tmp_path, rows)
    # the Dukcapil's site is the office's site, not a copy of SIAK to be moved to it
    assert find_duplicates(workspace, language="id").groups == []
    sites = {f.app.properties["source_ids"]: f.owner_site for f in build_features(workspace).apps}
    assert sites == {"A1": True, "A2": True, "A3": True}
