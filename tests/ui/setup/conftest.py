"""The setup fixtures (tests/ui/setup/helpers.py), for the setup tests."""

from tests.ui.setup.helpers import *  # noqa: F403 (the setup fixtures: helpers.__all__)
