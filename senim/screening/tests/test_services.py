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


def test_a_rescreen_sends_hits_raised_after_commit_with_the_subjects_that_got_new_hits(
    group, sanctions, tmp_path, django_capture_on_commit_callbacks
):
    from senim.screening.signals import hits_raised

    officer = user_with_role("officer")
    _screen(officer, key="adhoc:karimov", names=["Karimov Aziz"])
    _screen(officer, key="adhoc:tokayev")  # already has its hit: refreshed, not new
    received: list[list[str]] = []

    def listener(*, subject_keys, run_id, **kwargs):
        received.append(subject_keys)
        raise RuntimeError("a failing receiver does not stop the re-screening")

    hits_raised.connect(listener, dispatch_uid="test.screening.listener")
    try:
        with django_capture_on_commit_callbacks(execute=True):
            import_entities(sanctions, [TOKAYEV, ftm("uz-9", "Каримов Азиз")], tmp_path)
            assert received == []  # only once the transaction commits
        with django_capture_on_commit_callbacks(execute=True):
            import_entities(sanctions, [TOKAYEV, ftm("uz-9", "Каримов Азиз")], tmp_path)  # nothing new
    finally:
        hits_raised.disconnect(dispatch_uid="test.screening.listener")
    assert received == [["adhoc:karimov"]]


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


# ---------------------------------------------------------------------------- entries removed from a list

ALPHA = ftm("co-1", "ТОО «Альфа Плюс»", schema="Company")


def test_undecided_hits_whose_entry_left_the_list_are_closed_by_the_system(group, sanctions, tmp_path):
    from senim.screening import selectors

    officer = user_with_role("officer")
    open_hit = _screen(officer, key="adhoc:open").hits[0]
    waiting = _screen(officer, key="adhoc:waiting").hits[0]
    services.hit_decide(actor=officer, hit=waiting, status=HitStatus.NEEDS_INFO, comment="Ask for the passport.")
    confirmed = _screen(officer, key="adhoc:confirmed").hits[0]
    services.hit_decide(actor=officer, hit=confirmed, status=HitStatus.TRUE_MATCH, comment="Same person.")
    cleared = _screen(officer, key="adhoc:cleared").hits[0]
    services.hit_decide(actor=officer, hit=cleared, status=HitStatus.FALSE_POSITIVE, comment="Another person.")
    company = services.screen(
        actor=officer, subject_key="adhoc:alpha", schema="Organization", names=["Альфа Плюс"]
    ).hits[0]
    assert selectors.open_hit_count(actor=officer) == 3

    version = import_entities(sanctions, [ALPHA], tmp_path)  # kz-1 is gone

    for hit in (open_hit, waiting):
        hit.refresh_from_db()
        assert hit.status == HitStatus.REMOVED and hit.is_removed and not hit.is_decided
        assert hit.closed_by_version_id == version.pk and hit.decided_at is not None and hit.decided_by_id is None
    for hit, status in ((confirmed, HitStatus.TRUE_MATCH), (cleared, HitStatus.FALSE_POSITIVE)):
        hit.refresh_from_db()
        assert hit.status == status and hit.decided_by_id == officer.pk and hit.closed_by_version_id is None
    company.refresh_from_db()
    assert company.status == HitStatus.OPEN  # its entry is still on the list
    events = AuditEvent.objects.filter(event_type="screening.hit.closed").order_by("seq")
    assert {e.object_id for e in events} == {str(open_hit.pk), str(waiting.pk)}
    assert all(e.actor_id is None and e.actor_label == "system" for e in events)
    assert sorted(e.changes["status"][0] for e in events) == ["needs_info", "open"]
    assert all(e.changes["status"][1] == "removed" and e.changes["closed_by_version"] == [None, 2] for e in events)
    imported = AuditEvent.objects.filter(event_type="screening.version.imported").order_by("-seq").first()
    assert imported.changes["hits_closed"] == [None, 2]
    assert selectors.open_hit_count(actor=officer) == 1


def test_a_failed_reimport_closes_no_hit(group, sanctions, tmp_path, monkeypatch):
    officer = user_with_role("officer")
    hit = _screen(officer).hits[0]
    import_entities(sanctions, [ALPHA, "[1, 2]"], tmp_path)  # a malformed line: nothing imported
    hit.refresh_from_db()
    assert hit.status == HitStatus.OPEN

    def broken(**kwargs):  # type: ignore[no-untyped-def]
        if kwargs["event_type"] == "screening.version.imported":
            raise RuntimeError("disk full")

    # A failure after the switch, inside its transaction: the closures roll back with it.
    monkeypatch.setattr("senim.screening.services.lists.audit_record", broken)
    failed = import_entities(sanctions, [ALPHA], tmp_path)
    assert failed.status == "failed"
    hit.refresh_from_db()
    sanctions.refresh_from_db()
    assert hit.status == HitStatus.OPEN and sanctions.current_version.number == 1
    assert not AuditEvent.objects.filter(event_type="screening.hit.closed").exists()


def test_a_hit_is_raised_again_when_the_removed_entry_returns(group, sanctions, tmp_path):
    officer = user_with_role("officer")
    hit = _screen(officer).hits[0]
    import_entities(sanctions, [ALPHA], tmp_path)
    hit.refresh_from_db()
    assert hit.status == HitStatus.REMOVED
    assert _screen(officer).hits == []  # not on the list: nothing raised

    import_entities(sanctions, [TOKAYEV, ALPHA], tmp_path)  # back; the re-screen runs inline
    again = Hit.objects.exclude(pk=hit.pk).get(subject=hit.subject)
    assert again.status == HitStatus.OPEN and again.previous_id == hit.pk
    assert again.run.kind == ScreeningRun.Kind.RESCREEN
    assert [h.pk for h in _screen(officer).hits] == [again.pk]  # refreshed, not duplicated
    hit.refresh_from_db()
    assert hit.status == HitStatus.REMOVED


def test_removed_hits_are_no_true_matches_in_the_indicators(group, sanctions, tmp_path):
    from django.utils import timezone

    from senim.screening import indicators

    officer = user_with_role("officer")
    _screen(officer)
    import_entities(sanctions, [ALPHA], tmp_path)
    year = timezone.now().year
    assert indicators.true_matches(year, None) == 0
    assert indicators.hits(year, None) == 1  # it was raised; it stays counted as raised


def test_a_closed_hit_may_be_decided_but_not_put_back_to_waiting(group, sanctions, tmp_path):
    officer = user_with_role("officer")
    hit = _screen(officer).hits[0]
    import_entities(sanctions, [ALPHA], tmp_path)
    hit.refresh_from_db()
    with pytest.raises(ValidationError) as error:
        services.hit_decide(actor=officer, hit=hit, status=HitStatus.NEEDS_INFO, comment="Ask again.")
    assert "status" in error.value.message_dict
    hit.refresh_from_db()
    assert hit.status == HitStatus.REMOVED
    services.hit_decide(actor=officer, hit=hit, status=HitStatus.TRUE_MATCH, comment="It was him while listed.")
    hit.refresh_from_db()
    assert hit.status == HitStatus.TRUE_MATCH and hit.closed_by_version_id is not None
