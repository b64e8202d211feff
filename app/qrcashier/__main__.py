"""`python -m qrcashier` is the `qrcashier` command."""

import sys

from .cli import main

sys.exit(main())
