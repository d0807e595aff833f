"""Screening's writes, and the service other modules call to screen a person or organisation.

    from senim.screening import services

    outcome = services.screen(actor=user, subject_key=f"org.employee:{employee.pk}", schema="Person",
                              names=["Жұмабеков Нұрлан Серікұлы", "Zhumabekov Nurlan"],
                              company_id=employee.company_id)
    outcome.hits      # the hits standing for this subject after the screening, best first

`lists` changes watchlists and imports their versions, `screening` screens and applies the
review rules, `review` records decisions. Import from this package, not from the modules.
"""

from senim.screening.services.lists import (
    version_create,
    version_fail,
    version_import,
    watchlist_create,
    watchlist_set_enabled,
    watchlist_update,
)
from senim.screening.services.review import DECISIONS, hit_decide, hits_close_removed, hits_decide
from senim.screening.services.screening import (
    ScreeningOutcome,
    SearchResult,
    check_screening_allowed,
    enabled_lists,
    entity_changes,
    make_query,
    rescreen_watchlist,
    run_finish,
    run_start,
    screen,
    screen_batch,
    search,
    subject_reference,
    threshold_default,
)

__all__ = [
    "DECISIONS",
    "ScreeningOutcome",
    "SearchResult",
    "check_screening_allowed",
    "enabled_lists",
    "entity_changes",
    "hit_decide",
    "hits_close_removed",
    "hits_decide",
    "make_query",
    "rescreen_watchlist",
    "run_finish",
    "run_start",
    "screen",
    "screen_batch",
    "search",
    "subject_reference",
    "threshold_default",
    "version_create",
    "version_fail",
    "version_import",
    "watchlist_create",
    "watchlist_set_enabled",
    "watchlist_update",
]
