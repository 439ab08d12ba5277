"""Pages for accounts: signing up and in, your data, people and roles, API tokens."""
