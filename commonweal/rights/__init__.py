"""Community rights: assets of community value, the right to challenge, neighbourhood planning."""
