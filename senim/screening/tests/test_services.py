"""The screening service: hits across scripts, the review rules, decisions, re-screening."""

import pytest
from django.core.exceptions import ValidationError

from senim.accounts.tests.factories import user_with_role
from senim.core.access import PermissionDenied
from senim.core.models import AuditEvent
from senim.screening import services
from senim.screening.engine import Query
from senim.screening.importing import BatchRow
from senim.screening.models import Hit, HitStatus, ScreeningRun, Subject
from senim.screening.tests.factories import WatchlistFactory, ftm, import_entities

pytestmark = pytest.mark.django_db

TOKAYEV = ftm("kz-1", "Тоқаев Қасым-Жомарт Кемелұлы", birthDate="1953-05-17", country="kz")


@pytest.fixture
def sanctions(tmp_path):
    watchlist = WatchlistFactory(name="Sanctions")
    import_entities(watchlist, [TOKAYEV, ftm("co-1", "ТОО «Альфа Плюс»", schema="Company")], tmp_path)
    watchlist.refresh_from_db()
    return watchlist


def _screen(actor, key="adhoc:1", names=("Kassym-Jomart Tokayev",), **kwargs):  # type: ignore[no-untyped-def]
    return services.screen(actor=actor, subject_key=key, schema="Person", names=list(names), **kwargs)


def test_screening_finds_a_list_entry_written_in_another_script(group, sanctions):
    officer = user_with_role("officer")
    outcome = _screen(officer)
    assert [h.entity.entity_id for h in outcome.hits] == ["kz-1"]
    hit = outcome.hits[0]
    assert hit.status == HitStatus.OPEN and hit.score >= services.threshold_default()
    assert hit.entity_key == f"{sanctions.pk}:kz-1"
    assert any("tokayev" in line.casefold() for line in hit.explanation["lines"])
    assert outcome.subject.watchlists.get() == sanctions
    assert hit.run.kind == ScreeningRun.Kind.SINGLE and hit.run.hit_count == 1


def test_an_open_hit_is_refreshed_not_duplicated(group, sanctions):
    officer = user_with_role("officer")
    first = _screen(officer).hits[0]
    again = _screen(officer).hits[0]
    assert again.pk == first.pk
    assert Hit.objects.count() == 1


def test_a_false_positive_is_not_raised_again_until_the_subject_changes(group, sanctions):
    officer = user_with_role("officer")
    hit = _screen(officer).hits[0]
    services.hit_decide(actor=officer, hit=hit, status=HitStatus.FALSE_POSITIVE, comment="Another person.")
    assert _screen(officer).raised == []
    assert Hit.objects.count() == 1
    changed = _screen(officer, birth_dates=["1953-05-17"])
    assert len(changed.raised) == 1
    new = changed.raised[0]
    assert new.previous_id == hit.pk
    assert new.changes["subject"] == {"birth_dates": [[], ["1953-05-17"]]}
    assert new.changes["entity"] == {}


def test_a_false_positive_is_raised_again_when_the_list_entry_changes(group, sanctions, tmp_path):
    officer = user_with_role("officer")
    hit = _screen(officer).hits[0]
    services.hit_decide(actor=officer, hit=hit, status=HitStatus.FALSE_POSITIVE, comment="Another person.")
    changed = ftm("kz-1", ["Тоқаев Қасым-Жомарт Кемелұлы", "Kassym-Jomart Tokayev"], birthDate="1953-05-17")
    import_entities(sanctions, [changed], tmp_path)  # the re-screen runs inline in tests
    newest = Hit.objects.order_by("-created_at").first()
    assert newest.pk != hit.pk and newest.status == HitStatus.OPEN and newest.previous_id == hit.pk
    assert newest.run.kind == ScreeningRun.Kind.RESCREEN
    assert newest.changes["entity"]["names"][1] == ["Тоқаев Қасым-Жомарт Кемелұлы", "Kassym-Jomart Tokayev"]
    assert newest.changes["entity"]["countries"] == [["kz"], []]


def test_a_true_match_unchanged_is_not_raised_again(group, sanctions):
    officer = user_with_role("officer")
    hit = _screen(officer).hits[0]
    services.hit_decide(actor=officer, hit=hit, status=HitStatus.TRUE_MATCH, comment="Confirmed.")
    outcome = _screen(officer)
    assert [h.pk for h in outcome.hits] == [hit.pk] and outcome.raised == []


def test_reimport_rescreens_subjects_and_raises_new_hits(group, sanctions, tmp_path):
    officer = user_with_role("officer")
    assert _screen(officer, key="adhoc:karimov", names=["Karimov Aziz"]).hits == []
    import_entities(sanctions, [TOKAYEV, ftm("uz-9", "Каримов Азиз")], tmp_path)
    hit = Hit.objects.get(subject__key="adhoc:karimov")
    assert hit.entity.entity_id == "uz-9" and hit.run.kind == ScreeningRun.Kind.RESCREEN
    assert AuditEvent.objects.filter(event_type="screening.rescreen.finished").exists()


def test_decisions_are_audited_old_to_new(group, sanctions):
    officer = user_with_role("officer")
    hit = _screen(officer).hits[0]
    services.hit_decide(actor=officer, hit=hit, status=HitStatus.NEEDS_INFO, comment="Ask for the passport.")
    event = AuditEvent.objects.get(event_type="screening.hit.decided")
    assert event.changes["status"] == ["open", "needs_info"]
    assert event.actor_id == officer.pk and event.object_id == str(hit.pk)


def test_a_decision_needs_a_comment_and_a_known_status(group, sanctions):
    officer = user_with_role("officer")
    hit = _screen(officer).hits[0]
    with pytest.raises(ValidationError):
        services.hit_decide(actor=officer, hit=hit, status=HitStatus.TRUE_MATCH, comment="  ")
    with pytest.raises(ValidationError):
        services.hit_decide(actor=officer, hit=hit, status="maybe", comment="x")


@pytest.mark.parametrize("names", [[""], ["  "], ["K"], ["Ж"], ["?!"]])
def test_empty_and_one_letter_queries_are_refused_with_a_clear_error(group, sanctions, names):
    with pytest.raises(ValidationError) as error:
        services.search(actor=user_with_role("officer"), query=Query(names=names))
    assert "at least two letters" in str(error.value)


def test_search_stores_nothing_but_an_audit_event(group, sanctions):
    results = services.search(actor=user_with_role("investigator"), query=Query(names=["Tokaev Kasym-Zhomart"]))
    assert [r.entity.entity_id for r in results] == ["kz-1"]
    assert not Hit.objects.exists()
    assert AuditEvent.objects.filter(event_type="screening.searched").count() == 1


def test_a_disabled_list_is_not_screened(group, sanctions):
    services.watchlist_set_enabled(actor=user_with_role("admin"), watchlist=sanctions, enabled=False)
    assert _screen(user_with_role("officer")).hits == []


@pytest.mark.parametrize("switch", ["set_enabled", "update"])
def test_enabling_a_list_again_rescreens_what_was_screened_against_it(group, sanctions, switch):
    admin = user_with_role("admin")
    services.watchlist_set_enabled(actor=admin, watchlist=sanctions, enabled=False)
    assert _screen(user_with_role("officer"), lists=None).hits == []  # every enabled list: none
    if switch == "set_enabled":
        services.watchlist_set_enabled(actor=admin, watchlist=sanctions, enabled=True)
    else:
        services.watchlist_update(actor=admin, watchlist=sanctions, is_enabled=True)
    hit = Hit.objects.get(subject__key="adhoc:1")  # the re-screen runs inline in tests
    assert hit.entity.entity_id == "kz-1" and hit.run.kind == ScreeningRun.Kind.RESCREEN
    # Switching an enabled list "on" again, or off, re-screens nothing.
    runs = ScreeningRun.objects.count()
    services.watchlist_set_enabled(actor=admin, watchlist=sanctions, enabled=True)
    services.watchlist_set_enabled(actor=admin, watchlist=sanctions, enabled=False)
    assert ScreeningRun.objects.count() == runs


def test_scope_of_screening_and_review(group, sanctions):
    in_a = user_with_role("officer", company=group.a)
    hit = _screen(in_a, company_id=group.a.pk).hits[0]
    with pytest.raises(PermissionDenied):
        _screen(in_a, key="adhoc:2")  # no company: group-wide only
    with pytest.raises(PermissionDenied):
        _screen(user_with_role("officer", company=group.b), company_id=group.a.pk)
    with pytest.raises(PermissionDenied):
        services.hit_decide(
            actor=user_with_role("officer", company=group.b), hit=hit, status="false_positive", comment="x"
        )
    with pytest.raises(PermissionDenied):
        services.hit_decide(actor=user_with_role("auditor"), hit=hit, status="false_positive", comment="x")


def test_only_group_wide_managers_change_lists_and_only_admins_enable_them(group, sanctions):
    with pytest.raises(PermissionDenied):
        services.watchlist_create(actor=user_with_role("officer", company=group.a), name="X", kind="internal")
    services.watchlist_create(actor=user_with_role("officer"), name="X", kind="internal")
    with pytest.raises(PermissionDenied):
        services.watchlist_set_enabled(actor=user_with_role("officer"), watchlist=sanctions, enabled=False)


def test_batch_screening_skips_bad_rows_and_counts_hits(group, sanctions):
    rows = [
        BatchRow(line=2, id="q1", name="Kassym-Jomart Tokayev"),
        BatchRow(line=3, id="q2", name="X"),
        BatchRow(line=4, id="q3", name="Alfa Plus LLP", schema="Organization"),
    ]
    run = services.screen_batch(actor=user_with_role("officer"), rows=rows, lists=[sanctions])
    assert (run.subject_count, run.hit_count, run.skipped) == (2, 2, 1)
    assert run.problems[0].startswith("Line 3")
    assert run.status == ScreeningRun.Status.DONE


def test_a_new_list_applies_to_subjects_screened_against_every_list(group, sanctions, tmp_path):
    officer = user_with_role("officer")
    _screen(officer, key="adhoc:all", names=["Karimov Aziz"])
    _screen(officer, key="adhoc:chosen", names=["Karimov Aziz"], lists=[sanctions])
    internal = WatchlistFactory(name="Internal", kind="internal")
    import_entities(internal, [ftm("i-1", "Каримов Азиз")], tmp_path)
    assert list(Hit.objects.values_list("subject__key", flat=True)) == ["adhoc:all"]
    assert internal in Subject.objects.get(key="adhoc:all").watchlists.all()


def test_a_surname_alone_is_found_in_search_but_raises_no_hit(group, sanctions):
    officer = user_with_role("officer")
    results = services.search(actor=officer, query=Query(names=["Tokayev"]))
    assert [r.entity.entity_id for r in results] == ["kz-1"]
    assert results[0].score < services.threshold_default()
    assert _screen(officer, names=["Tokayev"]).hits == []
