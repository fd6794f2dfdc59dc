"""Enrichment: topics from the vocabulary, related papers."""
