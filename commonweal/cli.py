"""The `commonweal` command: one entry point for every operator task.

`commonweal import SOURCE FILE` runs the `import` management command; two-word
tasks such as `commonweal demo load` run the `demo_load` command, and a hyphen is an
underscore in the command's name (`commonweal directory fetch-schemas` runs
`directory_fetch_schemas`). Everything else is passed to Django's own command-line utility.
"""

import os
import sys


def _resolve(argv: list[str]) -> list[str]:
    from django.core.management import get_commands

    commands = get_commands()
    if len(argv) >= 2:
        name = f"{argv[0]}_{argv[1]}".replace("-", "_")
        if name in commands:
            return [name, *argv[2:]]
    return argv


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "commonweal.settings")
    argv = list(sys.argv[1:] if argv is None else argv)
    import django
    from django.core.management import execute_from_command_line

    from commonweal.env import ConfigurationError

    try:
        django.setup()
    except ConfigurationError as exc:
        print(f"Configuration problem: {exc}", file=sys.stderr)
        return 2
    execute_from_command_line(["commonweal", *_resolve(argv)])
    return 0


if __name__ == "__main__":
    sys.exit(main())
