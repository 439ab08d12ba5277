"""Feedback to service providers."""
