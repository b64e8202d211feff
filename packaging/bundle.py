"""What goes into the frozen build and what must never: shared by the spec, build.py and tests."""

from __future__ import annotations

from pathlib import Path

# Test tools (the [test] extra and what it pulls in) and the plaintext keyring: none may be
# in the build environment that build.py makes, nor in the executable.
TEST_TOOLS = [
    "pytest", "_pytest", "pytestqt", "pytest_asyncio", "pytest_timeout",
    "respx", "hypothesis", "zxingcpp", "numpy",
    "keyrings",  # keyrings.alt (PlaintextKeyring) and any other third-party backend
]

# What the spec excludes. Optional imports drag in developer tools (httpx._main -> rich,
# pygments, click; anyio -> _pytest; qt-notes §4); the app needs none of them.
EXCLUDES = TEST_TOOLS + [
    "pygments", "rich", "click", "IPython", "tkinter", "_tkinter",
    "httpx._main",
    "setuptools", "pkg_resources", "pip",
]

# Top-level names that must not be in the built executable's module archive.
FORBIDDEN_MODULES = sorted({name.split(".")[0] for name in EXCLUDES if "." not in name})

# The keyring backends the app names (qrcashier.token_store imports them by name, which
# PyInstaller cannot see) and the one the runtime hook names: all must be in the build.
KEYRING_BACKEND_MODULES = [
    "keyring.backends.SecretService",  # Linux
    "keyring.backends.libsecret",  # Linux, through libsecret (needs PyGObject on the system)
    "keyring.backends.kwallet",  # Linux, KDE (needs dbus-python)
    "keyring.backends.Windows",
    "keyring.backends.macOS",
]

SKIP_SUFFIXES = {".py", ".pyc", ".pyo", ".pyd", ".so"}
SKIP_DIRS = {"__pycache__"}


def package_data(root: Path, package: str = "qrcashier") -> list[tuple[str, str]]:
    """Every non-code file under app/<package> as (source file, destination folder) for Analysis(datas=).

    Read from the source tree, the same tree the spec analyses (pathex=app), so phone.html,
    the demo catalog, translations (.qm) and whatever is added later come along without a
    list to keep in step.
    """
    base = Path(root) / "app"
    out = []
    for path in sorted((base / package).rglob("*")):
        if not path.is_file() or path.suffix in SKIP_SUFFIXES:
            continue
        if SKIP_DIRS.intersection(path.relative_to(base).parts):
            continue
        out.append((str(path), str(path.parent.relative_to(base).as_posix())))
    return out


# Linux: the shared libraries Qt's xcb platform plugin loads at run time that are not part
# of a minimal X11 install (Debian/Ubuntu package names; Qt 6 linux-requirements page and
# qt-notes §4). PyInstaller copies those it finds on the build machine into the bundle, so
# build.py warns when one is missing there; README, "Installing QR Cashier" asks targets for them too.
XCB_PACKAGES = [
    "libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxcb-image0", "libxcb-randr0",
    "libxcb-render-util0", "libxcb-xinerama0", "libxcb-shape0", "libxkbcommon-x11-0",
]
XCB_SONAMES = [
    "libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-keysyms.so.1", "libxcb-image.so.0",
    "libxcb-randr.so.0", "libxcb-render-util.so.0", "libxcb-shape.so.0", "libxkbcommon-x11.so.0",
]

# Qt platform plugins the executable must carry, per sys.platform prefix.
PLATFORM_PLUGINS = {
    "linux": ["libqxcb.so", "libqoffscreen.so", "libqwayland.so"],
    "win32": ["qwindows.dll", "qoffscreen.dll"],
    "darwin": ["libqcocoa.dylib", "libqoffscreen.dylib"],
}
