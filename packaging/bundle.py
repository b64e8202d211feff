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
    # Pillow's FreeType and colour-management cores: ImageFont and ImageCms import without them
    # (a DeferredError until used), and nothing draws text or converts colour profiles
    # (FreeType, HarfBuzz, lcms2 and brotli: about 3 MB).
    "PIL._imagingft", "PIL._imagingcms",
    # lxml's objectify, html and schematron (about 4 MB): zeep parses with lxml.etree only.
    "lxml.objectify", "lxml.html", "lxml.isoschematron",
    # psycopg's own libpq build (9.5 MB: libpq with its own OpenSSL, Kerberos, LDAP and SASL):
    # psycopg then talks to the system's libpq (Debian/Ubuntu: libpq5), like libcups below.
    "psycopg_binary",
]

# `build.py --trial`: the dependencies other branches are adding (the store database, ARCA's
# invoices), installed into the build venv and imported by name, so the size budget is
# measured with them before they land. Requirement -> the modules their code will import.
TRIAL_REQUIREMENTS = {
    "psycopg[binary]>=3.2": ["psycopg", "psycopg.pq", "psycopg_binary", "psycopg_binary.pq"],
    "psycopg-pool>=3.2": ["psycopg_pool"],
    "zeep>=4.2": ["zeep", "zeep.transports", "zeep.wsse"],
    "lxml>=5": ["lxml.etree"],
    "cryptography>=42": ["cryptography.x509", "cryptography.hazmat.primitives.serialization.pkcs7",
                         "cryptography.hazmat.primitives.hashes"],
}
TRIAL_ENV = "QRCASHIER_TRIAL_IMPORTS"


def trial_modules() -> list[str]:
    return [name for names in TRIAL_REQUIREMENTS.values() for name in names]


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

# Linux: Qt's ICU data library (libicudata, 31 MB of collation, conversion, break-iterator and
# locale tables) is replaced by an empty one, like ICU's own "stubdata" build. Qt uses ICU
# for QCollator and localeAwareCompare, locale-specific case mapping and non-Unicode text
# codecs; the app uses none of them (its sorting, search folding and formatting are its own
# and Qt's built-in CLDR and Unicode tables), and Qt checks every ICU call and falls back.
# The stub exports the same symbol (icudt<version>_dat: an ICU data header with no entries),
# compiled here with the system's C compiler; without one the real library stays.
ICU_STUB_SOURCE = r"""
#include <stdint.h>
struct toc_entry { const char *name; const void *data; };
struct icu_data_header {
    uint16_t header_size; uint8_t magic1, magic2;
    uint16_t info_size, info_reserved;
    uint8_t big_endian, charset_family, sizeof_uchar, reserved_byte;
    uint8_t data_format[4], format_version[4], data_version[4];
    char padding[8];
    uint32_t count, reserved;
    struct toc_entry toc[1];
};
__attribute__((visibility("default"))) const struct icu_data_header SYMBOL = {
    32, 0xda, 0x27, 20, 0, 0, 0, 2, 0,
    {0x54, 0x6f, 0x43, 0x50}, {1, 0, 0, 0}, {0, 0, 0, 0}, {0}, 0, 0, {{0, 0}}
};
"""


def icu_data_symbol(path: str) -> str | None:
    """The ICU data symbol (icudt73_dat) a libicudata defines, or None."""
    out = subprocess.run(["readelf", "--dyn-syms", "-W", path], capture_output=True, text=True, check=False).stdout
    match = re.search(r"\bDEFAULT\s+\d+\s+(icudt\d+_dat)\b", out)
    return match.group(1) if match else None


def icu_stub(real: str, workdir: Path) -> Path | None:
    """An empty ICU data library standing in for `real` (same soname and symbol), or None when
    it cannot be made here (no C compiler, no readelf, an unexpected library)."""
    compiler = shutil.which("cc") or shutil.which("gcc")
    symbol = icu_data_symbol(real) if shutil.which("readelf") else None
    if compiler is None or symbol is None:
        return None
    soname = Path(real).name
    workdir.mkdir(parents=True, exist_ok=True)
    source = workdir / "icudata_stub.c"
    source.write_text(ICU_STUB_SOURCE.replace("SYMBOL", symbol), encoding="ascii")
    out = workdir / soname
    result = subprocess.run([compiler, "-shared", "-fPIC", "-O2", f"-Wl,-soname,{soname}", "-o", str(out), str(source)],
                            capture_output=True, text=True, check=False)
    if result.returncode != 0 or icu_data_symbol(str(out)) != symbol:
        return None
    return out


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


def lean(binaries: list, datas: list, platform: str, workdir: Path | None = None) -> tuple[list, list, list[str]]:
    """Analysis' binaries and datas (TOC entries: bundle path first, source second) without the
    Qt plugins and translations the app does not use, libcups, and (on Linux, where the
    links can be read) the libraries nothing kept links to; with `workdir`, Qt's ICU data
    swapped for the empty stub (made there). Also returns what was dropped (the ICU data
    as "<path> (stub)")."""
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
    if platform.startswith("linux") and workdir is not None:
        for index, entry in enumerate(binaries):
            if Path(entry[0]).name.startswith("libicudata.so"):
                stub = icu_stub(entry[1], Path(workdir))
                if stub is not None:
                    binaries[index] = (entry[0], str(stub), *entry[2:])
                    dropped.append(f"{entry[0]} (stub)")
    return binaries, datas, dropped


def biggest(root: Path, limit: int = 15) -> list[tuple[str, int]]:
    """The largest items of a built folder, for the size report: each top-level package folder
    of the bundle (PySide6's Qt split into lib, plugins and the rest) and each loose file, by
    bytes on disk, largest first."""
    inner = root / "_internal" if (root / "_internal").is_dir() else root
    sizes: dict[str, int] = {}
    for item in inner.rglob("*"):
        if not item.is_file() or item.is_symlink():
            continue
        parts = item.relative_to(inner).parts
        key = parts[0]
        if parts[:2] == ("PySide6", "Qt") and len(parts) > 3:
            key = "/".join(parts[:3])
        elif len(parts) > 1 and parts[0].endswith(".libs"):
            key = parts[0]
        sizes[key] = sizes.get(key, 0) + item.stat().st_size
    return sorted(sizes.items(), key=lambda kv: -kv[1])[:limit]
