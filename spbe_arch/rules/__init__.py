"""Every rule of the catalogue; importing this package registers them all.

One module per family group, so that a new rule is added next to its kin. Codes never change
meaning: a retired rule keeps its code unused.
"""

from spbe_arch.rules import (  # noqa: F401
    codes,
    domain,
    duplicate_rules,
    graph_rules,
    obligations,
    references,
    schema,
)
