"""Screening's permissions. Watchlists are group-wide; hits are scoped through their subject's
company, and hits of subjects that belong to no company are seen only group-wide."""

from senim.core.access import Reach, declare

SEARCH = declare("screening.search", admin=Reach.SCOPED, officer=Reach.SCOPED, investigator=Reach.SCOPED)
MANAGE_LISTS = declare("screening.manage_lists", admin=Reach.SCOPED, officer=Reach.SCOPED)
REVIEW = declare("screening.review", admin=Reach.SCOPED, officer=Reach.SCOPED, investigator=Reach.SCOPED)
VIEW = declare(
    "screening.view",
    admin=Reach.SCOPED,
    officer=Reach.SCOPED,
    investigator=Reach.SCOPED,
    auditor=Reach.SCOPED,
)
ENABLE_LISTS = declare("screening.enable_lists", admin=Reach.SCOPED)
