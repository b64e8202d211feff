"""The printer's state for the status bar, as values the window translates into one sentence."""

from __future__ import annotations

from dataclasses import dataclass

STATES = ("idle", "printing", "offline", "paper_out", "refused")


@dataclass(frozen=True)
class PrinterStatus:
    state: str = "idle"  # one of STATES
    waiting: int = 0  # jobs written to the journal and not yet printed
    receipts_waiting: int = 0  # of those, receipts and copies
    printer: str = ""  # where it prints (PrinterUrl.describe())
    detail: str = ""  # the last error, for the log and a tooltip
    paper_low: bool = False  # the printer's paper near-end sensor (DLE EOT 4 bits 2-3): it still prints

    @property
    def warns_paper_low(self) -> bool:
        """Say "paper running low" (keep printing): not while offline, out of paper or refusing."""
        return self.paper_low and not self.trouble

    @property
    def trouble(self) -> bool:
        return self.state in ("offline", "paper_out", "refused")

    def sentence(self) -> str:
        """The English sentence; the window shows its own translation of the same facts."""
        if self.warns_paper_low:
            low = "Printer paper running low: change the roll soon"
            return low if not self.waiting else f"Printing: {self.waiting} waiting (paper running low)"
        if not self.trouble:
            return "" if not self.waiting else f"Printing: {self.waiting} waiting"
        what = {"offline": "Printer offline", "paper_out": "Printer out of paper",
                "refused": "The printer refused the job"}[self.state]
        noun = "receipt" if self.receipts_waiting == self.waiting else "print job"
        return f"{what}: {self.waiting} {noun}{'' if self.waiting == 1 else 's'} waiting"
