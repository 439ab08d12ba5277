class DirectoryError(Exception):
    """A request the directory refuses, with the reason in plain words; nothing was saved."""

    def __init__(self, reason: str, field: str = ""):
        super().__init__(reason)
        self.reason = reason
        self.field = field


class DirectoryInvalid(DirectoryError):
    """Submitted details that cannot be accepted: one reason per field."""

    def __init__(self, errors: dict[str, str]):
        self.errors = errors
        first_field, first = next(iter(errors.items()))
        super().__init__(first, first_field)
