"""The setup tests' fixtures (settings in a temp folder, a keyring, the sandbox, SetupEnv)."""

from tests.ui.setup.helpers import *  # noqa: F403 (the setup fixtures: helpers.__all__)
