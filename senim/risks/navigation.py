"""Risks' sidebar entries (the plan pages are registered with their URLs)."""
