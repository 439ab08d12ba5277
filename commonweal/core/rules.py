"""Permissions for core pages (django-rules; anything not listed here is refused)."""

import rules

from commonweal.accounts.roles import is_administrator, is_officer

rules.add_perm("core.view_audit", is_officer | is_administrator)
