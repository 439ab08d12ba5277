"""Directory importers: CSV lists of organisations and Open Referral UK feeds."""
