"""Conflicts of interest (declaration forms A and B) and gifts and hospitality."""
