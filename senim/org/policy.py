"""Org's permissions. Structure and people are visible to every staff role within its scope;
employees see only their own record; officers and administrators change and import."""

from senim.core.access import Reach, declare

_STAFF = {
    "admin": Reach.SCOPED,
    "officer": Reach.SCOPED,
    "investigator": Reach.SCOPED,
    "approver": Reach.SCOPED,
    "auditor": Reach.SCOPED,
}

VIEW_STRUCTURE = declare("org.view_structure", **_STAFF)
VIEW_EMPLOYEE = declare("org.view_employee", **_STAFF, employee=Reach.OWN)
MANAGE = declare("org.manage", admin=Reach.SCOPED, officer=Reach.SCOPED)
IMPORT = declare("org.import", admin=Reach.SCOPED, officer=Reach.SCOPED)
