"""The one list of record families: the names the command line and packages use, and their services.

Everything else that needs to know the families (the window's pages, search, the command line, tests)
derives from ``KINDS``; adding a family is adding its service here (docs/adding-a-record-family.md).
"""

from __future__ import annotations

from xuncha_desktop.services import (
    clues,
    declarations,
    evidence,
    feedback_drafts,
    groups,
    interviews,
    papers,
    petitions,
    problems,
    rounds,
    rules,
    situation,
    transfers,
    units,
)
from xuncha_desktop.services.records import NavPage
from xuncha_desktop.services.registry import (
    KINDS,
    forget_existing,
    kind_label,
    record_exists,
    service_for,
    service_of_table,
)

__all__ = ["KINDS", "forget_existing", "kind_label", "nav_pages", "record_exists", "searched_kinds", "service_for",
           "service_of_table"]

KINDS.update({
    service.kind: service
    for service in (rounds.service, groups.service, units.service, declarations.service, interviews.service,
                    petitions.service, clues.service, evidence.service, papers.service, problems.service,
                    feedback_drafts.service, rules.service, situation.service, transfers.service)
})


def nav_pages() -> list[tuple[NavPage, list[str]]]:
    """The navigation's record pages in order, each with the kinds it shows (as tabs when more than one)."""
    pages: dict[str, tuple[NavPage, list[str]]] = {}
    for kind, service in KINDS.items():
        pages.setdefault(service.nav.key, (service.nav, []))[1].append(kind)
    return sorted(pages.values(), key=lambda page: page[0].order)


def searched_kinds() -> list[str]:
    return [kind for kind, service in KINDS.items() if service.search_columns]
