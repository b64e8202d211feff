"""The wizard's last page: a summary; Finish writes everything."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QVBoxLayout

from qrcashier.settings import Mode
from qrcashier.ui.setup.widgets import SetupPage, make_label
from qrcashier.ui.shell.i18n import fmt
from qrcashier.ui.supervisor.widgets import Outcome

if TYPE_CHECKING:
    from qrcashier.ui.setup.wizard import SetupDialog


class DonePage(SetupPage):
    key = "done"
    title = QT_TRANSLATE_NOOP("SetupPage", "Ready")
    intro = QT_TRANSLATE_NOOP(
        "SetupPage", "Press Finish to save. You can change all of this later in Settings (it asks for the supervisor "
            "PIN)."
    )
    in_settings = False

    def __init__(self, flow: SetupDialog) -> None:
        super().__init__(flow)
        self.summary = make_label(size=16)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.problem = Outcome()
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.problem)
        layout.addStretch(1)

    def enter(self) -> None:
        s = self.state
        p = s.provisioned
        rows = []
        if s.mode == Mode.SANDBOX:
            rows.append(self.tr("Mode: <b>sandbox</b> (pretend payments, no account)"))
        else:
            who = s.check.message if s.check is not None else ""
            test = (" · " + self.tr("<b>TEST account</b>")) if s.check is not None and s.check.is_test else ""
            where = (fmt(self.tr("saved in %1"), self.env.tokens.backend_name) if self.env.tokens.is_secure
                     else self.tr("kept for this session only"))
            rows.append(self.tr("Mode: <b>my Mercado Pago account</b>") + test)
            rows.append(f"{who} " + fmt(self.tr("Token %1, %2."), s.token.hint if s.token else "", where))
        if p is not None:
            rows.append(fmt(self.tr("Store: <b>%1</b> (%2)"), p.store.name, s.store_external_id))
            rows.append(fmt(self.tr("Register: <b>%1</b> (%2, POS number %3, fixed amount)"),
                            p.pos.name, s.pos_external_id, p.pos.id))
            if s.pos_url is not None:
                rows.append(fmt(self.tr("Self-service: Mercado Pago asks <b>%1</b> for each order"),
                                html.escape(s.pos_url)))
        terminal = self.flow.page("terminal")  # issue 20: the card terminal page's choice
        if terminal is not None and terminal.applies():
            rows.append(terminal.summary())  # type: ignore[attr-defined]
        rows.append(fmt(self.tr("Receipt printer: <b>%1</b>"), s.printer or self.tr("none (receipts on screen)")))
        rows.append(self.tr("Supervisor PIN: <b>set</b>") if s.pin_hash else self.tr("Supervisor PIN: <b>not set</b>"))
        self.summary.setText("".join(f"<p style='margin: 0 0 10px 0'>{row}</p>" for row in rows))
