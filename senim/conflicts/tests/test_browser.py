"""The main journeys in a real browser (Chromium through Playwright, against the live server): an
employee submits form A in Uzbek; a reviewer assesses a declaration and settles the conflict; an
undisclosed link is detected and reviewed.

Needs /usr/bin/chromium; skipped without it unless SENIM_REQUIRE_BROWSER=1 (as CI sets).
"""

import pytest

from senim.accounts.tests.factories import user_with_role
from senim.conflicts.models import Alert, Declaration
from senim.conflicts.tests.factories import relative, submit
from senim.org.tests.factories import EmployeeFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_employee_submits_form_a_in_uzbek(browser_page, browser_log_in, live_server, group):
    from playwright.sync_api import expect

    page = browser_page
    user = user_with_role("employee", employee=group.in_b, language="uz")
    browser_log_in(page, user)
    with page.expect_navigation():
        page.click("nav.sidebar a[href='/conflicts/my/']")
    expect(page.locator("h1")).to_contain_text("Mening deklaratsiyalarim")
    with page.expect_navigation():
        page.click("text=A shaklini topshirish")
    expect(page.locator("#section-relatives")).to_contain_text("Qarindoshlaringiz")
    page.fill("input[name=relatives-0-person_name]", "Karimova Dilnoza Azizovna")
    page.select_option("select[name=relatives-0-relation]", "sibling")
    page.fill("input[name=relatives-0-workplace]", "Beta Gold, B1")
    page.check("input[name=truthful]")
    with page.expect_navigation():
        page.click("text=Deklaratsiyani topshirish")
    expect(page.locator(".alert-success")).to_contain_text("Deklaratsiyangiz topshirildi.")
    declaration = Declaration.objects.get(employee=group.in_b)
    assert declaration.form_type == "a" and declaration.items.get().person_name == "Karimova Dilnoza Azizovna"


def test_a_reviewer_settles_a_conflict(browser_page, browser_log_in, live_server, group):
    from playwright.sync_api import expect

    page = browser_page
    declaration = submit(group.in_leaf, items=[relative("Иванова Анна Петровна", "child")])
    officer = user_with_role("officer", first_name="Aigerim", last_name="Officer")
    browser_log_in(page, officer)
    with page.expect_navigation():
        page.click("nav.sidebar a[href='/conflicts/declarations/']")
    with page.expect_navigation():
        page.click(f"a[href='/conflicts/declarations/{declaration.pk}/']")
    # The review is the shared approval box: a comment, then the outcome as the decision.
    page.fill("form[data-approval-form] textarea[name=comment]", "The daughter reports to him.")
    with page.expect_navigation():
        page.click("form[data-approval-form] button[name=decision][value=actual]")
    expect(page.locator(".alert-success")).to_be_visible()
    with page.expect_navigation():
        page.click("text=Add a measure")
    page.select_option("select[name=kind]", "reporting_line")
    page.fill("textarea[name=description]", "Move the daughter to another department.")
    page.select_option("select[name=owner]", str(officer.pk))
    page.fill("input[name=deadline]", "2099-01-31")
    with page.expect_navigation():
        page.click("main button[type=submit]")
    page.fill("#measures textarea[name=note]", "Order 15 of 1 March.")
    with page.expect_navigation():
        page.click("text=Mark as done")
    expect(page.locator("#outcome")).to_contain_text("Settled")
    declaration.refresh_from_db()
    assert declaration.status == Declaration.Status.SETTLED


def test_an_undisclosed_link_is_detected_and_reviewed(browser_page, browser_log_in, live_server, group):
    from playwright.sync_api import expect

    page = browser_page
    daughter = EmployeeFactory(company=group.a, unit=group.leaf, surname="Касымова", given_name="Айгерим")
    submit(group.in_branch, items=[relative(daughter.full_name, "child", person_identifier=daughter.iin)])
    officer = user_with_role("officer")
    browser_log_in(page, officer)
    with page.expect_navigation():
        page.click("nav.sidebar a[href='/conflicts/alerts/']")
    with page.expect_navigation():
        page.click("text=Detection runs")
    with page.expect_navigation():
        page.click("text=Run the detection now")
    expect(page.locator("#run-status")).to_contain_text("Done")
    with page.expect_navigation():
        page.click("nav.sidebar a[href='/conflicts/alerts/']")
    row = page.locator("tr", has_text="Relative working in the group not declared")
    with page.expect_navigation():
        row.locator("a").first.click()
    expect(page.locator("main")).to_contain_text("same IIN, PINFL, BIN or STIR")
    page.check("input[name=status][value=confirmed]")
    page.fill("textarea[name=comment]", "She confirmed; a form A is requested.")
    with page.expect_navigation():
        page.click("text=Record the decision")
    expect(page.locator(".alert-success")).to_contain_text("The decision was recorded.")
    alert = Alert.objects.get(kind="undeclared_relative")
    assert alert.employee == daughter and alert.status == Alert.Status.CONFIRMED
