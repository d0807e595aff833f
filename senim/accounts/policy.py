"""Accounts' permissions: managing users and their role assignments is for administrators."""

from senim.core.access import Reach, declare

MANAGE_USERS = declare("accounts.manage_users", admin=Reach.SCOPED)
