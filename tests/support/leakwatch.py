"""Watches every log record, every test failure and every project exception for the suite's tokens.

Installed by tests/conftest.py for the whole session: a watched token that shows up in a
log line, an exception message (even one a `pytest.raises` swallows) or a failure report
fails the run. The watch holds a set of secrets: the known token, the tokens the suite
derives from it, and any token a fixture or an in-process sandbox registers with `watch()`.
"""

from __future__ import annotations

import functools
import logging
import os
import threading
import traceback
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

# Shaped like a sandbox token, never like a real one. The suite's fixtures hand
# this token to every client and sandbox account, so a leak anywhere is seen.
KNOWN_TOKEN = "SANDBOX-MLA-leakwatch-4d9c2e71b8"

# Tokens the suite makes from the known one or spells out beside it, watched from the start:
# the Chilean seller of tests/unit/client (`clp_token`: the known token with -MLC- for -MLA-) and
# the seller with no site that only a `qrcashier-sandbox` subprocess sees (tests/integration/sandbox/test_cli).
DERIVED_TOKENS = (
    KNOWN_TOKEN.replace("-MLA-", "-MLC-"),
    "SANDBOX-nosite-cli",
)

# Tokens registered automatically (fixture values, tokens a sandbox accepted) must be at
# least this long: shorter ones are too likely to turn up by chance.
MIN_AUTO_SECRET_LENGTH = 12


class LeakWatch(logging.Handler):
    def __init__(self, secrets: str | Iterable[str]) -> None:
        super().__init__(level=logging.DEBUG)
        self._secrets: frozenset[str] = frozenset()
        self._adding = threading.Lock()  # sandboxes may register tokens from their threads
        for secret in [secrets] if isinstance(secrets, str) else secrets:
            self.watch(secret)
        self.records_seen = 0
        self.leaks: list[str] = []

    @property
    def secrets(self) -> frozenset[str]:
        return self._secrets

    def watch(self, secret: str) -> str:
        """Add a secret to the watch; returns it, so a fixture can `return watch.watch(token)`."""
        if not isinstance(secret, str) or not secret:
            raise ValueError("a watched secret is a non-empty string")
        if secret not in self._secrets:
            with self._adding:
                self._secrets = self._secrets | {secret}
        return secret

    def found_in(self, text: str) -> list[str]:
        """The watched secrets that occur in `text`."""
        return [secret for secret in self._secrets if secret in text]

    def check_text(self, where: str, text: str) -> bool:
        """Record a leak if any watched secret is in `text`; True if one was."""
        if not self.found_in(text):
            return False
        self.leaks.append(f"{where}: {text[:300]}")
        return True

    def emit(self, record: logging.LogRecord) -> None:
        self.records_seen += 1
        try:
            text = record.getMessage()
        except Exception as exc:  # a broken format string is a bug too, but not a leak
            text = f"{record.msg!r} {record.args!r} ({exc})"
        if record.exc_info and record.exc_info[1] is not None:
            text += " " + logging.Formatter().formatException(record.exc_info)
        self.check_text(f"log {record.name}", text)


class ExceptionWatch:
    """Checks every instance of some exception classes, when it is created, for watched secrets.

    `install(*bases)` wraps the `__init__` of each base and of every subclass that has its own
    (now, and any defined later), so an exception's str, repr and attributes are scanned once
    it is fully built: also the ones a `pytest.raises` or an `except` swallows, which no
    failure report shows. One ExceptionWatch per class tree: add watches with `also()`.
    """

    _MARK = "_leakwatch_exception_watch"

    def __init__(self, *watches: LeakWatch, context: Callable[[], str] = lambda: "") -> None:
        self.watches: list[LeakWatch] = list(watches)
        self.context = context  # e.g. the running test's node id, for the leak report
        self.instances_checked = 0
        self._undo: list[Callable[[], None]] = []
        self._depth: dict[int, int] = {}  # id(exception) -> nesting of wrapped __init__ calls

    @contextmanager
    def also(self, watch: LeakWatch) -> Iterator[LeakWatch]:
        """Check with one more watch for a while (a self-test's own, say)."""
        self.watches.append(watch)
        try:
            yield watch
        finally:
            self.watches.remove(watch)

    def install(self, *bases: type[BaseException]) -> None:
        for base in bases:
            for cls in [base, *_subclasses(base)]:
                self._wrap(cls)
            self._hook_new_subclasses(base)

    def uninstall(self) -> None:
        while self._undo:
            self._undo.pop()()

    def check(self, exc: BaseException) -> None:
        self.instances_checked += 1
        text = " ".join(_render(exc))
        for watch in list(self.watches):
            if watch.found_in(text):
                where = f"{type(exc).__module__}.{type(exc).__qualname__} created at {_creation_site()}"
                context = self.context()
                watch.check_text(f"{where} (during {context})" if context else where, text)

    def _wrap(self, cls: type) -> None:
        original = cls.__dict__.get("__init__")
        if original is None or getattr(original, self._MARK, False):
            return  # inherits a wrapped __init__, or is wrapped already
        depth = self._depth

        @functools.wraps(original)
        def __init__(exc, *args, **kwargs):
            key = id(exc)
            depth[key] = depth.get(key, 0) + 1
            try:
                original(exc, *args, **kwargs)
            finally:
                left = depth.pop(key) - 1
                if left:
                    depth[key] = left
            if not left:  # the outermost __init__: the instance is complete
                self.check(exc)

        setattr(__init__, self._MARK, True)
        cls.__init__ = __init__
        self._undo.append(lambda: setattr(cls, "__init__", original))

    def _hook_new_subclasses(self, base: type) -> None:
        previous = base.__dict__.get("__init_subclass__")
        wrap = self._wrap

        def __init_subclass__(cls, **kwargs):
            if previous is not None:
                previous.__get__(None, cls)(**kwargs)
            else:
                super(base, cls).__init_subclass__(**kwargs)
            wrap(cls)

        base.__init_subclass__ = classmethod(__init_subclass__)

        def undo() -> None:
            if previous is None:
                del base.__init_subclass__
            else:
                base.__init_subclass__ = previous

        self._undo.append(undo)


def _subclasses(cls: type) -> list[type]:
    found: list[type] = []
    for sub in cls.__subclasses__():
        found += [sub, *_subclasses(sub)]
    return found


def _render(exc: BaseException) -> list[str]:
    parts = []
    for render in (str, repr, lambda e: repr(vars(e))):
        try:
            parts.append(render(exc))
        except Exception as error:  # a half-built or odd exception must not break the test
            parts.append(f"<unrenderable: {error!r}>")
    return parts


def _creation_site() -> str:
    here = os.path.normcase(os.path.abspath(__file__))
    frames = [f for f in traceback.extract_stack() if os.path.normcase(os.path.abspath(f.filename)) != here]
    return " <- ".join(f"{f.filename}:{f.lineno} in {f.name}" for f in reversed(frames[-3:]))


def production_shaped_token(tag: str = "abcdef") -> str:
    """A fake token with the shape of a real production one, for redaction tests.

    Built at run time so that no token-shaped literal is ever committed.
    """
    return "-".join(["APP_USR", "1234567890" + "123456", "112233", tag, "123456789"])
