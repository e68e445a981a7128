"""The encrypted, content-addressed store of evidence files."""
