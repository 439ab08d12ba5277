"""Directory importers: CSV lists of organisations and Open Referral UK feeds."""

from commonweal.directory.importers import (  # noqa: F401  (imported to register)
    openreferral,
    organisations_csv,
)
