"""Watches every log record and every test failure for the suite's known access token.

Installed by tests/conftest.py for the whole session: a token that shows up in a
log line, an exception message or a failure report fails the run.
"""

from __future__ import annotations

import logging

# Shaped like a sandbox token, never like a real one. The suite's fixtures hand
# this token to every client and sandbox account, so a leak anywhere is seen.
KNOWN_TOKEN = "SANDBOX-MLA-leakwatch-4d9c2e71b8"


class LeakWatch(logging.Handler):
    def __init__(self, secret: str) -> None:
        super().__init__(level=logging.DEBUG)
        self.secret = secret
        self.records_seen = 0
        self.leaks: list[str] = []

    def check_text(self, where: str, text: str) -> None:
        if self.secret in text:
            self.leaks.append(f"{where}: {text[:300]}")

    def emit(self, record: logging.LogRecord) -> None:
        self.records_seen += 1
        try:
            text = record.getMessage()
        except Exception as exc:  # a broken format string is a bug too, but not a leak
            text = f"{record.msg!r} {record.args!r} ({exc})"
        if record.exc_info and record.exc_info[1] is not None:
            text += " " + logging.Formatter().formatException(record.exc_info)
        self.check_text(f"log {record.name}", text)


def production_shaped_token(tag: str = "abcdef") -> str:
    """A fake token with the shape of a real production one, for redaction tests.

    Built at run time so that no token-shaped literal is ever committed.
    """
    return "-".join(["APP_USR", "1234567890" + "123456", "112233", tag, "123456789"])
