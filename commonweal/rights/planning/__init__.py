"""Neighbourhood planning."""
