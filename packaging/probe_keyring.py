"""Verification probe, frozen only by `python packaging/build.py --probe` (never shipped).

Built with the app's own runtime hooks, hooks and excludes (packaging/qrcashier.spec), it
prints one JSON line:
  env_backend     what the runtime hook put in PYTHON_KEYRING_BACKEND
  backend/error   what keyring.get_keyring() gives, or its exact error
  keyrings_alt    "absent" unless keyrings.alt can be imported (it must not)
  token_store     what the app's own qrcashier.token_store.choose_backend() picks (name,
                  warning, what it tried), if that module exists in this tree
  qt_translations where the frozen Qt looks for its own translations (QLibraryInfo, set by
                  PyInstaller's qt.conf) and whether qtbase_es.qm loads from there
  roundtrip       with `--roundtrip`: set, get and delete a dummy secret through the chosen
                  backend (needs a running Secret Service / Credential Manager / Keychain)
build.py checks that line.
"""

import json
import os
import sys

SERVICE = "QRCashier-build-probe"


def main() -> int:
    report = {
        "frozen": bool(getattr(sys, "frozen", False)),
        "platform": sys.platform,
        "env_backend": os.environ.get("PYTHON_KEYRING_BACKEND"),
    }
    try:
        import keyrings.alt  # noqa: F401

        report["keyrings_alt"] = "importable"
    except ImportError:
        report["keyrings_alt"] = "absent"
    backend = None
    try:
        import keyring

        backend = keyring.get_keyring()
        report["backend"] = f"{type(backend).__module__}.{type(backend).__name__}"
        report["error"] = None
    except Exception as exc:  # the plain message is the point
        report["backend"] = None
        report["error"] = f"{type(exc).__name__}: {exc}"
    try:
        from qrcashier.token_store import choose_backend
    except ImportError as exc:
        report["token_store"] = f"absent ({exc})"
    else:
        choice = choose_backend()
        report["token_store"] = {"name": choice.name, "secure": choice.is_secure, "warning": choice.warning,
                                 "tried": list(choice.tried)}
    try:
        from PySide6.QtCore import QLibraryInfo, QTranslator

        path = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        translator = QTranslator()
        report["qt_translations"] = {"path": path, "qtbase_es_loaded": translator.load("qtbase_es", path)}
    except ImportError as exc:
        report["qt_translations"] = f"PySide6 absent ({exc})"
    if "--roundtrip" in sys.argv and backend is not None:
        try:
            backend.set_password(SERVICE, "probe", "not-a-token")
            got = backend.get_password(SERVICE, "probe")
            backend.delete_password(SERVICE, "probe")
            report["roundtrip"] = "ok" if got == "not-a-token" else f"read back {got!r}"
        except Exception as exc:
            report["roundtrip"] = f"{type(exc).__name__}: {exc}"
    print(json.dumps(report), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
