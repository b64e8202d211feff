"""PyInstaller runtime hook: name the platform's keyring backend explicitly.

In a frozen build keyring cannot find its backends through entry points, so its own
auto-detection (`keyring.get_keyring()`) falls back to `keyring.backends.fail.Keyring`
without a word (qt-notes §0.4, §3). The app's token store (qrcashier.token_store) does not
rely on that: it imports the platform's backend class by name. This hook makes keyring's
own detection agree, for any other caller (a diagnostics report, a library), by naming
the platform backend through keyring's switch, PYTHON_KEYRING_BACKEND, before any app
code runs:

    Windows   keyring.backends.Windows.WinVaultKeyring   (Credential Manager)
    macOS     keyring.backends.macOS.Keyring             (login Keychain)
    Linux     keyring.backends.SecretService.Keyring     (GNOME Keyring, KWallet >= 5.97, KeePassXC)

With that, keyring never probes other backends: on a Linux machine with no Secret
Service, `keyring.get_keyring()` raises RuntimeError("... Secret Service daemon is
neither running nor activatable through D-Bus") instead of quietly storing the token
in a plaintext file. keyrings.alt is not shipped at all (packaging/qrcashier.spec).

A PYTHON_KEYRING_BACKEND already set by the user wins (e.g. KWallet's
keyring.backends.kwallet.DBusKeyring on an older KDE). Importing this file outside a
frozen build changes nothing, so the logic can be unit-tested.
"""

import os
import sys

ENV = "PYTHON_KEYRING_BACKEND"

PLATFORM_BACKENDS = {
    "win32": "keyring.backends.Windows.WinVaultKeyring",
    "darwin": "keyring.backends.macOS.Keyring",
    "linux": "keyring.backends.SecretService.Keyring",
    "freebsd": "keyring.backends.SecretService.Keyring",
}


def platform_backend(platform):
    """The backend's dotted class name for a sys.platform value, or None."""
    for prefix, name in PLATFORM_BACKENDS.items():
        if platform.startswith(prefix):
            return name
    return None


def select_backend(environ, platform):
    """Set environ[ENV] to the platform backend unless already set; return the value in force."""
    chosen = environ.get(ENV, "").strip()
    if chosen:
        return chosen
    name = platform_backend(platform)
    if name is not None:
        environ[ENV] = name
    return name


if getattr(sys, "frozen", False):
    select_backend(os.environ, sys.platform)
