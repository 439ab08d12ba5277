class RightsError(Exception):
    """A request the rights casework refuses, with the reason in plain words; nothing saved."""

    def __init__(self, reason: str, field: str = ""):
        super().__init__(reason)
        self.reason = reason
        self.field = field


class NominationRefused(RightsError):
    """A nomination that cannot be accepted: every problem, one per field (ACV-06: an
    incomplete nomination is refused with the missing items listed)."""

    def __init__(self, errors: dict[str, str]):
        self.errors = errors
        first_field, first = next(iter(errors.items()))
        super().__init__(first, first_field)
