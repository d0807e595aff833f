"""Counterparties: register, questionnaire, verification, contracts and approvals of those that refuse."""
