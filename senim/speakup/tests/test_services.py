"""Case services: submission stores everything encrypted under a per-case key, receipts open only
their case, the workflow moves forward with audit events that carry no content, and people named
in a case are kept out of it."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from senim.accounts.tests.factories import user_with_role
from senim.core.access import SYSTEM, PermissionDenied
from senim.core.models import AuditEvent
from senim.speakup import selectors, services
from senim.speakup.crypto import receipt_digest, receipt_normalise
from senim.speakup.models import Attachment, Case, Status
from senim.speakup.tests.factories import JPEG, PDF, submit, submit_named, upload

pytestmark = pytest.mark.django_db

SECRET = "The warehouse head asks suppliers for cash."


def _raw_rows() -> str:
    """Every Speak Up table as the database holds it (what a dump would show)."""
    text = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            if table.startswith("speakup_") or table == "core_auditevent":
                cursor.execute(f"SELECT * FROM {table}")  # noqa: S608  (table names from introspection)
                text.extend(repr(row) for row in cursor.fetchall())
    return "\n".join(text)


def test_submission_is_encrypted_at_rest_and_the_receipt_is_not_stored(group):
    submission = submit_named(company=group.a, uploads=[upload("Отчёт-Иванов.pdf")])
    dump = _raw_rows()
    assert submission.receipt and len(receipt_normalise(submission.receipt)) == 25
    for secret in (
        SECRET,
        "Айгерим",
        "aigerim@example.kz",
        "Отчёт-Иванов",
        "Alice",
        receipt_normalise(submission.receipt),
    ):
        assert secret not in dump
    assert submission.receipt not in dump
    case = Case.objects.get()
    assert case.receipt_digest == receipt_digest(submission.receipt)
    data = selectors.case_content(actor=SYSTEM, case=case)
    assert data.content["what"] == SECRET
    assert data.reporter["name"] == "Айгерим Жаксыбекова"
    assert data.files[0]["name"] == "Отчёт-Иванов.pdf"
    assert not data.files[0]["stripped"]  # a PDF keeps its metadata: officers are warned


def test_each_case_has_its_own_data_key(db):
    first, second = submit(), submit()
    assert first.case.wrapped_key != second.case.wrapped_key
    assert first.case.content_sealed != second.case.content_sealed


def test_receipt_opens_only_its_case_and_forgives_case_and_dashes(db):
    one, two = submit(), submit()
    assert selectors.case_for_receipt(key=one.receipt) == one.case
    assert selectors.case_for_receipt(key=one.receipt.lower().replace("-", " ")) == one.case
    assert selectors.case_for_receipt(key=two.receipt) == two.case
    assert selectors.case_for_receipt(key="AAAAA-AAAAA-AAAAA-AAAAA-AAAAA") is None
    assert selectors.case_for_receipt(key="nonsense") is None


def test_audit_events_carry_no_content(group):
    submission = submit_named(company=group.a)
    officer = user_with_role("officer")
    services.message_send(actor=officer, case=submission.case, body="Please tell us the supplier's name.")
    services.note_add(actor=officer, case=submission.case, body="Check the supplier ledger.")
    text = repr(list(AuditEvent.objects.values()))
    for secret in (SECRET, "Айгерим", "supplier's name", "ledger"):
        assert secret not in text
    types = set(AuditEvent.objects.values_list("event_type", flat=True))
    assert {"speakup.case.submitted", "speakup.message.sent", "speakup.note.added"} <= types
    assert AuditEvent.objects.filter(event_type="speakup.case.submitted").get().actor_label == "system"


def test_invalid_submission_stores_nothing(db):
    with pytest.raises(ValidationError) as error:
        submit(content={"what": "  "})
    assert "what" in error.value.message_dict
    with pytest.raises(ValidationError):
        submit(anonymous=False, reporter={"email": "no-name@example.kz"})
    with pytest.raises(ValidationError):
        submit(category="gossip")
    with pytest.raises(ValidationError):
        submit(uploads=[upload("run.exe", b"MZ\x90\x00")])
    with pytest.raises(ValidationError):
        submit(uploads=[upload("fake.pdf", b"<script>alert(1)</script>")])
    assert not Case.objects.exists() and not Attachment.objects.exists()
    assert not AuditEvent.objects.exists()


def test_oversized_attachment_is_refused_before_storing(db, settings):
    settings.SENIM_SPEAKUP_MAX_FILE_MB = 1
    with pytest.raises(ValidationError) as error:
        submit(uploads=[upload("big.pdf", PDF + b"0" * (1024 * 1024))])
    assert error.value.code == "file_too_large"
    assert not Case.objects.exists()


def test_jpeg_metadata_is_stripped(db):
    submission = submit(uploads=[upload("photo.jpg", JPEG)])
    name, kind, data = selectors.attachment_get(
        actor=SYSTEM, case=submission.case, attachment_id=Attachment.objects.get().pk
    )
    assert name == "photo.jpg" and kind == "jpeg"
    assert b"Canon" not in data and b"Alice" not in data and b"Exif" not in data
    assert data.startswith(b"\xff\xd8") and data.endswith(b"\xff\xd9") and b"JFIF" in data
    assert Attachment.objects.get().metadata_stripped


def test_deadlines_follow_the_settings(db, settings):
    settings.SENIM_SPEAKUP_ACK_DAYS = 3
    case = submit().case
    received = case.received_at.astimezone().date()
    assert case.acknowledge_due - received <= dt.timedelta(days=3)
    assert (case.feedback_due - case.acknowledge_due).days == 87


def test_workflow_from_submission_to_closure(group):
    officer = user_with_role("officer", company=group.a)
    case = submit_named(company=group.a).case
    services.case_set_status(actor=officer, case=case, status=Status.ACKNOWLEDGED)
    assert case.acknowledged_at is not None
    with pytest.raises(ValidationError):
        services.case_set_status(actor=officer, case=case, status=Status.CLOSED)
    services.case_set_status(actor=officer, case=case, status=Status.ASSESSMENT)
    services.case_set_status(actor=officer, case=case, status=Status.INVESTIGATION)
    reply = services.reporter_reply(case=case, body="The supplier is Omega LLP.")
    services.case_close(
        actor=officer,
        case=case,
        outcome="substantiated",
        measures=["disciplinary", "control_improved"],
        summary="Confirmed.",
    )
    case.refresh_from_db()
    assert case.status == Status.CLOSED and case.outcome == "substantiated"
    assert case.watch_until is not None  # a named reporter is watched for retaliation
    assert selectors.case_content(actor=SYSTEM, case=case).messages[0].text == "The supplier is Omega LLP."
    assert reply.direction == "from_reporter"
    with pytest.raises(ValidationError):
        services.reporter_reply(case=case, body="More")


def test_question_is_answered_and_the_answer_kept(group):
    officer = user_with_role("officer")
    case = submit(kind="question", content={"question": "May I accept a 5,000 tenge gift?"}).case
    services.case_answer(actor=officer, case=case, answer="Yes, below the threshold; declare it.")
    case.refresh_from_db()
    assert case.status == Status.ANSWERED
    assert selectors.case_content(actor=SYSTEM, case=case).answer.startswith("Yes")  # kept, reusable, for staff
    data = selectors.case_content(actor=selectors.Reporter(case), case=case)
    # The reporter reads it as a message; the follow-up page decrypts nothing it does not show.
    assert data.answer == "" and data.reporter == {} and data.closure == ""
    assert data.messages[0].text.startswith("Yes") and data.messages[0].author == ""


def test_only_roles_over_the_company_see_the_case(group):
    case = submit(company=group.a).case
    no_company = submit().case
    in_a, in_b, everywhere = (
        user_with_role("officer", company=group.a),
        user_with_role("officer", company=group.b),
        user_with_role("officer"),
    )
    assert list(selectors.visible_cases(actor=in_a)) == [case]
    assert not selectors.visible_cases(actor=in_b).exists()
    assert set(selectors.visible_cases(actor=everywhere)) == {case, no_company}
    for role in ("admin", "auditor", "approver", "employee"):
        assert not selectors.visible_cases(actor=user_with_role(role)).exists()
    with pytest.raises(PermissionDenied):
        services.note_add(actor=in_b, case=case, body="x")


def test_investigators_see_only_cases_assigned_to_them(group):
    officer = user_with_role("officer")
    investigator = user_with_role("investigator", company=group.a)
    case = submit(company=group.a).case
    assert not selectors.visible_cases(actor=investigator).exists()
    services.case_assign(actor=officer, case=case, users=[investigator])
    assert list(selectors.visible_cases(actor=investigator)) == [case]
    services.note_add(actor=investigator, case=case, body="Interviewed the driver.")
    with pytest.raises(PermissionDenied):
        services.case_close(actor=investigator, case=case, outcome="partly", measures=[])


def test_a_named_person_is_kept_out_whatever_their_role(group):
    officer = user_with_role("officer")
    named = user_with_role("officer", employee=group.in_leaf)
    investigator = user_with_role("investigator", employee=group.in_branch)
    case = submit(company=group.a).case
    services.case_assign(actor=officer, case=case, users=[investigator])
    assert selectors.visible_cases(actor=named).filter(pk=case.pk).exists()
    services.link_add(actor=officer, case=case, role="named", employee=group.in_leaf)
    services.link_add(actor=officer, case=case, role="named", employee=group.in_branch)
    assert not selectors.visible_cases(actor=named).exists()
    assert not selectors.visible_cases(actor=investigator).exists()
    assert not case.assignees.exists()  # the named investigator was taken off the case
    with pytest.raises(ValidationError):
        services.case_assign(actor=officer, case=case, users=[investigator])
    with pytest.raises(PermissionDenied):
        services.note_add(actor=named, case=case, body="x")


def test_a_user_linked_directly_is_kept_out(group):
    officer = user_with_role("officer")
    other = user_with_role("officer")
    case = submit().case
    services.link_add(actor=officer, case=case, role="witness", user=other)
    assert not selectors.visible_cases(actor=other).exists()


def test_declaring_a_conflict_removes_access(group):
    officer = user_with_role("officer")
    colleague = user_with_role("officer")
    case = submit().case
    services.case_assign(actor=officer, case=case, users=[colleague])
    services.conflict_declare(actor=colleague, case=case)
    assert not selectors.visible_cases(actor=colleague).exists()
    assert not case.assignees.exists()
    assert AuditEvent.objects.filter(event_type="speakup.conflict.declared").exists()


def test_first_message_acknowledges_and_counts_as_feedback(db):
    officer = user_with_role("officer")
    case = submit().case
    services.message_send(actor=officer, case=case, body="Thank you; we are looking into it.")
    case.refresh_from_db()
    assert case.status == Status.ACKNOWLEDGED and case.feedback_at and case.acknowledged_at


def test_overdue_cases(db):
    officer = user_with_role("officer")
    case = submit().case
    Case.objects.filter(pk=case.pk).update(acknowledge_due=dt.date(2020, 1, 1))
    assert list(selectors.overdue_cases(actor=SYSTEM)) == [case]
    case.refresh_from_db()
    assert case.overdue_kinds() == ["acknowledge"]
    services.case_acknowledge(actor=officer, case=case)
    assert not selectors.overdue_cases(actor=SYSTEM).exists()


def test_reward_needs_a_named_reporter(db):
    officer = user_with_role("officer")
    with pytest.raises(ValidationError):
        services.reward_record(
            actor=officer, case=submit().case, decided_on=dt.date(2026, 1, 5), amount=1000, currency="KZT"
        )
    case = submit_named().case
    reward = services.reward_record(
        actor=officer, case=case, decided_on=dt.date(2026, 1, 5), amount=150000, currency="KZT", basis="Order 12"
    )
    assert reward.amount == 150000
    assert selectors.case_internals(actor=SYSTEM, case=case)["rewards"][0]["basis"] == "Order 12"


def test_staff_intake_with_receipt(group):
    officer = user_with_role("officer", company=group.a)
    submission = services.case_register(
        actor=officer,
        kind="report",
        channel="hotline",
        category="fraud",
        content={"what": "Caller reports fake invoices."},
        anonymous=True,
        received_on=dt.date.today() - dt.timedelta(days=2),
        company_id=group.a.pk,
    )
    assert submission.case.channel == "hotline" and submission.case.registered_by == officer
    assert selectors.case_for_receipt(key=submission.receipt) == submission.case
    with pytest.raises(PermissionDenied):
        services.case_register(
            actor=officer,
            kind="report",
            channel="post",
            category="fraud",
            content={"what": "x"},
            anonymous=True,
            received_on=dt.date.today(),
            company_id=group.b.pk,
        )
    new_key = services.case_issue_receipt(actor=officer, case=submission.case)
    assert selectors.case_for_receipt(key=submission.receipt) == submission.case  # until the new key is used
    assert selectors.case_for_receipt(key=new_key) == submission.case
    assert selectors.case_for_receipt(key=submission.receipt) is None


def test_master_key_rotation_rewraps_data_keys(db, settings, tmp_path):
    from cryptography.fernet import Fernet
    from django.core.management import call_command

    settings.MEDIA_ROOT = str(tmp_path / "files")  # sealed files of other tests (other keys) stay out of it

    from senim.core.crypto import master_keys

    old = Fernet.generate_key().decode()
    settings.SENIM_MASTER_KEY = old
    submission = submit()
    new = Fernet.generate_key().decode()
    settings.SENIM_MASTER_KEY = f"{new},{old}"
    call_command("rotate_master_key", stdout=open("/dev/null", "w"))  # noqa: SIM115
    settings.SENIM_MASTER_KEY = new
    master_keys()
    case = Case.objects.get()
    assert selectors.case_content(actor=SYSTEM, case=case).content["what"] == SECRET
    assert selectors.case_for_receipt(key=submission.receipt) == case


def test_links_are_validated(group):
    officer = user_with_role("officer")
    case = submit(company=group.a).case
    with pytest.raises(ValidationError):
        services.link_add(actor=officer, case=case, role="unit", unit=group.other)  # company B's unit
    with pytest.raises(ValidationError):
        services.link_add(actor=officer, case=case, role="named", unit=group.branch)
    with pytest.raises(ValidationError):
        services.link_add(actor=officer, case=case, role="named")
    link = services.link_add(actor=officer, case=case, role="unit", unit=group.branch)
    services.link_remove(actor=officer, link=link)
    assert not case.links.exists()


def test_closing_counts_as_acknowledgement_and_feedback(db):
    officer = user_with_role("officer")
    case = submit().case
    services.case_close(actor=officer, case=case, outcome="out_of_scope", measures=[])
    case.refresh_from_db()
    assert case.acknowledged_at and case.feedback_at and case.watch_until is None  # anonymous: no watch
