"""Ingestion: find the dumps, tell their kind, read each into records."""
