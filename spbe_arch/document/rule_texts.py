"""The one-line summary of each validation rule in Bahasa Indonesia, for the document's findings tables.

The texts live in the rules' Indonesian catalogue (:mod:`spbe_arch.rules.messages_id`); a rule
without an entry there is shown with its English summary from ``spbe rules``.
"""

from __future__ import annotations

from spbe_arch.rules.messages_id import MESSAGES

RULE_SUMMARIES: dict[str, str] = {code: text.summary for code, text in MESSAGES.items()}
