"""Translated texts for what the engine reports in codes: input errors, notes, factor explanations."""

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

INPUT_ERRORS: dict[str, Promise] = {
    "encrypted": _("The file is encrypted or password-protected. Save an unprotected copy and upload that."),
    "no_text_layer": _(
        "The file has no text layer (it looks scanned). Run it through OCR outside Senim and upload the result."
    ),
    "corrupt": _("The file is damaged or is not what its extension says."),
    "unsupported_type": _("Senim reads DOCX, PDF with a text layer, ODT and plain text files."),
    "too_large": _("The file is too large."),
    "empty": _("The file contains no text."),
}

NOTES: dict[str, Promise] = {
    "unsupported_language": _(
        "The draft's language is not one Senim examines (Russian, Kazakh, English, Uzbek): "
        "only the document-level checks were made."
    ),
    "truncated": _("The draft is very long: only its first part was examined."),
}

DOCUMENT_FINDINGS: dict[str, Promise] = {
    "missing_clause": _("The contract has no anti-corruption clause."),
    "weakened_clause": _("The anti-corruption clause is excluded or weakened."),
    "contradiction": _("These provisions contradict each other."),
}

FACTOR_NAMES: dict[str, Promise] = {
    "DISCRETION": _("Wide discretion"),
    "NO_DEADLINE": _("Missing or indefinite deadline"),
    "MAY_FORMULA": _("Competence by “may”"),
    "SELECTIVE_EXCEPTION": _("Selective exceptions"),
    "BLANKET_DELEGATION": _("Blanket or referral norms"),
    "ULTRA_VIRES": _("Beyond competence / overrides a higher act"),
    "NO_PROCEDURE": _("Absent or incomplete procedure"),
    "NO_COMPETITION": _("Waiver of competitive procedures"),
    "NORM_CONFLICT": _("Conflicting norms"),
    "EXCESSIVE_REQUIREMENTS": _("Excessive requirements"),
    "APPLICANT_ABUSE": _("Abuse of the applicant's right"),
    "VAGUE_TERMS": _("Legal-linguistic uncertainty"),
    "NO_OVERSIGHT": _("No control / concentration of authority"),
    "COI_GAP": _("Conflict-of-interest gap"),
    "BENEFITS": _("Gifts, hospitality, facilitation payments or donations against policy"),
    "ADVANCE_UNSECURED": _("Unsecured advance"),
    "UNILATERAL_PRICE_CHANGE": _("Unilateral change of price or volume"),
    "NO_AC_CLAUSE": _("Missing or weakened anti-corruption clause"),
    "AGENT_FEE": _("Agent or success fee"),
    "THIRD_PARTY_PAYMENT": _("Payment to third parties or offshore"),
    "VAGUE_ACCEPTANCE": _("Vague acceptance criteria"),
    "HIDDEN_BENEFICIARY": _("Confidentiality hiding the beneficiary"),
    "CASH_PAYMENT": _("Cash payments"),
    "PENALTY_WAIVER": _("Discretionary waiver of penalties"),
}

FACTOR_WHY: dict[str, Promise] = {
    "DISCRETION": _("A decision-maker may decide, refuse or choose with no criteria or reasons required."),
    "NO_DEADLINE": _("With no fixed time limit a decision or payment can be delayed until someone is persuaded."),
    "MAY_FORMULA": _("A control step made optional can be applied selectively."),
    "SELECTIVE_EXCEPTION": _(
        "Exemptions granted at someone's will or in undefined exceptional cases favour chosen persons."
    ),
    "BLANKET_DELEGATION": _("The person who applies the rule may also write it later, to suit a case."),
    "ULTRA_VIRES": _("Power reserved to the board or a higher act is taken by a lower body or person."),
    "NO_PROCEDURE": _("An adverse decision without grounds, steps, notice or appeal cannot be checked."),
    "NO_COMPETITION": _("Awarding without competition on open grounds lets a chosen supplier win."),
    "NORM_CONFLICT": _("When rules contradict, whoever picks the applicable one decides the outcome."),
    "EXCESSIVE_REQUIREMENTS": _("Open-ended or burdensome requirements let a person be rejected or pressed at will."),
    "APPLICANT_ABUSE": _(
        "An applicant refused or suspended without reasons or appeal depends on the official's goodwill."
    ),
    "VAGUE_TERMS": _("An undefined evaluative term lets the reader decide the outcome."),
    "NO_OVERSIGHT": _("One person deciding and executing without review can act unchecked."),
    "COI_GAP": _("An interested person taking part in the decision can favour their own interest."),
    "BENEFITS": _("A benefit the anti-corruption policy forbids or limits can be a bribe."),
    "ADVANCE_UNSECURED": _("A large prepayment without security can be withdrawn and never earned."),
    "UNILATERAL_PRICE_CHANGE": _("A price or volume changed by one side without a cap hides overpayment."),
    "NO_AC_CLAUSE": _("Without a binding anti-corruption clause the company has no remedy against a bribing party."),
    "AGENT_FEE": _("A fee for obtaining decisions of officials can fund a bribe."),
    "THIRD_PARTY_PAYMENT": _(
        "Money sent to an account other than the counterparty's own can reach a hidden beneficiary."
    ),
    "VAGUE_ACCEPTANCE": _(
        "Acceptance at one person's satisfaction lets poor work be paid or good work be held hostage."
    ),
    "HIDDEN_BENEFICIARY": _("Withholding owners or subcontractors hides conflicts of interest and sanctioned parties."),
    "CASH_PAYMENT": _("Cash leaves no trail and can pay a bribe."),
    "PENALTY_WAIVER": _("Waiving penalties at an official's will can be sold."),
}

FACTOR_BOUND: dict[str, Promise] = {
    "DISCRETION": _("List the grounds or criteria for the decision and require written reasons."),
    "NO_DEADLINE": _("Set a fixed time limit in days counted from a defined event."),
    "MAY_FORMULA": _("Make the control step a duty (“shall check”) with its occasion and deadline."),
    "SELECTIVE_EXCEPTION": _("List the exceptional cases exhaustively and require approval of each exception."),
    "BLANKET_DELEGATION": _("State the rule in the document itself or refer to a named act approved by a higher body."),
    "ULTRA_VIRES": _("Keep the decision with the body the charter, policy or delegation of authority names."),
    "NO_PROCEDURE": _("Describe grounds, steps, time limits, notification and an appeal to another person."),
    "NO_COMPETITION": _("Use competitive procurement; allow a single source only on listed grounds with approval."),
    "NORM_CONFLICT": _("Remove the contradiction or state which rule prevails."),
    "EXCESSIVE_REQUIREMENTS": _("Give a closed list of documents and requirements proportionate to the purpose."),
    "APPLICANT_ABUSE": _("Require reasons in writing, a time limit and an appeal to an independent person."),
    "VAGUE_TERMS": _("Define the term or replace it with measurable criteria."),
    "NO_OVERSIGHT": _("Add a second signature or an independent review."),
    "COI_GAP": _("Require disclosure and recusal of interested persons."),
    "BENEFITS": _("Remove the benefit or subject it to the gifts policy's limits and declaration."),
    "ADVANCE_UNSECURED": _("Cap the advance and secure it with a bank guarantee."),
    "UNILATERAL_PRICE_CHANGE": _("Allow changes only by a signed amendment, within a cap or by a formula."),
    "NO_AC_CLAUSE": _("Include the group's standard anti-corruption clause, binding and covering intermediaries."),
    "AGENT_FEE": _("Pay for documented services at a fixed rate, not for an official's decision."),
    "THIRD_PARTY_PAYMENT": _(
        "Pay only to the counterparty's own account named in the contract; change it by amendment."
    ),
    "VAGUE_ACCEPTANCE": _("Set measurable acceptance criteria and a signed acceptance certificate."),
    "HIDDEN_BENEFICIARY": _("Require disclosure of beneficial owners and subcontractors to the compliance function."),
    "CASH_PAYMENT": _("Settle by bank transfer only."),
    "PENALTY_WAIVER": _("Release from penalties only for force majeure or by an approved settlement."),
}


def input_error_message(code: str) -> Promise:
    return INPUT_ERRORS.get(code, INPUT_ERRORS["corrupt"])


def note_message(code: str) -> Promise:
    return NOTES[code]
