"""The evidence, functions and proposals in words: English for the command line, Indonesian for the
document. Every text that names model content quotes ids in backticks so that renderers can escape
them for their format."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from spbe_arch.duplicates.features import AppFeatures, organization_label
from spbe_arch.duplicates.tables import LocalFunction, NationalFunction
from spbe_arch.workspace import Workspace

Language = Literal["en", "id"]
LANGUAGES: tuple[str, ...] = ("en", "id")

_TEXT: dict[str, dict[str, str]] = {
    "en": {
        "identical": "identical names after normalisation ({words})",
        "identical_bare": "identical names after normalisation",
        "similar": "names {score} similar (in common: {words})",
        "similar_bare": "names {score} similar",
        "description_bare": "descriptions {score} similar",
        "same_client": "a web application and its mobile client ({name}): one system",
        "same_central": "both listed as central (national) applications under one name ({name}): one national "
                        "application used by each OPD",
        "same_ministry": "one name, once with the ministry or agency that runs it ({name}): one national "
                         "application used by each OPD",
        "same_name_read": "names that read the same ({name}): one system listed by each OPD that uses it",
        "same_name_owner": "one OPD's two rows of one name ({name}): one system listed twice",
        "after": "after expanding {acronyms}",
        "description": "descriptions {score} similar (in common: {words})",
        "description_differs": "but their descriptions have (almost) nothing in common",
        "process": "both support {items}",
        "service": "both realise {items}",
        "writes": "both write {items}",
        "rab": "their processes share reference code {items}",
        "rab_area": "their names and descriptions fall into the RAB area {items}",
        "raa": "same application reference code {items}",
        "no_common_process": "but they support no process in common",
        "same_function": "both perform {function}, for which the national application {national} exists",
        "different_functions": "but they perform different national functions ({first}; {second})",
        "kin_functions": "they perform {first} and {second}, two functions of one national application, {national}",
        "names_differ": "but their names name different functions ({first}; {second})",
        "same_role": "both names say the function {function}, which many OPDs build an application for",
        "different_roles": "but their names say different functions ({first}; {second})",
        "connector": "but {app} is a bridge to another system, not a system of its own",
        "view": "but {app} shows data kept by other systems (a dashboard or monitoring), it does not do the job",
        "brand_only": "but the names share only a brand word, and only {app} says what it does",
        "set_apart": "but the name of {app} says \"{word}\", which marks a function other than {function}",
        "same_owner": "both owned by {owner}",
        "owners": "owned by {first} and {second}",
        "national_copy": "performs {function}, for which the national application {national} ({provider}) exists",
        "propose_national": "Proposal (usulan): move {apps} to {national}, the national "
                            "application for {function} ({provider}; {basis}), or integrate with it.",
        "propose_keep": "Proposal (usulan): consolidate {apps} into {keep} ({reasons}), or integrate them with it.",
        "propose_named_national": "Proposal (usulan): integrate {apps} with {national}, which its name says is a "
                                  "national application doing the same job, or move their service to it; "
                                  "{national} itself stays.",
        "propose_same": "Proposal (usulan): {apps} are one system; record it as one application, {keep}, "
                        "used by {users}.",
        "propose_none": "Proposal (usulan): no change; the applications below are kept.",
        "propose_nothing": "Proposal (usulan): no change.",
        "propose_central": "Proposal (usulan): integrate {apps} with {central}, which the inventory lists as a "
                           "central (or general) application for the same job, or move their service to it; "
                           "{central} itself stays, and its designation is to be confirmed.",
        "propose_described_only": "Proposal (usulan): the description of {apps} names {function}, for which "
                                  "the national application {national} exists ({provider}; {basis}): integrate "
                                  "that part with it, and review whether the whole application can move.",
        "propose_described": "The description of {apps} names {function} too: integrate that part with "
                             "{national}, and review whether the whole application can move.",
        "propose_tie": "Proposal (usulan): consolidate {apps} into one application, or integrate them; they "
                       "are used alike, so which one is kept is for their owners to decide.",
        "roadmap": "The roadmap has an activity for {apps}: {activity} ({year}).",
        "roadmap_keep": "{apps} kept: the roadmap plans {activity} ({year}).",
        "propose_view_only": "Proposal (usulan): integrate {apps} with {national} as the source of its data: "
                             "it shows data of {function} rather than performing it.",
        "portal": "{app} is an official portal of the government and is kept.",
        "retired": "{apps}: no longer in use; nothing of it moves, make sure its data have been carried over.",
        "retired_rows": "The inventory lists {apps} as no longer in use.",
        "propose_retired": "Proposal (usulan): {apps} is no longer in use and {successor} does its job now; make "
                           "sure its data have been carried over to {successor} and record it as replaced by it.",
        "geoportal": "{app} is the government's geoportal and is kept.",
        "propose_maps": "Proposal (usulan): publish {apps} as thematic layers of one geoportal of the government, "
                        "a node of the national geospatial information network (Perpres 27/2014; Kebijakan Satu "
                        "Peta, Perpres 9/2016 jo. Perpres 23/2021), each OPD keeping its own theme, rather than "
                        "merging one map into another.",
        "other_function": "{apps}: not part of this proposal; it does not perform {function} (review the "
                          "similarity in the evidence).",
        "basis": "basis: {basis}",
        "basis_unconfirmed": "its legal basis is to be confirmed",
        "them_one": "it",
        "them_many": "them",
        "used_by": "used by {n} OPD(s)",
        "opd_level": "held by an OPD, not by one of its units",
        "holds_function": "held by {owner}, whose affairs the function is",
        "services": "realises {n} service(s)",
        "integrations": "{n} integration(s)",
        "processes": "supports {n} process(es)",
        "and": "and",
        "same_address": "one web address ({address}): one system listed twice",
        "same_replaces": "one replaces the other: one system in two versions",
        "same_version": "addresses of one system ({address}): its versions, copies or parts under one host",
        "same_hosts": "one OPD's system at two addresses ({address}): under the OPD's own host and beside it",
        "same_site": "one OPD's application and the website named after it ({name}): one system listed "
                     "as an application and as a website",
        "same_own_site": "both are the official website of the same OPD, under two addresses",
        "same_portal": "both are the Pemda's official portal, listed by its name and by its address",
        "same_part": "modules of one system (its name or description says so)",
        "same_spelling": "one OPD's two rows whose names differ by a letter or two ({name}): one system "
                         "listed twice",
        "same_national": "both are the national application {national}",
        "same_integrates": "one is the other's client (web and mobile) of one owner",
        "same_name": "the same name ({name}): one system listed by each OPD that uses it",
    },
    "id": {
        "identical": "nama identik setelah normalisasi ({words})",
        "identical_bare": "nama identik setelah normalisasi",
        "similar": "kemiripan nama {score} (kata yang sama: {words})",
        "similar_bare": "kemiripan nama {score}",
        "description_bare": "kemiripan deskripsi {score}",
        "same_client": "aplikasi web dan versi mobile-nya ({name}): satu sistem",
        "same_central": "keduanya dicatat sebagai aplikasi pusat dengan nama yang sama ({name}): satu aplikasi "
                        "nasional yang digunakan oleh setiap perangkat daerah",
        "same_ministry": "nama yang sama, sekali ditulis dengan kementerian atau lembaga pengelolanya ({name}): "
                         "satu aplikasi nasional yang digunakan oleh setiap perangkat daerah",
        "same_name_read": "nama yang bermakna sama ({name}): satu sistem yang dicatat oleh setiap perangkat "
                          "daerah penggunanya",
        "same_name_owner": "dua baris dari perangkat daerah yang sama dengan nama yang bermakna sama ({name}): "
                           "satu sistem yang tercatat dua kali",
        "after": "setelah singkatan {acronyms} diuraikan",
        "description": "kemiripan deskripsi {score} (kata yang sama: {words})",
        "description_differs": "namun deskripsinya (hampir) tidak memiliki kesamaan",
        "process": "keduanya mendukung {items}",
        "service": "keduanya mewujudkan {items}",
        "writes": "keduanya menulis {items}",
        "rab": "proses bisnisnya berbagi kode referensi {items}",
        "rab_area": "nama dan deskripsinya termasuk area RAB {items}",
        "raa": "kode referensi aplikasi sama: {items}",
        "no_common_process": "namun tidak ada proses bisnis yang didukung bersama",
        "same_function": "keduanya menjalankan fungsi {function}, yang telah memiliki aplikasi nasional {national}",
        "different_functions": "namun menjalankan fungsi nasional yang berbeda ({first}; {second})",
        "kin_functions": "keduanya menjalankan fungsi {first} dan {second}, dua fungsi dari satu aplikasi nasional, "
                         "{national}",
        "names_differ": "namun namanya menyebut fungsi yang berbeda ({first}; {second})",
        "same_role": "nama keduanya menyebut fungsi {function}, yang sering dibangun sendiri oleh banyak perangkat "
                     "daerah",
        "different_roles": "namun namanya menyebut fungsi yang berbeda ({first}; {second})",
        "connector": "namun {app} adalah penghubung (bridging) ke sistem lain, bukan sistem tersendiri",
        "set_apart": "namun nama {app} memuat kata \"{word}\", yang menandai fungsi lain daripada {function}",
        "view": "namun {app} menampilkan data dari sistem lain (dasbor atau pemantauan), bukan menjalankan "
                "pekerjaannya",
        "brand_only": "namun kedua nama hanya sama pada satu kata merek, dan hanya {app} yang menyebut fungsinya",
        "same_owner": "keduanya milik {owner}",
        "owners": "milik {first} dan {second}",
        "national_copy": "menjalankan fungsi {function}, yang telah memiliki aplikasi nasional {national} "
                         "({provider})",
        "propose_national": "Usulan: alihkan {apps} ke {national}, aplikasi nasional untuk {function} "
                            "({provider}; {basis}), atau integrasikan dengannya.",
        "propose_keep": "Usulan: konsolidasikan {apps} ke dalam {keep} ({reasons}), atau integrasikan dengannya.",
        "propose_named_national": "Usulan: integrasikan {apps} dengan {national}, yang menurut namanya adalah "
                                  "aplikasi nasional untuk fungsi yang sama, atau alihkan layanannya ke aplikasi "
                                  "tersebut; {national} sendiri dipertahankan.",
        "propose_same": "Usulan: {apps} adalah satu sistem; catat sebagai satu aplikasi, {keep}, yang digunakan "
                        "oleh {users}.",
        "propose_none": "Usulan: tidak ada perubahan; aplikasi berikut dipertahankan.",
        "propose_nothing": "Usulan: tidak ada perubahan.",
        "propose_central": "Usulan: integrasikan {apps} dengan {central}, yang dalam inventaris dicatat sebagai "
                           "aplikasi pusat atau aplikasi umum untuk fungsi yang sama, atau alihkan layanannya ke "
                           "aplikasi tersebut; {central} sendiri dipertahankan, dan dasar penetapannya perlu "
                           "dikonfirmasi.",
        "propose_described_only": "Usulan: deskripsi {apps} menyebut fungsi {function}, yang telah memiliki "
                                  "aplikasi nasional {national} ({provider}; {basis}); integrasikan bagian "
                                  "tersebut dengannya, dan tinjau apakah aplikasinya dapat dialihkan sepenuhnya.",
        "propose_described": "Deskripsi {apps} juga menyebut fungsi {function}: integrasikan bagian tersebut "
                             "dengan {national}, dan tinjau apakah aplikasinya dapat dialihkan sepenuhnya.",
        "propose_tie": "Usulan: satukan {apps} menjadi satu aplikasi, atau integrasikan; tingkat penggunaannya "
                       "setara, sehingga aplikasi yang dipertahankan perlu ditetapkan bersama pemiliknya.",
        "roadmap": "Peta rencana telah memuat kegiatan untuk {apps}: {activity} ({year}).",
        "roadmap_keep": "{apps} dipertahankan: peta rencana memuat {activity} ({year}).",
        "propose_view_only": "Usulan: integrasikan {apps} dengan {national} sebagai sumber datanya, karena "
                             "aplikasi tersebut menyajikan data {function}, bukan menjalankan fungsinya.",
        "portal": "{app} adalah portal resmi Pemerintah Daerah dan dipertahankan.",
        "retired": "{apps} sudah tidak digunakan lagi: tidak ada yang perlu dipindahkan, pastikan datanya telah "
                   "dialihkan.",
        "retired_rows": "Dalam inventaris, {apps} tercatat sudah tidak digunakan lagi.",
        "propose_retired": "Usulan: {apps} sudah tidak digunakan lagi dan fungsinya kini dijalankan oleh {successor}; "
                           "pastikan datanya telah dialihkan ke {successor} dan catat sebagai digantikan olehnya.",
        "geoportal": "{app} adalah geoportal Pemerintah Daerah dan dipertahankan.",
        "propose_maps": "Usulan: terbitkan {apps} sebagai lapisan tematik pada satu geoportal Pemerintah Daerah, "
                        "simpul jaringan dalam Jaringan Informasi Geospasial Nasional (Perpres 27/2014; Kebijakan "
                        "Satu Peta, Perpres 9/2016 jo. Perpres 23/2021); setiap perangkat daerah tetap mengelola "
                        "temanya, tanpa menggabungkan satu peta ke dalam peta lainnya.",
        "other_function": "{apps}: tidak termasuk usulan ini karena tidak menjalankan fungsi {function} "
                          "(tinjau kemiripannya pada bukti).",
        "basis": "dasar hukum: {basis}",
        "basis_unconfirmed": "dasar hukumnya masih perlu dikonfirmasi",
        "them_one": "aplikasi tersebut",
        "them_many": "aplikasi-aplikasi tersebut",
        "used_by": "digunakan {n} perangkat daerah",
        "opd_level": "dikelola perangkat daerah, bukan unit kerja di bawahnya",
        "holds_function": "dikelola {owner}, yang urusannya mencakup fungsi tersebut",
        "services": "mewujudkan {n} layanan",
        "integrations": "{n} integrasi",
        "processes": "mendukung {n} proses bisnis",
        "and": "dan",
        "same_address": "alamat web yang sama ({address}): satu sistem yang tercatat dua kali",
        "same_replaces": "yang satu menggantikan yang lain: satu sistem dalam dua versi",
        "same_version": "alamat dari satu sistem ({address}): versi, salinan, atau bagiannya di bawah satu host",
        "same_hosts": "satu sistem milik satu perangkat daerah di dua alamat ({address}): di bawah host perangkat "
                      "daerah itu dan di sampingnya",
        "same_site": "aplikasi dan situs web yang dinamai menurut aplikasi itu, milik perangkat daerah yang sama "
                     "({name}): satu sistem yang tercatat sebagai aplikasi dan sebagai situs web",
        "same_own_site": "keduanya adalah situs resmi perangkat daerah yang sama dengan dua alamat",
        "same_portal": "keduanya adalah portal resmi pemerintah daerah, dicatat dengan namanya dan dengan alamatnya",
        "same_part": "modul dari satu sistem (menurut nama atau deskripsinya)",
        "same_spelling": "dua baris dari perangkat daerah yang sama yang namanya hanya berbeda satu-dua huruf "
                         "({name}): satu sistem yang tercatat dua kali",
        "same_national": "keduanya adalah aplikasi nasional {national}",
        "same_integrates": "yang satu adalah klien (web dan mobile) dari yang lain, milik pemilik yang sama",
        "same_name": "nama yang sama ({name}): satu sistem yang dicatat oleh setiap perangkat daerah penggunanya",
    },
}


@dataclass
class Messages:
    """Texts of one language over one workspace (for organization labels and element names)."""

    workspace: Workspace
    language: Language = "en"

    def __post_init__(self) -> None:
        self._texts = _TEXT[self.language]
        self._refs: dict[str, str] = {}
        self._orgs: dict[str, str] = {}
        self._memo: dict[tuple[object, ...], str] = {}  # evidence texts repeat across pairs of like names
        self.surface: dict[str, str] = {}  # stem -> a word as written, to show description words
        self.written: dict[str, str] = {}  # a word -> its case where descriptions write it so (SATUSEHAT)

    def _shown(self, stem: str) -> str:
        """A description word as a reader sees it: the shortest form written, in the case it is written."""
        word = self.surface.get(stem, stem)
        return self.written.get(word, word)

    def text(self, key: str, **values: object) -> str:
        return self._texts[key].format(**values)

    def ref(self, element_id: str) -> str:
        found = self._refs.get(element_id)
        if found is None:
            name = self.workspace.display_name(element_id)
            if self.language == "id":  # what an official reads names things by name, never by id
                found = self._refs[element_id] = name
            else:
                found = self._refs[element_id] = f"`{element_id}`" if name == element_id \
                    else f"`{element_id}` ({name})"
        return found

    def org(self, org_id: str) -> str:
        found = self._orgs.get(org_id)
        if found is None:
            found = self._orgs[org_id] = organization_label(self.workspace, org_id)
        return found

    def named(self, element_id: str) -> str:
        """An application by name and owner, never by id: what an official reads."""
        name = self.workspace.display_name(element_id)
        owner = self.workspace.owner_label(element_id)
        return f"{name} ({owner})" if owner else name

    def basis(self, function: NationalFunction) -> str:
        """The legal basis of a national application, or that it is yet to be confirmed."""
        return self.text("basis", basis=function.basis) if function.basis else self.text("basis_unconfirmed")

    def listing(self, items: Sequence[str]) -> str:
        if len(items) <= 1:
            return "".join(items)
        return f"{', '.join(items[:-1])} {self.text('and')} {items[-1]}"

    # -- evidence -------------------------------------------------------------------------------
    def _decimal(self, score: float) -> str:
        """A similarity as the language writes it: Indonesian uses a decimal comma (0,66), as the scores do."""
        text = f"{score:.2f}"
        return text.replace(".", ",") if self.language == "id" else text

    def name(self, score: float, a: AppFeatures, b: AppFeatures) -> str:
        key = ("name", a.name_key, b.name_key, a.expanded, b.expanded, round(score, 2))
        found = self._memo.get(key)
        if found is None:
            shared = sorted(a.name.keys() & b.name.keys(), key=lambda w: (-(a.name[w] * b.name[w]), w))
            words = ", ".join(shared[:5])
            found = (self.text("identical" if words else "identical_bare", words=words) if a.name_key == b.name_key
                     else self.text("similar", score=self._decimal(score), words=words) if words
                     else self.text("similar_bare", score=self._decimal(score)))
            acronyms = [x.upper() for x in dict.fromkeys((*a.expanded, *b.expanded))]
            if acronyms:
                found += " " + self.text("after", acronyms=", ".join(acronyms))
            self._memo[key] = found
        return found

    def description(self, score: float, a: AppFeatures, b: AppFeatures) -> str:
        key = ("description", a.app.description, b.app.description, round(score, 2))
        found = self._memo.get(key)
        if found is None:
            shared = sorted(a.desc.keys() & b.desc.keys(), key=lambda w: (-(a.desc[w] * b.desc[w]), w))
            words = ", ".join(self._shown(w) for w in shared[:5])
            found = self._memo[key] = (self.text("description", score=self._decimal(score), words=words) if words
                                       else self.text("description_bare", score=self._decimal(score)))
        return found

    def description_differs(self) -> str:
        return self.text("description_differs")

    def shared(self, signal: str, ids: Sequence[str], describe: Callable[[str], str]) -> str:
        return self.text(signal, items=self.listing([describe(i) for i in ids[:3]]))

    def shared_code(self, signal: str, codes: Sequence[str]) -> str:
        return self.text(signal, items=", ".join(codes[:3]))

    def no_common_process(self) -> str:
        return self.text("no_common_process")

    def same_function(self, function: NationalFunction) -> str:
        return self.text("same_function", function=function.function, national=function.national)

    def different_functions(self, first: NationalFunction, second: NationalFunction) -> str:
        return self.text("different_functions", first=first.function, second=second.function)

    def kin_functions(self, first: NationalFunction, second: NationalFunction) -> str:
        return self.text("kin_functions", first=first.function, second=second.function, national=first.national)

    def same_role(self, role: LocalFunction) -> str:
        return self.text("same_role", function=self._role_name(role))

    def different_roles(self, first: LocalFunction, second: LocalFunction) -> str:
        return self.text("different_roles", first=self._role_name(first), second=self._role_name(second))

    def national_and_role(self, a: AppFeatures, b: AppFeatures) -> str:
        """One performs a national function, the other a local one (SP4N-LAPOR! against SIMRS)."""
        first = a.function.function if a.function is not None else self._role_name(a.role) if a.role else ""
        second = b.function.function if b.function is not None else self._role_name(b.role) if b.role else ""
        return self.text("different_roles", first=first, second=second)

    def _role_name(self, role: LocalFunction) -> str:
        return role.function if self.language == "id" else role.en

    def names_differ(self, first: Sequence[str], second: Sequence[str]) -> str:
        return self.text("names_differ", first=", ".join(first), second=", ".join(second))

    def connector(self, app: AppFeatures) -> str:
        return self.text("connector", app=app.app.name if self.language == "id" else f"`{app.id}`")

    def brand_only(self, app: AppFeatures) -> str:
        return self.text("brand_only", app=app.app.name if self.language == "id" else f"`{app.id}`")

    def set_apart(self, app: AppFeatures, word: str, job: NationalFunction | LocalFunction) -> str:
        """The other's function shares a word with this name, which another word sets apart (SIPADES,
        aset desa, beside SIMDA BMD: the village's assets, not the Pemda's)."""
        function = job.function if self.language == "id" or isinstance(job, NationalFunction) else job.en
        return self.text("set_apart", app=app.app.name if self.language == "id" else f"`{app.id}`",
                         word=word, function=function)

    def view(self, app: AppFeatures) -> str:
        return self.text("view", app=app.app.name if self.language == "id" else f"`{app.id}`")

    def owners(self, a: AppFeatures, b: AppFeatures) -> str:
        key = ("owners", a.owner_id, b.owner_id)
        found = self._memo.get(key)
        if found is None:
            found = self._memo[key] = (
                self.text("same_owner", owner=self.org(a.owner_id)) if a.owner_id == b.owner_id
                else self.text("owners", first=self.org(a.owner_id), second=self.org(b.owner_id)))
        return found

    def same_system(self, reason: str, a: AppFeatures, b: AppFeatures) -> str:
        """Why two rows are one system, in words."""
        if reason == "address" and a.host is not None:
            return self.text("same_address", address="/".join(x for x in a.host if x))
        if reason in ("version", "hosts") and a.host is not None and b.host is not None:
            return self.text(f"same_{reason}", address=f"{a.host[0]}; {b.host[0]}")
        if reason == "national" and a.national is not None:
            return self.text("same_national", national=a.national.national)
        if reason == "site":
            return self.text("same_site", name=f"{a.app.name}; {b.app.name}")
        if reason == "spelling":
            return self.text("same_spelling", name=f"{a.app.name}; {b.app.name}")
        if reason == "client":
            return self.text("same_client", name=f"{a.app.name}; {b.app.name}")
        if reason == "ministry":
            return self.text("same_ministry", name=f"{a.app.name}; {b.app.name}")
        if reason == "central":
            return self.text("same_central", name=a.app.name if a.app.name == b.app.name
                             else f"{a.app.name}; {b.app.name}")
        if reason == "name":
            if a.owner_id == b.owner_id:
                return self.text("same_name_owner", name=a.app.name if a.app.name == b.app.name
                                 else f"{a.app.name}; {b.app.name}")
            if a.app.name.casefold() == b.app.name.casefold():
                return self.text("same_name", name=a.app.name)
            return self.text("same_name_read", name=f"{a.app.name}; {b.app.name}")
        return self.text(f"same_{reason}")

    def national_copy(self, function: NationalFunction) -> str:
        return self.text("national_copy", function=function.function, national=function.national,
                         provider=function.provider)
