"""`python -m qrcashier` is the `qrcashier` command."""

import sys

from qrcashier.cli import main

sys.exit(main())
