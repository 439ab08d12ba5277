class ChallengeError(Exception):
    """A request the right to challenge refuses, with the reason in plain words; nothing
    was saved. `field` names the input the reason is about."""

    def __init__(self, reason: str, field: str = ""):
        super().__init__(reason)
        self.reason = reason
        self.field = field


class ChallengeInvalid(ChallengeError):
    """Several inputs that cannot be accepted: one reason per field (for example, every
    missing item of an expression of interest's required contents)."""

    def __init__(self, errors: dict[str, str], summary: str = ""):
        self.errors = errors
        first_field, first = next(iter(errors.items()))
        super().__init__(summary or first, first_field)
