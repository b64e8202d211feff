"""Entry script of the frozen executable: the same `main` as the `qrcashier` gui-script."""

import sys

from qrcashier.cli import main

if __name__ == "__main__":
    sys.exit(main())
