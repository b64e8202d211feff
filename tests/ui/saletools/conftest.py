from tests.ui.setup.helpers import (  # noqa: F401
    dialogs_enabled,
    isolated_qsettings,
    keep_running_when_a_window_closes,
    settings,
    tokens,
)
