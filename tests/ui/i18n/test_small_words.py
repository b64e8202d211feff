"""Words that stayed English in the Spanish and Portuguese UI: Diagnostics' QR mode ("QR static")."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication

from qrcashier.ui.diagnostics.view import QR_MODE_NAMES
from qrcashier.ui.shell import i18n
from qrcashier.ui.shell.i18n import fmt


@pytest.mark.parametrize(("language", "expected"), [
    ("es", "instore_v2 (QR estático)"), ("pt_BR", "instore_v2 (QR estático)"), ("en", "instore_v2 (static QR)"),
])
def test_diagnostics_names_the_qr_mode_in_the_language(qapp, language, expected):
    i18n.install(qapp, language)
    try:
        tr = QCoreApplication.translate
        mode = tr("DiagnosticsDialog", QR_MODE_NAMES["static"])
        line = fmt(tr("DiagnosticsDialog", "%1 (%2 QR)"), "instore_v2", mode)
        assert line == expected
    finally:
        i18n.uninstall(qapp)
