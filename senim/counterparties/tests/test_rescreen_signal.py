"""Re-verification without cron: screening's `hits_raised` signal (sent after a list import
re-screened its subjects) marks the approved verifications concerned, audited as the system."""

from decimal import Decimal

import pytest

from senim.accounts.tests.factories import user_with_role
from senim.core.access import SYSTEM
from senim.core.models import AuditEvent
from senim.counterparties import services
from senim.counterparties.tests.factories import CounterpartyFactory, OwnerFactory
from senim.counterparties.tests.test_verification import _finish_checks, _open
from senim.screening.signals import hits_raised
from senim.screening.tests.factories import WatchlistFactory, ftm, import_entities

pytestmark = pytest.mark.django_db


def _approved(group, counterparty):
    analyst = user_with_role("investigator")
    case = _open(analyst, group, counterparty)
    _finish_checks(analyst, case)
    services.case_conclude(actor=analyst, case=case, conclusion="permitted", text="Ок")
    services.case_approve(actor=user_with_role("officer"), case=case)
    return case


def test_a_list_import_that_raises_hits_marks_the_verification_at_once(
    group, tmp_path, django_capture_on_commit_callbacks
):
    cp = CounterpartyFactory(name_ru="ТОО «Нурлы Жол Транзит»", name_en="")
    other = CounterpartyFactory(name_ru="ТОО «Алтын Дала Агро»", name_en="")
    watchlist = WatchlistFactory(kind="debarment")
    import_entities(watchlist, [ftm("x-1", "ТОО «Совсем Другое»", schema="Company")], tmp_path)
    for counterparty in (cp, other):
        services.counterparty_screen(actor=SYSTEM, counterparty=counterparty)
    case, untouched = _approved(group, cp), _approved(group, other)
    received: list[list[str]] = []

    def listener(*, subject_keys, **kwargs):
        received.append(subject_keys)

    hits_raised.connect(listener, dispatch_uid="test.listener")
    try:
        with django_capture_on_commit_callbacks(execute=True):
            import_entities(watchlist, [ftm("x-2", "Nurly Zhol Tranzit LLP", schema="Company")], tmp_path)
    finally:
        hits_raised.disconnect(dispatch_uid="test.listener")
    assert received == [[services.counterparty_subject_key(cp)]]
    case.refresh_from_db()
    untouched.refresh_from_db()
    assert case.needs_reverification and "watchlist" in case.reverification_reason
    assert not untouched.needs_reverification
    event = AuditEvent.objects.get(event_type="counterparties.verification.reverification_needed")
    assert event.object_id == str(case.pk) and event.actor is None


def test_a_new_hit_on_an_owner_marks_the_owners_counterparty(group):
    cp = CounterpartyFactory()
    owner = OwnerFactory(counterparty=cp, share=Decimal("60"))
    case = _approved(group, cp)
    keys = ["speakup.reporter:1", "counterparties.party:not-a-uuid", services.party_subject_key(owner)]
    assert services.cases_recheck_subjects(subject_keys=keys) == 1
    case.refresh_from_db()
    assert case.needs_reverification
    assert services.cases_recheck_subjects(subject_keys=keys) == 0  # already marked: not twice


def test_the_receiver_is_connected_by_the_app():
    from senim.counterparties.receivers import on_hits_raised

    assert any(receiver() is on_hits_raised for _key, receiver, *_ in hits_raised.receivers if receiver() is not None)
