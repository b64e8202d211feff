"""Save docs/screenshots/z-report.png: the Z report dialog on the sample shift, in Spanish.

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python -m tests.ui.reports.make_screenshot

Not a test: the README's picture. Works offscreen too (QT_QPA_PLATFORM=offscreen).
"""

from __future__ import annotations

import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[3] / "docs" / "screenshots" / "z-report.png"


def main() -> None:
    from PySide6.QtWidgets import QApplication

    from qrcashier.ui.reports.dialog import ReportDialog
    from qrcashier.ui.shell import i18n, theme
    from tests.unit.reports.sample import z_report

    app = QApplication.instance() or QApplication(sys.argv[:1])
    theme.apply(app)
    i18n.install(app, "es", site_locale="es_AR")
    dialog = ReportDialog(z_report())
    dialog.resize(1100, 760)
    dialog.show()
    for _ in range(5):
        app.processEvents()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(OUT))
    print(OUT)


if __name__ == "__main__":
    main()
