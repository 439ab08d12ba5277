#!/usr/bin/env python3
"""Django's command-line utility; operators use the `commonweal` command instead."""

import sys

from commonweal.cli import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
