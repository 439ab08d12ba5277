"""Community asset transfer."""
