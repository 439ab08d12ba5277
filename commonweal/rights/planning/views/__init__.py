"""Neighbourhood planning's pages."""
