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
from tests.ui.supervisor.rig import shop  # noqa: F401,E402
