"""Threat: the audit trail reveals who a Speak Up case names, or whose declaration was reviewed.

Events about a sensitive object (a case, a declaration, an alert, a gift) are read only by those
who may read the object (core.audit_sensitive), never by a person named in a case, and what a
case's events say does not identify a person to anyone.
"""

import pytest
from django.test import Client

from conftest import token_client
from senim.accounts.tests.factories import user_with_role
from senim.conflicts.tests.factories import submit as declare
from senim.core.audit import audit_record
from senim.core.models import AuditEvent
from senim.core.selectors import audit_event_list
from senim.speakup import services
from senim.speakup.tests.factories import submit

pytestmark = pytest.mark.django_db


def _api(user) -> Client:  # type: ignore[no-untyped-def]
    return token_client(user)


def _case_events(actor, case) -> list[str]:  # type: ignore[no-untyped-def]
    return list(audit_event_list(actor=actor).filter(object_id=str(case.pk)).values_list("event_type", flat=True))


def test_a_person_named_in_a_case_does_not_read_its_events(group):
    officer = user_with_role("officer", company=group.a)
    named = user_with_role("officer", company=group.a, employee=group.in_leaf)
    case = submit(company=group.a).case
    services.case_record_view(actor=officer, case=case)
    services.link_add(actor=officer, case=case, role="named", employee=group.in_leaf)
    assert "speakup.link.added" in _case_events(officer, case)
    assert _case_events(named, case) == []
    response = _api(named).get("/api/v1/audit-events", {"object": case.reference})
    assert response.status_code == 200
    assert response.json()["items"] == []
    assert _api(officer).get("/api/v1/audit-events", {"object": case.reference}).json()["items"]


def test_a_group_auditor_reads_no_case_event(group):
    officer = user_with_role("officer")
    auditor = user_with_role("auditor")
    case = submit(company=group.a).case
    services.link_add(actor=officer, case=case, role="named", employee=group.in_leaf)
    assert _case_events(auditor, case) == []
    assert not audit_event_list(actor=auditor).filter(event_type__startswith="speakup.").exists()
    # while events that concern no sensitive object remain visible to the auditor
    audit_record(actor=officer, event_type="org.company.updated", obj=group.a, changes={"x": [1, 2]})
    assert audit_event_list(actor=auditor).exists()


def test_a_case_event_never_carries_a_named_persons_id(group):
    officer = user_with_role("officer")
    investigator = user_with_role("investigator", employee=group.in_root)
    case = submit(company=group.a).case
    services.case_assign(actor=officer, case=case, users=[investigator])
    services.link_add(actor=officer, case=case, role="named", employee=group.in_root)
    services.link_add(actor=officer, case=case, role="witness", user=officer)
    for event in AuditEvent.objects.filter(event_type="speakup.link.added"):
        text = str(event.changes)
        assert str(group.in_root.pk) not in text
        assert str(investigator.pk) not in text
        assert str(officer.pk) not in text


def test_declaration_events_follow_who_may_read_the_declaration(group):
    declaration = declare(group.in_b)
    own_company = user_with_role("auditor", company=group.b)
    other_company = user_with_role("auditor", company=group.a)
    group_admin_without_conflicts = user_with_role("admin")
    events = AuditEvent.objects.filter(object_type="conflicts.declaration", object_id=str(declaration.pk))
    assert events.exists()
    assert audit_event_list(actor=own_company).filter(object_id=str(declaration.pk)).exists()
    assert not audit_event_list(actor=other_company).filter(object_id=str(declaration.pk)).exists()
    assert audit_event_list(actor=group_admin_without_conflicts).filter(object_id=str(declaration.pk)).exists()
