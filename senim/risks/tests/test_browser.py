"""The main journeys in a real browser (Chromium through Playwright, against the live server): an
officer imports the Kazakh ESG roadmap from Word, sets the one deadline nobody could parse by hand
in the preview, saves, and reports a period done; a unit head assesses a function, compliance accepts
it through the shared approval box and the head approves the exercise.

Needs /usr/bin/chromium; skipped without it unless SENIM_REQUIRE_BROWSER=1 (as CI sets).
"""

import pytest

from senim.accounts.tests.factories import user_with_role
from senim.org.models import Position
from senim.risks import selectors, services
from senim.risks.models import DeadlineKind, Exercise, Plan, RiskFunction
from senim.risks.samples import UNPARSEABLE
from senim.risks.tests.factories import roadmap_docx

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_roadmap_is_imported_with_an_unparseable_deadline_fixed_by_hand(
    browser_page, browser_log_in, live_server, group, tmp_path
):
    from playwright.sync_api import expect

    page = browser_page
    officer = user_with_role("officer", company=group.a, language="kk")
    path = roadmap_docx(tmp_path)
    browser_log_in(page, officer)
    with page.expect_navigation():
        page.click("nav.sidebar a[href='/risks/plans/']")
    expect(page.locator("h1")).to_contain_text("Жоспарлар мен жол карталары")
    with page.expect_navigation():
        page.click("a[href='/risks/plans/import/']")
    page.set_input_files("input[name=file]", str(path))
    with page.expect_navigation():
        page.click("main button[type=submit]")
    expect(page.locator("h1")).to_contain_text("Танылғанды тексеріңіз")
    # The row with the input (its warning is a row of its own that also quotes the deadline).
    row = page.locator("#preview tr", has=page.locator("input[type=text]"))
    expect(row).to_contain_text(UNPARSEABLE)
    expect(row).to_contain_text("Белгіленбеген")
    row.locator("input[type=text]").fill("2027 жылғы 1 шілдеге дейін")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    expect(page.locator(".alert-success")).to_contain_text("Жоспар импортталды.")
    plan = Plan.objects.get()
    assert plan.measures.count() == 11
    fixed = plan.measures.get(number="11")
    assert fixed.deadline_kind == DeadlineKind.DUE and str(fixed.due_date) == "2027-07-01"
    with page.expect_navigation():
        page.click("text=Кесте-график")
    expect(page.locator("svg.timeline")).to_be_visible()
    page.goto(f"{live_server.url}/risks/measures/{fixed.pk}/")
    page.fill("input[name=note]", "Бұйрық шықты")
    page.select_option("select[name=status]", "done")
    page.fill("input[name=completed_on]", "2026-06-30")
    with page.expect_navigation():
        page.click("form.inline-form button[type=submit]")
    expect(page.locator(".alert-success")).to_contain_text("Орындалу барысы жазылды.")
    fixed.refresh_from_db()
    assert fixed.status == "done"


def test_a_unit_head_assesses_compliance_accepts_and_the_head_approves_the_exercise(
    browser_page, browser_context, browser_log_in, live_server, group
):
    from playwright.sync_api import expect

    officer = user_with_role("officer", company=group.a, language="en")
    unit_head = user_with_role("approver", unit=group.branch, language="en")
    head = user_with_role("approver", company=group.a, language="en")
    exercise = services.exercise_create(actor=officer, company=group.a, year=2025)
    function = services.function_add(actor=officer, exercise=exercise, unit=group.branch, name="Закупки")
    position = Position.objects.get(code="BR-HEAD")

    # The unit head opens the function of their unit (the exercise's pages are the company's) and
    # assesses it with the three-level method.
    page = browser_page
    browser_log_in(page, unit_head)
    page.goto(f"{live_server.url}/risks/functions/{function.pk}/")
    expect(page.locator("main")).to_contain_text("Not assessed")
    page.select_option("select[name=level]", "high")
    page.fill("textarea[name=risk]", "Откат поставщика")
    page.select_option("select[name=positions]", str(position.pk))
    with page.expect_navigation():
        page.click("main form button:has-text('Send to compliance')")
    expect(page.locator(".alert-success")).to_contain_text("The assessment was sent to compliance.")
    expect(page.locator("main")).to_contain_text("Assessed, to review")
    expect(page.locator("[data-approval-next]")).to_contain_text("review of the assessment by compliance")
    expect(page.locator("form[data-approval-form]")).to_have_count(0)  # not the unit head's decision

    # Compliance reviews it through the shared approval box and accepts it.
    compliance = browser_context().new_page()
    browser_log_in(compliance, officer)
    compliance.goto(f"{live_server.url}/risks/functions/{function.pk}/")
    box = compliance.locator("form[data-approval-form]")
    expect(box.locator("button[name=decision]")).to_have_count(2)  # approve, return; no refuse
    box.locator("textarea[name=comment]").fill("Согласовано")
    with compliance.expect_navigation():
        box.locator("button[name=decision][value=approve]").click()
    expect(compliance.locator(".alert-success")).to_contain_text("Approved.")
    expect(compliance.locator("#functions")).to_contain_text("Accepted")

    # The head approves the exercise with the decision's number and date.
    approver = browser_context().new_page()
    browser_log_in(approver, head)
    approver.goto(f"{live_server.url}/risks/assessments/{exercise.pk}/")
    box = approver.locator("form[data-approval-form]")
    box.locator("input[name=decision_number]").fill("7-ОД")
    box.locator("input[name=approved_on]").fill("2025-12-20")
    with approver.expect_navigation():
        box.locator("button[name=decision][value=approve]").click()
    expect(approver.locator(".alert-success")).to_contain_text("Approved.")
    expect(approver.locator("main")).to_contain_text("№ 7-ОД")
    expect(approver.locator("[data-approval-history]")).to_contain_text("Approve")

    function = selectors.function_get(actor=officer, function_id=function.pk)
    assert function.status == RiskFunction.Status.ACCEPTED and function.level == "high"
    assert list(function.positions.all()) == [position]
    exercise = selectors.exercise_get(actor=head, exercise_id=exercise.pk)
    assert exercise.status == Exercise.Status.APPROVED
    assert exercise.decision_number == "7-ОД" and str(exercise.approved_on) == "2025-12-20"
    assert page.problems == []
