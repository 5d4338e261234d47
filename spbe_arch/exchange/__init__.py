"""Exchange with the tools architects already use.

One module per format: ``archimate_export`` and ``archimate_import`` (ArchiMate 3.1 Open Exchange
Format), ``archi_csv`` (Archi's CSV trio), ``inventory`` (spreadsheet application inventories) and
``schema`` (JSON Schema of the workspace files). ``mapping`` is the one table of how SPBE concepts
become ArchiMate ones, shared by all of them.
"""
