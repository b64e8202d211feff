"""The setup tests' fixtures (settings in a temp folder, a keyring, the sandbox, SetupEnv)."""

from tests.ui.setup.helpers import (  # noqa: F401
    dialogs_enabled,
    http,
    isolated_qsettings,
    keep_running_when_a_window_closes,
    make_env,
    sandbox,
    settings,
    tokens,
)
