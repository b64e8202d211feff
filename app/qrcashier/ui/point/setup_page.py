"""Setup and Settings: the register's card terminal (issue 20). Lists the account's Mercado Pago
Point terminals (`GET /terminals/v1/list`), this register's POS first; the cashier picks one or
"no card terminal". A terminal in STANDALONE mode takes cards on its own screen only; the app can
send amounts only to a terminal in PDV (integrated) mode, so the page offers to switch it
(`PATCH /terminals/v1/setup`, asked first; the terminal applies it after a restart). The choice
is stored per register (settings `point/terminal_id`). In the first-run wizard it follows the
store page (not for a self-service register), and the last page sums up the choice.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QMessageBox, QVBoxLayout

from qrcashier.mercadopago.point_ids import VIRTUAL_TERMINAL
from qrcashier.settings import NO_TERMINAL, AppSettings, Mode
from qrcashier.ui.point.dialogs import terminal_name
from qrcashier.ui.setup.widgets import SetupPage, dialog_slot, make_label
from qrcashier.ui.shell import errors, theme
from qrcashier.ui.shell.i18n import fmt
from qrcashier.ui.supervisor.widgets import Busy, Outcome

if TYPE_CHECKING:
    from qrcashier.ui.setup.wizard import SetupDialog

NONE = ""


class TerminalPage(SetupPage):
    key = "terminal"
    title = QT_TRANSLATE_NOOP("SetupPage", "Card terminal")
    intro = QT_TRANSLATE_NOOP(
        "SetupPage",
        "A Mercado Pago Point terminal takes cards for this register: the app sends it the amount and learns the "
        "result. It must be in PDV (integrated) mode; in standalone mode it only takes amounts typed on it. A "
        "register can also have no card terminal (cards on another terminal are typed in by hand).",
    )

    in_wizard = True  # after the store page: the register's POS is known (just provisioned)

    def __init__(self, flow: SetupDialog) -> None:
        super().__init__(flow)
        self.terminals: list[Any] = []
        self.chosen: str = flow.env.settings.point_terminal or NONE
        self._picked_once = bool(self.chosen) or flow.env.settings.point_terminal_off
        self._loaded = False
        self.box = QComboBox()
        self.box.currentIndexChanged.connect(self._picked)
        self.mode_label = make_label()
        self.mode_label.setWordWrap(True)
        self.reload_button = theme.big_button(self.tr("List the terminals again"), None, role="secondary")
        self.reload_button.clicked.connect(lambda: self.load())
        self.pdv_button = theme.big_button(self.tr("Switch to PDV mode…"), None, role="primary")
        self.pdv_button.clicked.connect(self._ask_pdv)
        self.busy = Busy()
        self.result = Outcome()
        row = QHBoxLayout()
        row.addWidget(self.reload_button)
        row.addWidget(self.pdv_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Terminal for this register")))
        layout.addWidget(self.box)
        layout.addWidget(self.mode_label)
        layout.addLayout(row)
        layout.addWidget(self.busy)
        layout.addWidget(self.result)
        layout.addStretch(1)
        self._fill()

    # --- where the register is ---------------------------------------------------------------

    def _register_pos(self) -> tuple[str | None, str | None]:
        """The store id and POS id of this register (just provisioned, or from the settings)."""
        p = self.state.provisioned
        if p is not None:
            return str(p.store.id), str(p.pos.id)
        s = self.env.settings
        return (s.store_id or None), (None if s.pos_id is None else str(s.pos_id))

    def applies(self) -> bool:
        """Not for a self-service register in the wizard: nobody is at its counter to hand over a terminal."""
        return self.flow.settings_mode or not self.state.self_service

    def enter(self) -> None:
        if not self._picked_once:
            # nothing chosen yet: on the sandbox the register gets Mercado Pago's virtual test terminal
            self.chosen = VIRTUAL_TERMINAL if self.state.mode == Mode.SANDBOX else NONE
            self._fill()
        if not self._loaded:
            self.load()

    def summary(self) -> str:
        """The wizard's last page: the chosen terminal, or none."""
        if not self.chosen:
            return self.tr("Card terminal: <b>none</b> (cards on another terminal, typed in by hand)")
        return fmt(self.tr("Card terminal: <b>%1</b>"), terminal_name(self.chosen))

    @dialog_slot()
    async def load(self) -> None:
        from qrcashier.mercadopago.point import PointClient

        self.busy.start(self.tr("Reading the account's card terminals…"))
        self.result.clear()
        try:
            client = await self.flow.client()
            self.terminals = await PointClient(client.http).terminals()
        except Exception as exc:
            self.result.show_result("error", errors.report(exc, "setup: terminals"))
            self.terminals = []
        else:
            self._loaded = True
            if not self.terminals:
                self.result.show_result("warn", self.tr("This account has no Point terminal: the register takes "
                                                        "cards on another terminal, typed in by hand."))
        finally:
            self.busy.stop()
        self._fill()

    def _fill(self) -> None:
        _store, pos = self._register_pos()
        ordered = sorted(self.terminals, key=lambda t: (t.pos_id != pos, t.id))
        self.box.blockSignals(True)
        self.box.clear()
        self.box.addItem(self.tr("No card terminal"), NONE)
        for t in ordered:
            where = self.tr("this register's POS") if pos is not None and t.pos_id == pos else (
                fmt(self.tr("POS %1"), t.external_pos_id or t.pos_id) if t.pos_id else self.tr("no POS"))
            self.box.addItem(f"{terminal_name(t.id)} · {t.id.partition('__')[0]} · {where} · "
                             f"{self._mode_name(t.operating_mode)}", t.id)
        if self.chosen and self.box.findData(self.chosen) < 0:
            self.box.addItem(fmt(self.tr("%1 (saved; not in the list)"), self.chosen), self.chosen)
        index = self.box.findData(self.chosen)
        self.box.setCurrentIndex(max(index, 0))
        self.box.blockSignals(False)
        self._show_mode()

    def _mode_name(self, mode: str) -> str:
        return {"PDV": "PDV", "STANDALONE": self.tr("standalone"), "UNDEFINED": self.tr("not set")}.get(mode, mode)

    def _terminal(self) -> Any:
        return next((t for t in self.terminals if t.id == self.box.currentData()), None)

    def _picked(self, _index: int) -> None:
        self.chosen = self.box.currentData() or NONE
        self._picked_once = True
        self._show_mode()
        self._changed()

    def _show_mode(self) -> None:
        t = self._terminal()
        self.pdv_button.setVisible(t is not None and t.operating_mode != "PDV")
        if t is None:
            self.mode_label.setText(self.tr("Cards are taken on another terminal and typed in by hand.")
                                    if not self.chosen else "")
        elif t.operating_mode == "PDV":
            self.mode_label.setText(self.tr("PDV mode: the app sends the amount to this terminal."))
        else:
            self.mode_label.setText(fmt(self.tr("Mode: %1. The terminal takes only amounts typed on it. Switch it to "
                                                "PDV mode for this register to send it the amount."),
                                        self._mode_name(t.operating_mode).capitalize()))

    # --- PDV -------------------------------------------------------------------------------------

    def _ask_pdv(self) -> None:
        t = self._terminal()
        if t is None:
            return
        errors.message_box(
            self, self.tr("Switch the terminal to PDV mode?"),
            fmt(self.tr("Terminal %1 will take amounts from this app only, not typed on it. Mercado Pago allows "
                        "one PDV terminal per POS. The terminal applies the change after a restart."),
                terminal_name(t.id)),
            icon=QMessageBox.Icon.Question,
            buttons=QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            default=QMessageBox.StandardButton.No,
            on_finished=lambda b: self.switch_to_pdv(t.id) if b == QMessageBox.StandardButton.Yes else None,
        )

    @dialog_slot(write=True)
    async def switch_to_pdv(self, terminal_id: str) -> None:
        from qrcashier.mercadopago.point import PointClient

        self.busy.start(self.tr("Switching the terminal to PDV mode…"))
        try:
            client = await self.flow.client()
            mode = await PointClient(client.http).set_operating_mode(terminal_id, "PDV")
        except Exception as exc:
            self.result.show_result("error", errors.report(exc, "setup: terminal mode"))
            return
        finally:
            self.busy.stop()
        self.terminals = [t if t.id != terminal_id else type(t)(t.id, t.pos_id, t.store_id, t.external_pos_id, mode)
                          for t in self.terminals]
        self._fill()
        self.result.show_result("ok", fmt(self.tr("Terminal %1 is now in %2 mode: restart it to apply the change."),
                                          terminal_name(terminal_id), mode))

    async def save(self, settings: AppSettings, actor: str) -> None:
        # "No card terminal" is kept as such: on the sandbox, no choice at all means its virtual terminal
        settings.point_terminal = self.chosen or (NO_TERMINAL if self._picked_once else None)
