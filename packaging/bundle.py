"""What goes into the frozen build and what must never: shared by the spec, build.py and tests."""

from __future__ import annotations

import functools
import re
import shutil
import subprocess
from collections.abc import Callable
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
    # Qt bindings nothing imports: PySide6's __init__ pulls QtNetwork in on Windows only, QtDBus
    # comes with the Linux wheel; httpx does the HTTP and jeepney the Secret Service's D-Bus.
    "PySide6.QtNetwork", "PySide6.QtDBus",
    # Pillow (python-escpos' images): receipts carry PNG/BMP logos and QR codes; the AVIF and
    # WebP codecs (6 MB of libraries) and the Tk bridge are never used.
    "PIL._avif", "PIL.AvifImagePlugin", "PIL._webp", "PIL.WebPImagePlugin", "PIL._imagingtk", "PIL.ImageTk",
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


# --- the lean bundle (issue 15) ------------------------------------------------------------------
# Qt plugin folders the app loads, per platform; every other plugin is left out. The app
# paints its own palette (no platform theme: the GTK one alone drags in GTK, cairo, pango,
# atk and epoxy), loads no image files but PNG, which QtGui reads itself (no imageformats or
# iconengines), and does all HTTP with httpx (no tls or networkinformation). Wayland's
# platform plugin needs its shell, decoration and graphics integrations; platforminputcontexts
# keeps compose keys and input methods (accents typed into a free item's name).
QT_PLUGIN_DIRS = {
    "linux": {"platforms", "xcbglintegrations", "platforminputcontexts", "printsupport",
              "wayland-shell-integration", "wayland-decoration-client", "wayland-graphics-integration-client"},
    "win32": {"platforms", "styles", "printsupport"},
    "darwin": {"platforms", "styles", "printsupport"},
}
# Within platforms/, the ones a register runs on (and offscreen for the self-test and CI).
QT_PLATFORMS = {
    "linux": ("libqxcb", "libqoffscreen", "libqwayland"),
    "win32": ("qwindows", "qoffscreen"),
    "darwin": ("libqcocoa", "libqoffscreen"),
}
# Qt's own translations: only the languages the app offers (ui/shell/i18n.py loads qtbase_<lang>).
QT_TRANSLATIONS = ("qtbase_es.qm", "qtbase_pt_BR.qm", "qtbase_pt.qm")
# Taken from the system, not bundled: libcups must match the system's CUPS (its client
# configuration, its server's protocol), and with its gnutls chain it is 7.6 MB. Where the
# system has CUPS, Qt's cups print plugin loads the system's libcups; where it has none,
# only that plugin fails to load and the app runs without printers. libdbus-1 likewise: QtGui
# links it, every Linux desktop has it (the session runs on D-Bus), and bundled it brings
# libsystemd, libgcrypt and their compressors (3.4 MB) that must match the system anyway.
SYSTEM_LIBRARIES = ("libcups.so", "libdbus-1.so")


def _platform_key(platform: str) -> str:
    return next((k for k in QT_PLUGIN_DIRS if platform.startswith(k)), "linux")


def _qt_relative(dest: str, marker: str) -> str | None:
    """The part of a bundle path after `.../PySide6[/Qt]/<marker>/`, or None."""
    parts = Path(dest).as_posix().split("/")
    if "PySide6" not in parts or marker not in parts:
        return None
    return "/".join(parts[parts.index(marker) + 1:])


def keep_qt_file(dest: str, platform: str) -> bool:
    """Whether a bundled file (its path inside the bundle) stays: Qt plugins and translations
    are filtered, everything else stays (the orphan prune below handles libraries)."""
    key = _platform_key(platform)
    plugin = _qt_relative(dest, "plugins")
    if plugin is not None:
        folder, _, name = plugin.partition("/")
        if folder not in QT_PLUGIN_DIRS[key]:
            return False
        return folder != "platforms" or name.startswith(QT_PLATFORMS[key])
    translation = _qt_relative(dest, "translations")
    if translation is not None:
        return translation in QT_TRANSLATIONS
    return True


def is_system_library(dest: str) -> bool:
    return Path(dest).name.startswith(SYSTEM_LIBRARIES)


def is_root_binary(dest: str) -> bool:
    """A binary loaded by Python or Qt itself, not only because another binary links it:
    extension modules, Qt plugins and libpython. Every other library stays only if a root
    (or a library a root needs) links it."""
    posix = Path(dest).as_posix()
    name = posix.rsplit("/", 1)[-1]
    return (
        "/plugins/" in f"/{posix}" or "lib-dynload/" in posix or name.startswith("libpython")
        or ".cpython-" in name or name.endswith((".abi3.so", ".pyd"))
    )


def orphans(dests: dict[str, str], needed: Callable[[str], list[str]], *, system: bool = True) -> set[str]:
    """The libraries (bundle paths) nothing kept links to. `dests` maps each binary's path in
    the bundle to its source file; `needed(source)` lists the sonames it links (DT_NEEDED).
    `system`: the system's libraries (libcups) are not followed, their own needs left out."""
    by_name: dict[str, list[str]] = {}
    for dest in dests:
        by_name.setdefault(Path(dest).name, []).append(dest)
    reached = {dest for dest in dests if is_root_binary(dest)}
    todo = list(reached)
    while todo:
        dest = todo.pop()
        for soname in needed(dests[dest]):
            for other in by_name.get(soname, ()):
                if other not in reached and not (system and is_system_library(other)):
                    reached.add(other)
                    todo.append(other)
    return {dest for dest in dests if dest not in reached}


def elf_needed(path: str) -> list[str]:
    """The DT_NEEDED sonames of an ELF file (readelf, from binutils, as PyInstaller needs)."""
    out = subprocess.run(["readelf", "-d", path], capture_output=True, text=True, check=False).stdout
    return re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", out)


def lean(binaries: list, datas: list, platform: str) -> tuple[list, list, list[str]]:
    """Analysis' binaries and datas (TOC entries: bundle path first, source second) without the
    Qt plugins and translations the app does not use, libcups, and (on Linux, where the
    links can be read) the libraries nothing kept links to. Also returns what was dropped."""
    dropped: list[str] = []

    def keep(entry) -> bool:
        ok = keep_qt_file(entry[0], platform) and not is_system_library(entry[0])
        if not ok:
            dropped.append(entry[0])
        return ok

    everything = {entry[0]: entry[1] for entry in binaries}
    binaries = [entry for entry in binaries if keep(entry)]
    datas = [entry for entry in datas if keep(entry)]
    if platform.startswith("linux") and shutil.which("readelf"):
        needed = functools.cache(elf_needed)
        # Only what the left-out files alone linked: a library nothing links even in the full
        # bundle is loaded another way (ctypes: pyusb's libusb, for one) and stays.
        unlinked_anyway = orphans(everything, needed, system=False)
        gone = orphans({entry[0]: entry[1] for entry in binaries}, needed) - unlinked_anyway
        dropped += sorted(gone)
        binaries = [entry for entry in binaries if entry[0] not in gone]
    return binaries, datas, dropped
