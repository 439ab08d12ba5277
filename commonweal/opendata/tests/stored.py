"""The stored street crimes, read back from the monthly files for the tests' assertions."""

from commonweal.opendata import crime_store


def crimes(**where) -> list[dict]:
    """Every stored crime (with its month and key) whose fields equal those given."""
    return [
        row
        for row in crime_store.stored_rows()
        if all(row[name] == value for name, value in where.items())
    ]


def crime(**where) -> dict:
    (found,) = crimes(**where)
    return found


def count(**where) -> int:
    return len(crimes(**where))
