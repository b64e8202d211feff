"""The fiscal secrets in the keyring: the key's passphrase, and the WSAA ticket cache that
survives a restart (split in pieces a Windows credential can hold), written off the caller's thread."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from qrcashier.fiscal.vault import KEYRING_SERVICE, PIECE, FiscalVault
from qrcashier.fiscal.wsaa import Ticket

CUIT = 20111111112


def _ticket(token_chars: int = 1300) -> Ticket:
    now = datetime(2026, 12, 7, 12, 0, tzinfo=UTC)
    return Ticket("T" * token_chars, "S" * 172, now, now + timedelta(hours=12))


def test_the_passphrase_is_kept_and_removed(memory_keyring):
    vault = FiscalVault(memory_keyring, "register:default")
    assert vault.passphrase(CUIT) is None
    vault.set_passphrase(CUIT, "clave secreta")
    assert vault.passphrase(CUIT) == "clave secreta"
    vault.set_passphrase(CUIT, None)
    assert vault.passphrase(CUIT) is None
    vault.set_passphrase(CUIT, None)  # removing what is not there is fine


def test_a_ticket_survives_a_restart_in_pieces_a_windows_credential_holds(memory_keyring):
    vault = FiscalVault(memory_keyring, "register:default")
    cache = vault.tickets("homologation", CUIT)
    ticket = _ticket()
    cache.save(ticket)
    assert cache.load("wsfe") == ticket  # at once, from memory
    cache.flush()
    cache.close()
    assert cache.writes == 1
    pieces = [memory_keyring.get_password(KEYRING_SERVICE, f"register:default:ta:homologation:{CUIT}:wsfe:{i}")
              for i in range(3)]
    assert all(p is not None and len(p) <= PIECE + 8 for p in pieces[:2]) and pieces[2] is None  # ~1.5 kB: 2
    again = vault.tickets("homologation", CUIT)
    assert again.load("wsfe") is None  # nothing in memory before the preload
    assert again.preload() == ticket and again.load("wsfe") == ticket
    again.close()
    other = vault.tickets("production", CUIT)  # another environment's ticket is another entry
    assert other.preload() is None
    other.close()


def test_a_broken_keyring_means_no_cache_not_a_crash(memory_keyring):
    class Broken:
        def get_password(self, *_):
            raise RuntimeError("locked")

        def set_password(self, *_):
            raise RuntimeError("locked")

    cache = FiscalVault(Broken()).tickets("homologation", CUIT)
    assert cache.preload() is None
    cache.save(_ticket())
    cache.flush()
    assert cache.writes == 0 and cache.load("wsfe") is not None  # this run still uses it
    cache.close()
