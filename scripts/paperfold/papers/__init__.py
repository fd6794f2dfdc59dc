"""Papers: recognise the same paper across records, merge, apply curation files."""
