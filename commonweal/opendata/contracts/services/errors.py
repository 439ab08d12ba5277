class ContractError(Exception):
    """Details we cannot accept, with one plain reason per field; nothing was saved."""

    def __init__(self, errors: dict[str, str]):
        self.errors = errors
        first_field, first = next(iter(errors.items()))
        super().__init__(first)
        self.field = first_field
        self.reason = first
