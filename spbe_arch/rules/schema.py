"""SC: problems the loader finds in files and in the shape of elements (no model checks here)."""

from spbe_arch.rules.registry import register

register("SC001", "yaml-syntax", "error", "the file is not valid YAML",
         """The file could not be parsed as YAML: a missing colon, a wrong indentation, an unclosed
         quote or bracket, or a tab used for indentation. The message gives the line and column where
         the parser stopped; the mistake is often on the line before.""")
register("SC002", "unreadable-file", "error", "the file is not UTF-8 text",
         """Workspace files must be UTF-8 text. A binary file with a .yaml name, a file saved in
         another encoding (Windows-1252 from an old editor, UTF-16 from Excel) or an unreadable file
         is reported with the position of the first offending byte. Save the file as UTF-8.""")
register("SC003", "duplicate-key", "error", "a key is written twice in one mapping",
         """YAML libraries silently keep only the last of two equal keys, so a second `writes:` or
         a second `applications:` section in a file would make part of the model disappear. spbe-arch
         refuses them: merge the two entries.""")
register("SC004", "bad-structure", "error", "a file or collection does not have the expected shape",
         """A workspace file is a mapping whose keys are collection names (organizations, processes,
         services, data, applications, infrastructure, security, roadmap), each holding a list of
         elements, each element a mapping. A list or a single value at the top of a file, an unknown
         collection name or an element that is not a mapping is reported here.""")
register("SC005", "unknown-key", "error", "an element has a key the format does not know",
         """Every key of an element must be one of the format's keys (see docs/workspace-format.md).
         A misspelt key would otherwise be ignored and the information lost; the message names the
         nearest valid key. Extra information belongs in `properties`.""")
register("SC006", "invalid-value", "error", "a value has the wrong type or a required key is missing",
         """A required key (id, name, owner on every element but organizations, year on roadmap
         activities) is missing, or a value has the wrong type: a list where one id is expected, text
         where a number is expected, a year out of range.""")
register("SC007", "invalid-choice", "error", "a value is not one of the allowed choices",
         """SPBE categories (status, kinds, classification, security category, maturity, ...) take one
         of a fixed list of Indonesian terms, because they appear verbatim in the document. The
         message lists the valid values and the nearest one.""")
register("SC008", "invalid-id", "error", "an id is not lower-case letters, digits and . _ -",
         """Ids are written in files, URLs, diagrams and exchange formats, so they are restricted to
         `^[a-z0-9]+([._-][a-z0-9]+)*$`: lower case, no spaces, no accents. The message proposes a
         valid spelling.""")
register("SC009", "duplicate-id", "error", "two elements share one id",
         """Ids are unique across the whole workspace, in every collection and every file, because
         references name elements by id alone. Both places are reported and neither element is used until
         one is renamed; references to that id are not checked meanwhile, so one copied id gives one
         pair of findings, not a cascade.""")
register("SC010", "bad-manifest", "error", "spbe.yaml is missing, invalid or of an unknown format version",
         """The manifest `spbe.yaml` marks the workspace folder and says which format version it is
         written in (`spbe: 1`), which government it describes and which reference catalogue its codes
         follow. Without a valid manifest the model is not built (exit code 2); the other files are
         still read, so their own problems are reported at the same time.""")
register("SC011", "unsafe-tag", "error", "a YAML tag other than the plain ones is used",
         """Workspace files hold plain values only. Tags such as `!!python/object`, `!!binary` or custom
         `!tags` are refused (they are never executed: spbe-arch reads YAML with the safe loader).""")
register("SC012", "too-complex", "error", "the document is nested too deeply or expands aliases too much",
         """A document nested deeper than 40 levels, or whose anchors and aliases would expand to far
         more values than the file has characters (a "billion laughs" alias bomb), is refused rather
         than loaded, so that a hostile file cannot exhaust memory.""")
register("SC013", "property-type", "error", "a typed property is missing or has the wrong type",
         """The manifest can declare typed extra properties per collection (`properties:` with type,
         required and allowed values). Elements must then carry the required ones with values of the
         declared type.""")
register("SC014", "empty-file", "info", "a file holds nothing",
         """An empty YAML file (or one with only comments) is allowed, and reported for information:
         it is often a file that was meant to be filled.""")
register("SC015", "unknown-rule-setting", "warning", "the manifest configures a rule code that does not exist",
         """`rules:` in spbe.yaml sets the severity of rules by code. A code that no rule has is
         probably a typo, and the setting has no effect.""")
