"""Rules of the duplicate-application analysis (AP015-AP019)."""

from __future__ import annotations

from collections.abc import Iterator

from spbe_arch.rules.registry import Context, Hit, rule


@rule("AP015", "local-copy-of-national-application", "warning",
      "a local application performs a function that has a national application",
      """A Pemda must not build its own copy of a national Aplikasi Umum (Perpres 95/2018), and several
      ministries run one national application for a function every Pemda performs: correspondence and
      dynamic archives (SRIKANDI), public complaints (SP4N-LAPOR!), procurement (SPSE), personnel (SIASN),
      regional finance (SIPD), business permits (OSS), population administration (SIAK) and others.
      The message cites the regulation that designates the national application when the registry
      domains/national-applications.yaml has one, and says its basis is to be confirmed otherwise. The function
      is recognised from the application's name (acronyms and synonyms expanded: e-Office, TNDE and
      persuratan all mean correspondence), or from the start of its description when the name is only an
      acronym. A website (tag `website`, or a row named only by its owner: Portal BKPSDM, dukcapil.x.go.id of the
      Dinas Kependudukan dan Pencatatan Sipil) informs about a function rather than performing it, and a BUMD is
      a legal entity of its own: neither is reported. Use the national application, integrate with it instead of copying
      it, or, if the application does something else, say so with `distinct_from: [<national application id>]` or
      `ignore: [AP015]` on it. `spbe duplicates` lists the same copies with a migration proposal; the table of
      functions is spbe_arch/duplicates/data/national_functions.yaml, extended by
      `duplicates.national_functions` in spbe.yaml.""")
def local_copy_of_national(ctx: Context) -> Iterator[Hit]:
    from spbe_arch.duplicates.features import national_copies

    for app, function, national_id in national_copies(ctx.workspace):
        if national_id is not None and national_id in app.distinct_from:
            continue
        target = f"{function.national} (`{national_id}`)" if national_id else function.national
        basis = f"designated by {function.basis}" if function.basis else "legal basis to be confirmed"
        yield Hit(app.id, f"application {app.name!r} performs {function.function}, for which the national "
                  f"application {target} of {function.provider} exists ({basis}); use or integrate it instead "
                  "of a local copy",
                  args={"fungsi": function.function, "nasional": function.national,
                        "penyedia": function.provider or "instansi pusat"})
