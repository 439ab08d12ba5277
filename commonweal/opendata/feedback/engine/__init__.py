"""The feedback engine, pure (no Django): the report state machine, the response clocks
against a provider's targets in working days, and the provider league table.

Working days are England and Wales working days from the statutory calendar
(``commonweal.rights.calendar``), so bank holidays are never counted against a provider.
"""
