"""Risks' dashboard tiles (registered with the plan pages)."""
