"""Start-up and shutdown: QApplication, logging, the exception hook, and the async main.

    QApplication first (quit on last window closed: off; we decide when to stop)
    asyncio.Runner(loop_factory=qasync.QEventLoop) runs `async_main`:
        open the catalog, show the main window (painted before any network call)
        start the services: the one httpx.AsyncClient (timeouts set), the sandbox
        in-process when --sandbox (127.0.0.1, port 0), the store and POS, the journal,
        the engine, and its reconcile() of unfinished sales; only then is Charge enabled
        await the quit event that the main window's closeEvent sets
        clean up BEFORE returning: stop the engine, close the journal, aclose the client,
        close the sandbox (qt-notes §0.3: nothing async after Qt has quit)

Logging goes to a rotating file in the data folder (and to stderr only when there is
one: a windowed build has `sys.stderr is None`). The formatter blanks anything shaped like
an access token. The exception hook logs every uncaught error with its traceback and
shows a non-modal message; the window keeps working.
"""

from __future__ import annotations

import asyncio
import logging
import logging.handlers
import os
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from qrcashier.mercadopago.secret import TOKEN_SHAPE
from qrcashier.paths import APP_NAME, ORG_NAME, data_dir, private_file
from qrcashier.ui.shell import errors

log = logging.getLogger("qrcashier.app")

LOG_FILE = "qrcashier.log"


# --- folders ---------------------------------------------------------------------------------

# --- logging ---------------------------------------------------------------------------------

class RedactingFormatter(logging.Formatter):
    """Blank anything shaped like a Mercado Pago access token in the whole formatted record:
    the message, and also a traceback or stack attached to it (an exception's text can carry
    a request's headers)."""

    def format(self, record: logging.LogRecord) -> str:
        return TOKEN_SHAPE.sub(r"\1-[redacted]", super().format(record))


_handlers: list[logging.Handler] = []


def _rotate_privately(source: str, dest: str) -> None:
    """A rollover's rename, then the new live log made 0600 before the handler reopens it
    (the backups keep the mode they were written with)."""
    os.replace(source, dest)
    private_file(Path(source))


def setup_logging(folder: Path, *, verbose: bool = False) -> Path:
    """A rotating log file in `folder` (1 MB x 5), plus stderr when there is one. Idempotent."""
    for handler in _handlers:
        logging.getLogger().removeHandler(handler)
        handler.close()
    _handlers.clear()
    log_path = private_file(folder / LOG_FILE)  # 0600 before the handler writes it
    fmt = RedactingFormatter("%(asctime)s %(levelname)-7s %(name)s: %(message)s")
    file_handler = logging.handlers.RotatingFileHandler(log_path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    file_handler.rotator = _rotate_privately
    file_handler.setFormatter(fmt)
    file_handler.setLevel(logging.DEBUG if verbose else logging.INFO)
    _handlers.append(file_handler)
    if sys.stderr is not None:
        stream = logging.StreamHandler(sys.stderr)
        stream.setFormatter(fmt)
        stream.setLevel(logging.WARNING)
        _handlers.append(stream)
    root = logging.getLogger()
    for handler in _handlers:
        root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > logging.INFO:
        root.setLevel(logging.DEBUG if verbose else logging.INFO)
    logging.getLogger("httpx").setLevel(logging.WARNING)  # its INFO lines carry full URLs
    # qasync logs every executor callback with its arguments at DEBUG: secrets must never be
    # passed as arguments (closures are), and its debug lines stay out of the log regardless.
    logging.getLogger("qasync").setLevel(logging.INFO)
    logging.captureWarnings(True)
    return log_path


_QT_NOISE = ("This plugin does not support",)


def _qt_message(mode, context, message: str) -> None:
    """Qt's own warnings go to the log, not to a console a windowed build does not have."""
    from PySide6.QtCore import QtMsgType

    if message.startswith(_QT_NOISE):
        return
    level = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
    }.get(mode, logging.ERROR)
    logging.getLogger("qt").log(level, "%s", message)


def install_qt_message_handler() -> None:
    from PySide6.QtCore import qInstallMessageHandler

    qInstallMessageHandler(_qt_message)


def close_logging() -> None:
    for handler in _handlers:
        logging.getLogger().removeHandler(handler)
        handler.close()
    _handlers.clear()


# --- the exception hook ----------------------------------------------------------------------

class ExceptionHook:
    """sys.excepthook (and threading.excepthook): log with the traceback, then tell the cashier.

    qasync's asyncSlot reports a slot's exception through sys.excepthook, so this is where
    every bug that escapes a slot ends up. The message box is opened (never exec()), at most
    window-modal, and at most one is open at a time; bugs while one is open are only logged.
    """

    def __init__(self) -> None:
        self._box: QMessageBox | None = None
        self._previous = sys.excepthook
        self._previous_thread = threading.excepthook
        self.count = 0

    def install(self) -> None:
        sys.excepthook = self.hook
        threading.excepthook = self._thread_hook

    def uninstall(self) -> None:
        sys.excepthook = self._previous
        threading.excepthook = self._previous_thread

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            self.hook(args.exc_type, args.exc_value, args.exc_traceback)

    def hook(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            self._previous(exc_type, exc, tb)
            return
        self.count += 1
        log.critical("uncaught %s", exc_type.__name__, exc_info=(exc_type, exc, tb))
        if QApplication.instance() is None:
            return
        # Show it from the event loop, never from inside whatever is failing.
        QTimer.singleShot(0, lambda: self._show(exc, tb))

    def _show(self, exc: BaseException, tb: TracebackType | None) -> None:
        if self._box is not None:
            return
        details = "".join(traceback.format_exception(type(exc), exc, tb))[-4000:]
        details = TOKEN_SHAPE.sub(r"\1-[redacted]", details)
        parent = QApplication.activeWindow()
        try:
            self._box = errors.message_box(
                parent,
                QCoreApplication.translate("app", "QR Cashier: unexpected error"),
                errors.user_message(exc) if errors.is_expected(exc) else errors.bug_message(),
                icon=QMessageBox.Icon.Critical,
                details=details,
                on_finished=lambda _b: setattr(self, "_box", None),
            )
        except Exception:  # never let the hook itself crash the app
            log.exception("could not show the error dialog")
            self._box = None


# --- running ---------------------------------------------------------------------------------

def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORG_NAME)
    app.setApplicationDisplayName("QR Cashier")
    app.setQuitOnLastWindowClosed(False)  # closeEvent decides; async cleanup runs before quitting
    from qrcashier.ui.shell import theme

    theme.apply(app)
    return app


async def async_main(args, *, ready: asyncio.Future | None = None) -> int:
    """The app's life: window first, services next, then wait for the quit request; clean up."""
    from qrcashier.services import Options, Services
    from qrcashier.ui.shell.main_window import MainWindow

    options = Options.from_args(args)
    from qrcashier.ui.supervisor.actions import settings_for_start, tokens_after_paint

    prepared = await settings_for_start(args, options)  # the first-run wizard when needed; no keyring otherwise
    if prepared is None:
        return 0  # the installer cancelled the first-run setup
    quit_requested = asyncio.Event()
    restore_signals = _quit_on_signals(quit_requested)
    services = Services(options)
    services.settings, services.tokens = prepared  # Settings, the supervisor PIN, diagnostics
    window: MainWindow | None = None
    later: asyncio.Future | None = None
    try:
        window = MainWindow(services, on_quit=quit_requested.set)
        window.show()
        await window.wait_painted()  # the cashier sees the window before anything else loads
        if services.tokens is None and not getattr(args, "sandbox", False):
            services.tokens = await tokens_after_paint(services.settings, options)  # keyring; token page if none
            if services.tokens is None:
                return 0  # the token page was cancelled
        services.prepare()  # the HTTP client (httpcore, the CA bundle) is built on a worker thread meanwhile
        services.open_local()  # catalog (and demo data on first run): local, fast
        if options.import_catalog is not None:  # --import-catalog: on a worker thread, report when done
            window.catalog.import_catalog(str(options.import_catalog))
        # network: sandbox, provisioning, journal, engine, reconcile (retries itself). It runs up to
        # its first wait (for the client, then Mercado Pago) before the customer window is built,
        # so that window is laid out while the register's first requests are under way.
        starting = asyncio.ensure_future(window.start())
        try:
            await asyncio.sleep(0)
            window.show_customer()
            if ready is not None and not ready.done():
                ready.set_result(window)
        except BaseException:
            starting.cancel()
            raise
        await starting
        from qrcashier.ui.shell.later_imports import import_later

        later = asyncio.ensure_future(import_later())  # the hand-opened dialogs, off the Qt thread
        await quit_requested.wait()
    finally:
        if later is not None:
            later.cancel()
        restore_signals()
        if window is not None:
            await window.shutdown()
        await services.close()
    return 0


def _quit_on_signals(quit_requested: asyncio.Event):
    """SIGINT/SIGTERM ask for the same clean shutdown as closing the window."""
    import signal

    loop = asyncio.get_running_loop()
    previous = {}

    def handler(signum, frame) -> None:
        log.info("signal %s: shutting down", signum)
        loop.call_soon_threadsafe(quit_requested.set)

    if threading.current_thread() is not threading.main_thread():
        return lambda: None
    for sig in (signal.SIGINT, signal.SIGTERM):
        try:
            previous[sig] = signal.signal(sig, handler)
        except (ValueError, OSError):  # not supported here
            pass

    def restore() -> None:
        for sig, old in previous.items():
            signal.signal(sig, old)

    return restore


def run(args) -> int:
    """The `qrcashier` command (not --self-test)."""
    app = make_application()
    folder = data_dir(args.data_dir)
    log_path = setup_logging(folder, verbose=getattr(args, "verbose", False))
    install_qt_message_handler()
    from qrcashier.ui.shell import i18n

    i18n.install_for(app, args)  # before the first window: our strings, Qt's buttons, numbers
    hook = ExceptionHook()
    hook.install()
    log.info("QR Cashier starting (data folder %s, log %s)", folder, log_path)
    import qasync

    from qrcashier.ui.shell.gc_guard import collect_on_qt_thread

    try:
        with collect_on_qt_thread(), asyncio.Runner(loop_factory=qasync.QEventLoop) as runner:
            code = runner.run(async_main(args))
    except RuntimeError as exc:
        # Qt stopped underneath us (the display went away, the session ended). The journal
        # is already durable; the next start reconciles whatever was live.
        log.error("the event loop stopped unexpectedly: %s", exc)
        code = 1
    finally:
        hook.uninstall()
        log.info("QR Cashier stopped")
        close_logging()
    del app
    return code
