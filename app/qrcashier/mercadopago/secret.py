"""The access token, wrapped so that it cannot leak through str(), repr() or a log line."""

from __future__ import annotations

import re

# The one definition of what an access token looks like. In any text (logs, reports,
# exception messages) it is redacted by this pattern; group 1 is its prefix.
TOKEN_SHAPE = re.compile(r"\b(APP_USR|TEST|SANDBOX)-[A-Za-z0-9_.\-]+")


def looks_like_token(value: str, *, min_length: int = 4) -> bool:
    """The whole of `value` (surrounding spaces aside) is token-shaped, with at least
    `min_length` characters after its prefix: e.g. a setting that must not hold a secret."""
    value = value.strip()
    found = TOKEN_SHAPE.fullmatch(value)
    return found is not None and len(value) - len(found.group(1)) - 1 >= min_length


class AccessToken:
    """Holds the bearer token. Only `bearer_header()` reveals it, to build a request."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        value = (value or "").strip()
        if not value or any(c.isspace() for c in value):
            raise ValueError("an access token is a single word with no spaces")
        self._value = value

    def bearer_header(self) -> str:
        return f"Bearer {self._value}"

    def reveal(self) -> str:
        """The raw token, for the keyring and nothing else."""
        return self._value

    @property
    def is_test(self) -> bool:
        """Test-user credentials (Mercado Pago issues them with a TEST- prefix)."""
        return self._value.startswith("TEST-")

    @property
    def hint(self) -> str:
        """A safe hint for screens: the prefix and the last four characters.

        Only for a long token with a short dash-separated prefix: a token without a
        dash would otherwise be its own "prefix" and show in full.
        """
        head, sep, _ = self._value.partition("-")
        long_enough = len(self._value) >= 16
        prefix = head if sep and len(head) <= 8 and long_enough else ""
        tail = self._value[-4:] if long_enough else ""
        return f"{prefix}-…{tail}"

    def redact(self, text: str) -> str:
        """Replace the token wherever it occurs in `text`."""
        return text.replace(self._value, "[token]")

    def __repr__(self) -> str:
        return f"AccessToken({self.hint})"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, AccessToken) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)

    def __reduce__(self):  # never pickle a secret into a file by accident
        raise TypeError("AccessToken cannot be pickled")
