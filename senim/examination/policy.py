"""Examination's permissions. Compliance officers examine drafts of their scope (the company or unit that
initiated them); administrators likewise; auditors read. Accepting a remaining risk is an examination
decision too, recorded with the name of the person who accepts it."""

from senim.core.access import Reach, declare

VIEW = declare("examination.view", admin=Reach.SCOPED, officer=Reach.SCOPED, auditor=Reach.SCOPED)
EXAMINE = declare("examination.examine", admin=Reach.SCOPED, officer=Reach.SCOPED)
