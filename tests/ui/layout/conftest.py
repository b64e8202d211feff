from tests.ui.setup.helpers import *  # noqa: F403 (the setup fixtures: helpers.__all__)
from tests.ui.supervisor.rig import shop  # noqa: F401,E402
