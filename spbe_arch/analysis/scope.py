"""Which elements run outside the Pemda, so that a local failure does not reach them.

A Pemda's data centre going down does not stop SIPD or SATUSEHAT: they run in the national data
centre. An element is *outside* when:

- infrastructure: marked ``national: true``, or located in infrastructure that is outside;
- an application: every infrastructure it is hosted on is outside, or it is hosted nowhere in the
  model and its ``source`` is ``nasional``;
- a data set: every application that writes it is outside, or nothing writes it and its owner is an
  ``instansi-pusat`` (DTSEN, owned by BPS).

Everything else (organisations, processes, services, security, roadmap) is the Pemda's own.
"""

from __future__ import annotations

from spbe_arch.model import Application, DataSet, Infrastructure
from spbe_arch.workspace import Workspace


class Scope:
    """Answers "is this element outside the Pemda?", computed once per element, without recursion."""

    def __init__(self, workspace: Workspace) -> None:
        self._workspace = workspace
        self._outside: dict[str, bool] = {}
        self._writers: dict[str, list[str]] | None = None

    def _infrastructure(self, element: Infrastructure) -> bool:
        known = self._workspace.elements
        chain: list[str] = []
        seen: set[str] = set()
        current: Infrastructure | None = element
        answer = False
        while current is not None and current.id not in seen:
            if current.id in self._outside:
                answer = self._outside[current.id]
                break
            seen.add(current.id)
            chain.append(current.id)
            if current.national:
                answer = True
                break
            parent = known.get(current.located_in or "")
            current = parent if isinstance(parent, Infrastructure) else None
        for element_id in chain:
            self._outside[element_id] = answer
        return answer

    def _application(self, element: Application) -> bool:
        known = self._workspace.elements
        hosts = [known[h] for h in element.hosted_on if isinstance(known.get(h), Infrastructure)]
        if not hosts:
            return element.source == "nasional"
        return all(self._infrastructure(h) for h in hosts if isinstance(h, Infrastructure))

    def _writers_of(self, data_id: str) -> list[str]:
        if self._writers is None:
            writers: dict[str, list[str]] = {}
            for app in self._workspace.applications:
                for written in dict.fromkeys(app.writes):
                    writers.setdefault(written, []).append(app.id)
            self._writers = writers
        return self._writers.get(data_id, [])

    def _data(self, element: DataSet) -> bool:
        known = self._workspace.elements
        apps = [known[a] for a in self._writers_of(element.id)]
        if apps:
            return all(self._application(a) for a in apps if isinstance(a, Application))
        return self._workspace.is_central(element.owner)

    def outside(self, element_id: str) -> bool:
        """True when ``element_id`` runs outside the Pemda (unknown ids count as the Pemda's own)."""
        cached = self._outside.get(element_id)
        if cached is not None:
            return cached
        element = self._workspace.elements.get(element_id)
        if isinstance(element, Infrastructure):
            return self._infrastructure(element)
        if isinstance(element, Application):
            answer = self._application(element)
        elif isinstance(element, DataSet):
            answer = self._data(element)
        else:
            answer = False
        self._outside[element_id] = answer
        return answer

    def producers(self, data_id: str) -> int:
        """How many applications write the data set."""
        return len(self._writers_of(data_id))
