"""Participatory budgeting. `counting/` is the pure vote-counting engine (no Django)."""
