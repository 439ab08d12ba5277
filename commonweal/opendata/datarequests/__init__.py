"""Right to data requests."""
