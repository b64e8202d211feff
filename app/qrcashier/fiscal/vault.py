"""The fiscal secrets in the keyring: the private key's passphrase and the WSAA ticket.

The caller gives the keyring backend (services.py takes token_store's choice: the platform's
own credential store, never a plain-text file); nothing here picks one. Entries are under the
service "QRCashier-ARCA", accounts `<register>:key:<cuit>` and `<register>:ta:<env>:<cuit>:<i>`.

`KeyringTicketCache` is the WSAA ticket cache the client reads on every call: a ticket lasts
about 12 hours and ARCA refuses a second login while one is valid, so it survives a restart.
It is read from the keyring once (`load`, off the Qt thread) and then held in memory; `save`
updates memory at once and writes the keyring on its own worker thread, so no call on the
event loop waits on D-Bus or the Credential Manager. A ticket (token + sign, ~1.5 kB) is split
into pieces of at most 900 characters: Windows keeps at most 2560 bytes per credential.
"""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from qrcashier.fiscal.wsaa import SERVICE as WSFE_SERVICE
from qrcashier.fiscal.wsaa import Ticket, ticket_from_text, ticket_to_text

log = logging.getLogger("qrcashier.fiscal")
KEYRING_SERVICE = "QRCashier-ARCA"
PIECE = 900


@dataclass
class FiscalVault:
    """get/set the key's passphrase; `tickets(env, cuit)` gives the ticket cache."""

    backend: object  # a keyring.backend.KeyringBackend
    register: str = "default"

    def _key_account(self, cuit: int) -> str:
        return f"{self.register}:key:{cuit}"

    def passphrase(self, cuit: int) -> str | None:
        return self.backend.get_password(KEYRING_SERVICE, self._key_account(cuit))  # type: ignore[attr-defined]

    def set_passphrase(self, cuit: int, passphrase: str | None) -> None:
        account = self._key_account(cuit)
        if passphrase:
            self.backend.set_password(KEYRING_SERVICE, account, passphrase)  # type: ignore[attr-defined]
        elif self.backend.get_password(KEYRING_SERVICE, account) is not None:  # type: ignore[attr-defined]
            self.backend.delete_password(KEYRING_SERVICE, account)  # type: ignore[attr-defined]

    def tickets(self, environment: str, cuit: int) -> KeyringTicketCache:
        return KeyringTicketCache(self.backend, f"{self.register}:ta:{environment}:{cuit}")


class KeyringTicketCache:
    """A `wsaa.TicketStore` kept in the keyring (see the module docstring)."""

    def __init__(self, backend: object, account: str) -> None:
        self.backend = backend
        self.account = account
        self._memory: dict[str, Ticket] = {}
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="qrcashier-arca-ticket")
        self.writes = 0  # how many times the keyring was written (tests, the log)

    def _get(self, name: str) -> str | None:
        return self.backend.get_password(KEYRING_SERVICE, name)  # type: ignore[attr-defined]

    def read(self, service: str = WSFE_SERVICE) -> Ticket | None:
        """The ticket in the keyring (blocking: call it off the event loop)."""
        try:
            head = self._get(f"{self.account}:{service}:0")
            if not head or "/" not in head.split("|", 1)[0]:
                return None
            count_text, first = head.split("|", 1)
            _, count = count_text.split("/", 1)
            pieces = [first] + [self._get(f"{self.account}:{service}:{i}") or "" for i in range(1, int(count))]
        except Exception as exc:  # a locked or broken store: log in again, as without a cache
            log.warning("the ARCA ticket could not be read from the keyring: %s", type(exc).__name__)
            return None
        ticket = ticket_from_text("".join(pieces))
        return ticket if ticket is not None and ticket.service == service else None

    def load(self, service: str = WSFE_SERVICE) -> Ticket | None:
        """The ticket in memory, else None; `preload` fills memory from the keyring at start-up."""
        return self._memory.get(service)

    def preload(self, service: str = WSFE_SERVICE) -> Ticket | None:
        ticket = self.read(service)
        if ticket is not None:
            self._memory[service] = ticket
        return ticket

    def save(self, ticket: Ticket) -> None:
        self._memory[ticket.service] = ticket
        self._writer.submit(self._write, ticket)

    def _write(self, ticket: Ticket) -> None:
        text = ticket_to_text(ticket)
        chunks = [text[i:i + PIECE] for i in range(0, len(text), PIECE)] or [""]
        try:
            for i, chunk in enumerate(chunks):
                value = f"{i}/{len(chunks)}|{chunk}" if i == 0 else chunk
                self.backend.set_password(KEYRING_SERVICE, f"{self.account}:{ticket.service}:{i}",  # type: ignore
                                          value)
            self.writes += 1
        except Exception as exc:  # the ticket still works from memory for this run
            log.warning("the ARCA ticket could not be saved in the keyring: %s", type(exc).__name__)

    def flush(self) -> None:
        """Wait for the pending keyring writes (blocking)."""
        self._writer.submit(lambda: None).result()

    def close(self) -> None:
        self._writer.shutdown(wait=True)
