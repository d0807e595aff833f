"""Screening pages: every page for each role inside and outside its scope, the search form's
errors, decisions from the hit page, list uploads with the mapping step, and batch runs."""

import io

import pytest
from django.core.files.storage import default_storage
from django.test import Client
from django.urls import reverse
from openpyxl import Workbook

from conftest import ROLES
from senim.accounts.tests.factories import user_with_role
from senim.core.access import SYSTEM
from senim.core.models import AuditEvent
from senim.screening import jobs, services
from senim.screening.models import Hit, HitStatus, ScreeningRun, Watchlist, WatchlistVersion
from senim.screening.tests.factories import WatchlistFactory, ftm, import_entities

pytestmark = pytest.mark.django_db

VIEWERS = {"admin", "officer", "investigator", "auditor"}
SEARCHERS = {"admin", "officer", "investigator"}
MANAGERS = {"admin", "officer"}


@pytest.fixture
def world(group, tmp_path):
    """A list with Tokayev; a hit in company A and one of a subject with no company."""
    watchlist = WatchlistFactory(name="Sanctions")
    import_entities(watchlist, [ftm("kz-1", "Тоқаев Қасым-Жомарт Кемелұлы")], tmp_path)
    watchlist.refresh_from_db()
    hit_a = services.screen(
        actor=SYSTEM, subject_key="t:a", schema="Person", names=["Kassym-Jomart Tokayev"], company_id=group.a.pk
    ).hits[0]
    hit_none = services.screen(actor=SYSTEM, subject_key="t:none", schema="Person", names=["Tokayev Kasym"]).hits[0]
    return {"watchlist": watchlist, "hit_a": hit_a, "hit_none": hit_none, "version": watchlist.current_version}


def _client(user) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(user)
    return client


def _user(role, scope, group):  # type: ignore[no-untyped-def]
    company = {"group": None, "company_a": group.a, "company_b": group.b}[scope]
    employee = group.in_leaf if role == "employee" else None
    return user_with_role(role, company=company, employee=employee)


def _pages(world) -> dict[str, tuple[str, set[str]]]:  # type: ignore[no-untyped-def]
    w = world["watchlist"]
    return {
        "search": (reverse("screening:search"), SEARCHERS),
        "hits": (reverse("screening:hit-list"), VIEWERS),
        "runs": (reverse("screening:run-list"), VIEWERS),
        "run-create": (reverse("screening:run-create"), SEARCHERS),
        "lists": (reverse("screening:watchlist-list"), VIEWERS),
        "list": (reverse("screening:watchlist-detail", args=[w.pk]), VIEWERS),
        "version": (reverse("screening:version-detail", args=[world["version"].pk]), VIEWERS),
        "entity": (reverse("screening:entity-detail", args=[world["hit_a"].entity_id]), VIEWERS),
        "list-create": (reverse("screening:watchlist-create"), MANAGERS),
        "list-edit": (reverse("screening:watchlist-edit", args=[w.pk]), MANAGERS),
    }


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("scope", ["group", "company_b"])
def test_page_role_matrix(world, group, role, scope):
    client = _client(_user(role, scope, group))
    for name, (url, allowed) in _pages(world).items():
        status = client.get(url).status_code
        assert status == (200 if role in allowed else 403), (name, role, scope, status)


@pytest.mark.parametrize("role", sorted(VIEWERS))
def test_hit_pages_follow_the_subjects_company(world, group, role):
    urls = {k: reverse("screening:hit-detail", args=[world[k].pk]) for k in ("hit_a", "hit_none")}
    in_a, in_b, everywhere = (_client(_user(role, s, group)) for s in ("company_a", "company_b", "group"))
    assert in_a.get(urls["hit_a"]).status_code == 200
    assert in_a.get(urls["hit_none"]).status_code == 404  # no company: group-wide only
    assert in_b.get(urls["hit_a"]).status_code == 404
    assert everywhere.get(urls["hit_none"]).status_code == 200
    listed = in_a.get(reverse("screening:hit-list")).context["page_obj"].object_list
    assert [h.pk for h in listed] == [world["hit_a"].pk]


def test_an_officer_decides_a_hit_and_an_auditor_cannot(world, group):
    url = reverse("screening:hit-detail", args=[world["hit_a"].pk])
    data = {"status": "false_positive", "comment": "Different birth date."}
    auditor = _client(_user("auditor", "group", group))
    assert auditor.post(url, data).status_code == 404
    response = _client(_user("officer", "company_a", group)).post(url, data)
    assert response.status_code == 302
    hit = Hit.objects.get(pk=world["hit_a"].pk)
    assert hit.status == HitStatus.FALSE_POSITIVE and hit.comment == "Different birth date."
    assert AuditEvent.objects.filter(event_type="screening.hit.decided").count() == 1


def test_a_decision_without_a_comment_is_refused_on_the_form(world, group):
    url = reverse("screening:hit-detail", args=[world["hit_a"].pk])
    response = _client(_user("officer", "group", group)).post(url, {"status": "true_match", "comment": ""})
    assert response.status_code == 200 and response.context["form"].errors


@pytest.mark.parametrize("name", ["", "K", " ", "😀"])
def test_search_refuses_empty_and_one_letter_names(world, group, name):
    response = _client(_user("investigator", "group", group)).get(
        reverse("screening:search"), {"name": name, "schema": "Person"}
    )
    assert response.status_code == 200
    assert response.context["results"] is None and response.context["form"].errors


def test_search_shows_results_across_scripts(world, group):
    response = _client(_user("investigator", "company_b", group)).get(
        reverse("screening:search"), {"name": "Kassym-Jomart Tokayev", "schema": "Person"}
    )
    assert [r.entity.entity_id for r in response.context["results"]] == ["kz-1"]
    assert "Тоқаев" in response.content.decode()


def test_search_survives_arbitrary_unicode(world, group):
    client = _client(_user("officer", "group", group))
    for name in ["𝔗𝔬𝔨𝔞𝔶𝔢𝔳 ✓", "漢字 テスト", "ا ب ت ث", "\u200b\u200bab\u0301", "Ǆǅ ǈ ﬁ"]:
        assert client.get(reverse("screening:search"), {"name": name, "schema": ""}).status_code == 200


def test_only_admins_enable_and_disable_lists(world, group):
    url = reverse("screening:watchlist-toggle", args=[world["watchlist"].pk])
    assert _client(_user("officer", "group", group)).post(url).status_code == 403
    assert _client(_user("admin", "group", group)).post(url).status_code == 302
    assert not Watchlist.objects.get(pk=world["watchlist"].pk).is_enabled


def test_upload_page_only_for_group_wide_managers(world, group):
    url = reverse("screening:version-upload", args=[world["watchlist"].pk])
    assert _client(_user("officer", "company_a", group)).get(url).status_code == 404
    assert _client(_user("officer", "group", group)).get(url).status_code == 200
    assert _client(_user("auditor", "group", group)).get(url).status_code == 403


def test_jsonl_upload_imports_in_the_background_and_shows_the_version(world, group, django_capture_on_commit_callbacks):
    client = _client(_user("officer", "group", group))
    body = b'{"id": "kz-2", "schema": "Person", "properties": {"name": ["Nazarbayev Nursultan"]}}\n'
    upload = io.BytesIO(body)
    upload.name = "list.jsonl"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("screening:version-upload", args=[world["watchlist"].pk]), {"file": upload})
    version = WatchlistVersion.objects.get(number=2)
    assert response.url == reverse("screening:version-detail", args=[version.pk])
    assert (version.status, version.added, version.removed) == ("ready", 1, 1)
    page = client.get(response.url, {"change": "removed"})
    assert [e.entity_id for e in page.context["page_obj"]] == ["kz-1"]


def test_csv_upload_goes_through_the_mapping_step(world, group, django_capture_on_commit_callbacks):
    client = _client(_user("officer", "group", group))
    body = "Код;ФИО;Другие имена;БИН/ИИН;Дата рождения\n7;Иванов Иван Иванович;Ivanov Ivan;900101300123;01.01.1990\n"
    upload = io.BytesIO(body.encode())
    upload.name = "unreliable.csv"
    response = client.post(reverse("screening:version-upload", args=[world["watchlist"].pk]), {"file": upload})
    mapping_url = response.url
    page = client.get(mapping_url)
    form = page.context["form"]
    assert form.initial["name"] == "фио" and form.initial["id"] == "код" and form.initial["identifier"] == ["бин/иин"]
    data = {
        "name": "фио",
        "id": "код",
        "aliases": "другие_имена",
        "identifier": ["бин/иин"],
        "birth_date": "дата_рождения",
        "default_schema": "Person",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(mapping_url, data)
    version = WatchlistVersion.objects.get(number=2)
    assert version.status == "ready", version.error
    entity = version.entities.get()
    assert (entity.entity_id, entity.names, entity.identifiers, entity.birth_dates) == (
        "7",
        ["Иванов Иван Иванович", "Ivanov Ivan"],
        ["900101300123"],
        ["1990-01-01"],
    )


def _xlsx(rows) -> io.BytesIO:  # type: ignore[no-untyped-def]
    book = Workbook()
    for row in rows:
        book.active.append(row)
    data = io.BytesIO()
    book.save(data)
    data.seek(0)
    data.name = "batch.xlsx"
    return data


def test_batch_upload_runs_and_offers_the_hits_csv(world, group, django_capture_on_commit_callbacks):
    client = _client(_user("officer", "group", group))
    upload = _xlsx([["id", "name"], ["q1", "Kassym-Jomart Tokayev"], ["q2", "Jane Doe"], ["q3", "X"]])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("screening:run-create"), {"file": upload, "company": ""})
    run = ScreeningRun.objects.get(kind=ScreeningRun.Kind.BATCH)
    assert response.url == reverse("screening:run-detail", args=[run.pk])
    assert (run.status, run.subject_count, run.hit_count, run.skipped) == ("done", 2, 1, 1)
    csv_text = b"".join(client.get(reverse("screening:run-hits-csv", args=[run.pk])).streaming_content).decode()
    assert "q1,Kassym-Jomart Tokayev,Sanctions,kz-1" in csv_text


def test_company_scoped_batch_needs_a_company_in_scope(world, group):
    client = _client(_user("investigator", "company_a", group))
    upload = _xlsx([["name"], ["Kassym-Jomart Tokayev"]])
    response = client.post(reverse("screening:run-create"), {"file": upload, "company": str(group.b.pk)})
    assert response.status_code == 200 and "company" in response.context["form"].errors


def test_the_changed_tab_shows_before_and_now(world, group, tmp_path):
    import_entities(world["watchlist"], [ftm("kz-1", "Тоқаев Қасым-Жомарт Кемелұлы", country="kz")], tmp_path)
    version = WatchlistVersion.objects.get(number=2)
    page = _client(_user("auditor", "group", group)).get(
        reverse("screening:version-detail", args=[version.pk]), {"change": "changed"}
    )
    assert list(page.context["changes"].values()) == [{"countries": [[], ["kz"]]}]
    assert "countries" in page.content.decode()


def test_a_mapping_step_whose_upload_is_gone_is_not_found(world, group):
    client = _client(_user("officer", "group", group))
    upload = io.BytesIO(b"name\nIvan Ivanov\n")
    upload.name = "list.csv"
    mapping_url = client.post(reverse("screening:version-upload", args=[world["watchlist"].pk]), {"file": upload}).url
    for stored in default_storage.listdir(jobs.LIST_AREA)[1]:
        default_storage.delete(f"{jobs.LIST_AREA}/{stored}")
    assert client.get(mapping_url).status_code == 404


def test_an_unreadable_table_goes_back_to_the_upload_with_the_reason(world, group):
    client = _client(_user("officer", "group", group))
    upload = io.BytesIO(b"PK\x03\x04 not really a workbook")
    upload.name = "list.xlsx"
    mapping_url = client.post(reverse("screening:version-upload", args=[world["watchlist"].pk]), {"file": upload}).url
    page = client.get(mapping_url)
    assert page.status_code == 200 and "not a valid XLSX" in page.context["file_error"]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("scope", ["group", "company_a", "company_b"])
def test_run_pages_role_matrix(world, group, role, scope):
    """A run is seen group-wide, by whoever started it, and by whoever may see one of its hits."""
    run = world["hit_a"].run
    client = _client(_user(role, scope, group))
    expected = 403 if role not in VIEWERS else (404 if scope == "company_b" else 200)
    assert client.get(reverse("screening:run-detail", args=[run.pk])).status_code == expected
    assert client.get(reverse("screening:run-hits-csv", args=[run.pk])).status_code == expected


@pytest.mark.parametrize("role", ROLES)
def test_version_upload_and_mapping_role_matrix(world, group, role):
    client = _client(_user(role, "group", group))
    url = reverse("screening:version-upload", args=[world["watchlist"].pk])
    assert client.get(url).status_code == (200 if role in MANAGERS else 403)
    mapping = reverse("screening:version-mapping", args=[world["watchlist"].pk, "not-a-token"])
    assert client.get(mapping).status_code == (404 if role in MANAGERS else 403)


def test_a_hit_whose_entry_left_the_list_says_so(world, group, tmp_path):
    url = reverse("screening:hit-detail", args=[world["hit_a"].pk])
    officer = _user("officer", "group", group)
    client = _client(officer)
    assert client.get(url).context["still_listed"] is True
    services.hit_decide(actor=officer, hit=world["hit_a"], status=HitStatus.TRUE_MATCH, comment="Same person.")
    import_entities(world["watchlist"], [ftm("kz-9", "Someone Else")], tmp_path)
    page = client.get(url)
    assert page.context["still_listed"] is False
    assert "no longer on the list" in page.content.decode()


def test_an_employee_hit_links_to_the_employee(world, group):
    hit = services.screen(
        actor=SYSTEM,
        subject_key=f"org.employee:{group.in_leaf.pk}",
        schema="Person",
        names=["Kassym-Jomart Tokayev"],
        company_id=group.a.pk,
    ).hits[0]
    page = _client(_user("officer", "group", group)).get(reverse("screening:hit-detail", args=[hit.pk]))
    assert reverse("org:employee-detail", args=[group.in_leaf.pk]) in page.content.decode()


def test_hits_filter_by_status_kind_and_list(world, group, tmp_path):
    other = WatchlistFactory(name="Internal", kind="internal")
    import_entities(other, [ftm("i-1", "Kassym-Jomart Tokayev")], tmp_path)  # re-screens the subjects
    client = _client(_user("officer", "group", group))
    url = reverse("screening:hit-list")

    def shown(**params):  # type: ignore[no-untyped-def]
        return {h.watchlist.name for h in client.get(url, params).context["page_obj"]}

    assert shown() == {"Sanctions", "Internal"}
    assert shown(kind="internal") == {"Internal"}
    assert shown(watchlist=str(world["watchlist"].pk)) == {"Sanctions"}
    assert shown(status="false_positive") == set()


def test_an_open_hit_closed_because_its_entry_left_says_when_and_why(world, group, tmp_path):
    client = _client(_user("officer", "group", group))
    version = import_entities(world["watchlist"], [ftm("kz-9", "Someone Else")], tmp_path)
    hit = Hit.objects.get(pk=world["hit_a"].pk)
    assert hit.status == HitStatus.REMOVED
    page = client.get(reverse("screening:hit-detail", args=[hit.pk])).content.decode()
    assert "Closed automatically: the entry was removed from the list" in page
    assert reverse("screening:version-detail", args=[version.pk]) in page
    choices = [
        c[0]
        for c in client.get(reverse("screening:hit-detail", args=[hit.pk])).context["form"].fields["status"].choices
    ]
    assert choices == [HitStatus.TRUE_MATCH, HitStatus.FALSE_POSITIVE]
    listed = client.get(reverse("screening:hit-list"), {"status": "removed"})
    assert {h.pk for h in listed.context["page_obj"]} == {world["hit_a"].pk, world["hit_none"].pk}
    assert not client.get(reverse("screening:hit-list"), {"status": "open"}).context["page_obj"].object_list
    import_entities(world["watchlist"], [ftm("kz-1", "Тоқаев Қасым-Жомарт Кемелұлы")], tmp_path)
    again = Hit.objects.get(previous=hit)
    page = client.get(reverse("screening:hit-detail", args=[again.pk])).content.decode()
    assert "Raised again: the entry is back on the list" in page
