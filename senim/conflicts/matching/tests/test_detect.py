"""The cross-match finds planted links across scripts and identifiers and stays quiet otherwise."""

from senim.conflicts.matching import (
    ContractApproval,
    DeclaredCompany,
    EmployeeRecord,
    FindingKind,
    PartyRecord,
    RelativeRecord,
    approval_links,
    cross_match,
    same_reporting_line,
)

IIN_A, IIN_B, IIN_C = "900101300123", "850505400456", "780303300789"


def _employee(key, names, identifier="", path="", relatives=(), companies=()):  # type: ignore[no-untyped-def]
    return EmployeeRecord(
        key=key, names=tuple(names), identifier=identifier, unit_path=path, relatives=relatives, companies=companies
    )


def _party(cp, role, name, identifier="", is_person=True, cp_name="ТОО «Жолдас Строй»", cp_id="120540001234"):  # type: ignore[no-untyped-def]
    return PartyRecord(cp, cp_name, role, name, identifier, is_person, counterparty_identifier=cp_id)


PARTIES = [
    _party("cp1", "counterparty", "ТОО «Жолдас Строй»", "120540001234", is_person=False),
    _party("cp1", "owner", "Сейткали Марат Болатович", IIN_A),
    _party("cp1", "manager", "Ахметова Динара Сериковна"),
    _party(
        "cp2", "counterparty", "ООО «Zarafshon Trans»", "", is_person=False, cp_name="ООО «Zarafshon Trans»", cp_id=""
    ),
    _party("cp2", "owner", "Rahimov Jasur Alisher o'g'li", cp_name="ООО «Zarafshon Trans»", cp_id=""),
]


def _kinds(findings):  # type: ignore[no-untyped-def]
    return sorted((f.kind, f.employee_key, f.disclosed) for f in findings)


def test_an_employee_who_owns_a_counterparty_is_found_by_iin_across_scripts():
    staff = [_employee("e1", ["Seitkali Marat Bolatovich"], IIN_A)]
    findings = list(cross_match(staff, PARTIES))
    assert _kinds(findings) == [(FindingKind.EMPLOYEE_COUNTERPARTY, "e1", False)]
    assert findings[0].evidence["how"] == "identifier"
    assert findings[0].counterparty_key == "cp1"


def test_a_declared_interest_makes_the_link_disclosed():
    staff = [_employee("e1", ["Сейткали Марат Болатович"], IIN_A, companies=(DeclaredCompany("Zholdas Stroy", ""),))]
    kinds = _kinds(cross_match(staff, PARTIES))
    assert (FindingKind.EMPLOYEE_COUNTERPARTY, "e1", True) in kinds
    assert (FindingKind.COMPANY_COUNTERPARTY, "e1", True) in kinds


def test_a_relative_managing_a_counterparty_is_found_by_name():
    relative = RelativeRecord("r1", "Akhmetova Dinara Serikovna", "", "sibling")
    staff = [_employee("e1", ["Ахметов Ерлан Серикович"], IIN_B, relatives=(relative,))]
    findings = list(cross_match(staff, PARTIES))
    assert _kinds(findings) == [(FindingKind.RELATIVE_COUNTERPARTY, "e1", False)]
    assert findings[0].evidence["how"] == "name"


def test_a_homonym_with_another_iin_is_not_a_link():
    staff = [_employee("e1", ["Сейткали Марат Болатович"], IIN_C)]
    assert list(cross_match(staff, PARTIES)) == []


def test_relatives_in_one_reporting_line_and_an_undeclared_relative():
    boss = _employee(
        "boss",
        ["Оспанов Бауыржан Каиратович"],
        IIN_B,
        "u1/",
        (RelativeRecord("r", "Оспанова Айгерим Бауыржановна", IIN_C, "child"),),
    )
    daughter = _employee(
        "daughter", ["Оспанова Айгерим Бауыржановна", "Ospanova Aigerim Bauyrzhanovna"], IIN_C, "u1/u2/"
    )
    kinds = _kinds(cross_match([boss, daughter], []))
    assert kinds == [
        (FindingKind.RELATIVE_REPORTING_LINE, "boss", True),
        (FindingKind.UNDECLARED_RELATIVE, "daughter", False),
    ]


def test_clean_data_gives_no_findings():
    staff = [
        _employee(
            "e1",
            ["Нурланов Канат Ержанович"],
            "880808300111",
            "u1/",
            (RelativeRecord("r", "Нурланова Сауле Ахметовна", "", "spouse"),),
        ),
        _employee(
            "e2", ["Petrov Ivan Sergeevich"], "770707300222", "u2/", companies=(DeclaredCompany("ТОО «Алтын Бидай»"),)
        ),
        _employee("e3", ["Karimov Aziz Bahodir o'g'li"], "31234567890123", "u3/"),
    ]
    assert list(cross_match(staff, PARTIES)) == []


def test_progress_reaches_the_total():
    calls = []
    staff = [_employee("e1", ["Нурланов Канат Ержанович"], relatives=(RelativeRecord("r", "Нурланова Сауле"),))]
    list(cross_match(staff, PARTIES, progress=lambda done, total: calls.append((done, total))))
    assert calls[-1] == (2, 2)


def test_reporting_line():
    assert same_reporting_line("a/", "a/b/") and same_reporting_line("a/b/", "a/")
    assert not same_reporting_line("a/b/", "a/c/") and not same_reporting_line("", "a/")


def _approval(approver, cp="cp1", contract="c1"):  # type: ignore[no-untyped-def]
    return ContractApproval(contract, "Д-17/2025", "2025-03-14", approver, cp)


def test_a_contract_approved_with_a_declared_relatives_company_is_a_link():
    relative = RelativeRecord("r1", "Akhmetova Dinara Serikovna", "", "sibling")
    staff = [_employee("e1", ["Ахметов Ерлан Серикович"], IIN_B, relatives=(relative,))]
    findings = list(cross_match(staff, PARTIES))
    approved = list(approval_links(findings, [_approval("e1"), _approval("e1", cp="cp2", contract="c2")]))
    assert _kinds(approved) == [(FindingKind.APPROVED_CONTRACT, "e1", False)]
    assert approved[0].evidence["contract"] == {"id": "c1", "number": "Д-17/2025", "date": "2025-03-14"}
    assert approved[0].evidence["approval"] == "relative"
    assert approved[0].evidence["how"] == "name"
    assert approved[0].counterparty_key == "cp1"


def test_an_approver_who_owns_the_counterparty_and_declared_it_is_disclosed():
    staff = [_employee("e1", ["Сейткали Марат Болатович"], IIN_A, companies=(DeclaredCompany("Zholdas Stroy", ""),))]
    approved = list(approval_links(list(cross_match(staff, PARTIES)), [_approval("e1")]))
    assert _kinds(approved) == [(FindingKind.APPROVED_CONTRACT, "e1", True)]
    assert approved[0].evidence["approval"] == "approver"


def test_a_relative_found_by_the_detection_who_owns_the_counterparty():
    # The owner works in the group and declared the approver as a relative; the approver did not.
    owner = _employee(
        "owner", ["Сейткали Марат Болатович"], IIN_A, "u1/", (RelativeRecord("r", "Сейткали Ержан Маратович", IIN_C),)
    )
    approver = _employee("approver", ["Seitkali Yerzhan Maratovich"], IIN_C, "u9/")
    findings = list(cross_match([owner, approver], PARTIES))
    approved = list(approval_links(findings, [_approval("approver")]))
    assert _kinds(approved) == [(FindingKind.APPROVED_CONTRACT, "approver", False)]
    assert approved[0].evidence["found_relative"] is not None


def test_approvals_without_links_give_nothing():
    staff = [_employee("e1", ["Нурланов Канат Ержанович"], "880808300111")]
    assert list(approval_links(list(cross_match(staff, PARTIES)), [_approval("e1")])) == []
