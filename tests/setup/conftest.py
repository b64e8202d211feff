from tests.setup.helpers import isolated_qsettings, make_env, sandbox, settings, tokens, http  # noqa: F401
