"""Open Contracting Data Standard 1.1: building, validating, compiling and reading releases."""
