"""What the cashier sees when Mercado Pago refuses the token during a sale (401)."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from qrcashier.ui.shell import theme
from qrcashier.ui.supervisor.widgets import SupervisorDialog, make_label

log = logging.getLogger("qrcashier.ui.supervisor")

# --- a refused token during a sale --------------------------------------------------------------

TOKEN_REFUSED_TEXT = QT_TRANSLATE_NOOP(
    "TokenRefusedNotice",
    "Mercado Pago refused this register's access token (401), so no payment can be taken or checked right now. "
    "The sale is kept. Call a supervisor to replace the token in Settings.",
)


class TokenRefusedNotice(SupervisorDialog):
    """What the cashier sees when Mercado Pago refuses the token: plain words, one way forward."""

    supervisor_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("TokenRefusedNotice", "Access token refused"), parent)
        self.resize(640, 0)
        band = QFrame()
        band.setStyleSheet(f"background: {theme.STATE_COLOURS['needs_review'][0]}; border-radius: 6px;")
        band_layout = QVBoxLayout(band)
        head = make_label(self.tr("Call a supervisor"), bold=True, size=22)
        head.setStyleSheet("color: #ffffff; font-size: 22px; font-weight: 700;")
        band_layout.addWidget(head)
        self.text = make_label(self.tr(TOKEN_REFUSED_TEXT))
        self.text.setStyleSheet("font-size: 16px;")
        self.supervisor_button = theme.big_button(self.tr("Supervisor: replace the token"), "Enter", role="primary")
        self.later_button = theme.big_button(self.tr("Later"), "Esc", role="secondary")
        self.supervisor_button.setDefault(True)
        self.supervisor_button.clicked.connect(self._supervisor)
        self.later_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.later_button, 1)
        buttons.addWidget(self.supervisor_button, 2)
        layout = self._margins(QVBoxLayout(self))
        layout.addWidget(band)
        layout.addWidget(self.text)
        layout.addLayout(buttons)

    def _supervisor(self) -> None:
        self.supervisor_requested.emit()
        self.accept()


class TokenRefusedWatch:
    """Sees every 401 from Mercado Pago on the app's httpx client and calls `on_refused()` once
    per episode (again only after `reset()`, e.g. once the token was replaced)."""

    def __init__(self, http, api_base_url: str, on_refused: Callable[[], None]) -> None:
        self.http = http
        self.prefix = api_base_url.rstrip("/")
        self.on_refused = on_refused
        self.refused = False
        self.count = 0
        http.event_hooks["response"].append(self._hook)

    async def _hook(self, response) -> None:
        if response.status_code != 401 or not str(response.request.url).startswith(self.prefix):
            return
        if response.request.url.path.startswith("/sandbox/"):
            return  # the sandbox's own control API, not Mercado Pago's
        self.count += 1
        if self.refused:
            return
        self.refused = True
        log.warning("Mercado Pago refused the access token (401 on %s)", response.request.url.path)
        try:
            self.on_refused()
        except Exception:
            log.exception("the token-refused handler failed")

    def reset(self) -> None:
        self.refused = False

    def remove(self) -> None:
        hooks = self.http.event_hooks["response"]
        if self._hook in hooks:
            hooks.remove(self._hook)
