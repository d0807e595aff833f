"""Speak Up: reports and questions from staff, counterparties and outsiders, and the cases they open."""
