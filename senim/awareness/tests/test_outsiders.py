"""People without an account acknowledge a document version: a personal link works once, before it
expires, in the language the person picks; paper sheets and a contractor's list are entered by staff;
the counterparty is recorded and the indicators count board members and contractors' people."""

import datetime as dt
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from conftest import token_client
from senim.accounts.tests.factories import user_with_role
from senim.awareness import selectors, services
from senim.awareness.models import OutsiderAck
from senim.awareness.tests.factories import adopted_code
from senim.core.access import PermissionDenied
from senim.core.indicators import compute_values
from senim.core.models import AuditEvent
from senim.counterparties.tests.factories import CounterpartyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def version(group):
    return adopted_code(group).current_version


def _invite(group, version, **kwargs):
    data = {
        "actor": user_with_role("officer", company=group.a),
        "version": version,
        "company_id": group.a.pk,
        "kind": "board",
        "person": services.Person("Ахметов Серик", "Член Совета директоров"),
    }
    return services.outsider_invite(**{**data, **kwargs})


def test_a_board_member_acknowledges_once_through_the_link_in_kazakh(group, version):
    record, token = _invite(group, version)
    assert OutsiderAck.objects.get().token_hash != token  # only its hash is kept
    client = Client()
    page = client.get(reverse("awareness:outsider-public", args=[token]), {"lang": "kk"})
    assert page.status_code == 200 and "Жұмыскер пара бермейді" in page.content.decode()
    done = client.post(reverse("awareness:outsider-public", args=[token]), {"language": "kk"})
    assert done.status_code == 200
    record.refresh_from_db()
    assert record.acknowledged_on == timezone.localdate() and record.language == "kk" and record.token_hash is None
    assert client.get(reverse("awareness:outsider-public", args=[token])).status_code == 410
    assert client.post(reverse("awareness:outsider-public", args=[token]), {"language": "ru"}).status_code == 410
    assert AuditEvent.objects.filter(event_type="awareness.outsider.acknowledged").count() == 1
    values = {v.code: v.value for v in compute_values(year=timezone.localdate().year, company_id=group.a.pk)}
    assert values["awareness.board_signed"] == 1
    assert values["awareness.contractor_people_acknowledged"] == 0


def test_an_expired_link_does_not_work(group, version):
    _record, token = _invite(group, version, days=1)
    OutsiderAck.objects.update(expires_on=timezone.localdate() - dt.timedelta(days=1))
    assert Client().get(reverse("awareness:outsider-public", args=[token])).status_code == 410
    with pytest.raises(ValidationError):
        services.outsider_acknowledge(token=token, language="ru")
    assert Client().get(reverse("awareness:outsider-public", args=["made-up"])).status_code == 410


def test_a_contractors_employee_needs_the_counterparty_and_is_counted_by_it(group, version):
    with pytest.raises(ValidationError, match="counterparty"):
        _invite(group, version, kind="contractor")
    builder = CounterpartyFactory()
    _record, token = _invite(group, version, kind="contractor", counterparty_id=builder.pk)
    services.outsider_acknowledge(token=token, language="ru")
    _invite(group, version, kind="contractor", counterparty_id=builder.pk)
    officer = user_with_role("officer", company=group.a)
    rows = selectors.outsiders_by_counterparty(actor=officer, year=timezone.localdate().year)
    assert [(r["counterparty_id"], r["acknowledged"], r["asked"]) for r in rows] == [(builder.pk, 1, 2)]
    values = {v.code: v.value for v in compute_values(year=timezone.localdate().year, company_id=group.a.pk)}
    assert values["awareness.contractor_people_acknowledged"] == 1


def test_a_paper_sheet_needs_a_date_when_the_version_was_in_force(group, version):
    officer = user_with_role("officer", company=group.a)
    common = {
        "actor": officer,
        "version": version,
        "company_id": group.a.pk,
        "kind": "supervisory",
        "person": services.Person("Karimov Aziz"),
    }
    with pytest.raises(ValidationError):
        services.outsider_on_paper(acknowledged_on=dt.date(2020, 1, 1), **common)
    record = services.outsider_on_paper(acknowledged_on=version.effective_date or dt.date(2026, 3, 2), **common)
    assert record.source == "paper" and record.token_hash is None


def test_an_officer_of_another_company_cannot_ask(group, version):
    with pytest.raises(PermissionDenied):
        _invite(group, version, actor=user_with_role("officer", company=group.b))


def test_a_contractors_list_is_imported_all_or_nothing(group, version):
    officer = user_with_role("officer", company=group.a)
    builder = CounterpartyFactory()
    common = {"actor": officer, "version": version, "company_id": group.a.pk, "counterparty_id": builder.pk}
    bad = "full_name;role;email\nИванов Иван;Монтажник;ivanov@example.kz\n;Сварщик;\n".encode()
    with pytest.raises(ValidationError, match="Line 3"):
        services.outsiders_import(data=bad, **common)
    assert not OutsiderAck.objects.exists()
    good = "full_name,role,email\nИванов Иван,Монтажник,ivanov@example.kz\nPetrov Pyotr,Welder,\n".encode()
    created = services.outsiders_import(data=good, **common)
    assert [r.full_name for r, _t in created] == ["Иванов Иван", "Petrov Pyotr"]
    assert {r.kind for r, _t in created} == {"contractor"}


def test_the_page_makes_a_link_and_imports_a_list(group, version):
    client = Client()
    client.force_login(user_with_role("officer", company=group.a))
    assert client.get(reverse("awareness:outsiders")).status_code == 200
    response = client.post(
        reverse("awareness:outsider-add"),
        {
            "version": str(version.pk),
            "company": str(group.a.pk),
            "kind": "intern",
            "full_name": "Intern One",
            "days": "7",
        },
    )
    assert response.status_code == 200 and "/awareness/sign/" in response.content.decode()
    builder = CounterpartyFactory()
    upload = SimpleUploadedFile("people.csv", b"full_name\nA B\nC D\n", content_type="text/csv")
    response = client.post(
        reverse("awareness:outsider-import"),
        {
            "version": str(version.pk),
            "company": str(group.a.pk),
            "counterparty": str(builder.pk),
            "days": "14",
            "file": upload,
        },
    )
    assert response.status_code == 200 and response.content.decode().count("/awareness/sign/") == 2
    empty = client.post(reverse("awareness:outsider-add"), {"version": str(version.pk)})
    assert empty.status_code == 400
    auditor = Client()
    auditor.force_login(user_with_role("auditor", company=group.a))
    assert auditor.get(reverse("awareness:outsiders")).status_code == 200
    assert auditor.post(reverse("awareness:outsider-add"), {}).status_code == 403


def test_the_api_invites_records_paper_and_lists(group, version):
    client = token_client(user_with_role("officer", company=group.a))
    created = client.post(
        "/api/v1/awareness/outsiders",
        {"version_id": str(version.pk), "company_id": str(group.a.pk), "kind": "board", "full_name": "Board One"},
        content_type="application/json",
    )
    assert created.status_code == 201 and "/awareness/sign/" in created.json()["link"]
    bad = client.post(
        "/api/v1/awareness/outsiders",
        {"version_id": str(version.pk), "company_id": str(group.a.pk), "kind": "nobody", "full_name": ""},
        content_type="application/json",
    )
    assert bad.status_code == 422
    listed = client.get("/api/v1/awareness/outsiders").json()
    assert listed["count"] == 1 if isinstance(listed, dict) else len(listed) == 1
    assert client.get("/api/v1/awareness/outsiders/by-counterparty").status_code == 200
    auditor = token_client(user_with_role("auditor", company=group.a))
    assert auditor.post("/api/v1/awareness/outsiders", {}, content_type="application/json").status_code in (403, 422)


def test_a_revoked_link_stops_working_at_once_and_an_acknowledgement_cannot_be_revoked(group, version):
    record, token = _invite(group, version)
    other = user_with_role("officer", company=group.b)
    with pytest.raises(PermissionDenied):
        services.outsider_revoke(actor=other, record=record)
    client = Client()
    client.force_login(user_with_role("officer", company=group.a))
    assert client.post(reverse("awareness:outsider-revoke", args=[record.pk])).status_code == 302
    record.refresh_from_db()
    assert record.revoked_on == timezone.localdate() and record.token_hash is None
    assert Client().get(reverse("awareness:outsider-public", args=[token])).status_code == 410
    assert AuditEvent.objects.filter(event_type="awareness.outsider.revoked").count() == 1
    done, done_token = _invite(group, version)
    services.outsider_acknowledge(token=done_token, language="ru")
    api = token_client(user_with_role("officer", company=group.a))
    refused = api.post(f"/api/v1/awareness/outsiders/{done.pk}/revoke")
    assert refused.status_code == 422
    done.refresh_from_db()
    assert done.acknowledged_on and done.revoked_on is None


def test_the_command_line_invites_imports_lists_and_revokes(group, version, tmp_path):
    def run(*args):
        out, err = io.StringIO(), io.StringIO()
        call_command("awareness", "outsiders", *args, stdout=out, stderr=err)
        return out.getvalue(), err.getvalue()

    target = ["--version", str(version.pk), "--company", group.a.registration_number]
    base = ["--base-url", "https://senim.example.kz/"]
    link, note = run("invite", *target, *base, "--kind", "board", "--name", "Сейткали Нурлан")
    assert link.startswith("https://senim.example.kz/awareness/sign/") and "Сейткали Нурлан" in note
    token = link.strip().rsplit("/", 2)[-2]
    assert services.outsider_for_token(token) is not None
    with pytest.raises(CommandError, match="counterparty"):
        run("invite", *target, *base, "--kind", "agent", "--name", "Agent Smith")
    with pytest.raises(CommandError, match="base-url"):
        run("invite", *target, "--base-url", "senim.example.kz", "--kind", "board", "--name", "X")
    people = tmp_path / "people.csv"
    people.write_text("full_name;email\nИванов Иван;ivanov@example.kz\nPetrov Pyotr;\n", encoding="utf-8")
    builder = CounterpartyFactory()
    table, _note = run("import", str(people), *target, *base, "--counterparty", str(builder.pk))
    rows = table.strip().splitlines()
    assert rows[0] == "full_name,email,link,valid_until" and len(rows) == 3 and "/awareness/sign/" in rows[1]
    listed, _ = run("list", "--open")
    assert listed.count("\n") == 3
    record = OutsiderAck.objects.get(full_name="Сейткали Нурлан")
    run("revoke", str(record.pk))
    assert services.outsider_for_token(token) is None
    listed, _ = run("list", "--kind", "board")
    assert "revoked" in listed
    with pytest.raises(CommandError, match="unused"):
        run("revoke", str(record.pk))
