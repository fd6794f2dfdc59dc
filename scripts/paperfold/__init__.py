"""Paperfold: turn pasted paper listings into a searchable static site."""
