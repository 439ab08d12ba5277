"""Community right to challenge."""
