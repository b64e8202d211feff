"""The lean bundle's choices (packaging/bundle.py), on made-up TOC entries: no build here."""

from __future__ import annotations

import shutil
import sys

import pytest

from tests.unit.packaging.conftest import PACKAGING, load

bundle = load(PACKAGING / "bundle.py", "bundle_under_test")
QT = "PySide6/Qt"


@pytest.mark.parametrize(
    ("dest", "platform", "kept"),
    [
        (f"{QT}/plugins/platforms/libqxcb.so", "linux", True),
        (f"{QT}/plugins/platforms/libqwayland.so", "linux", True),
        (f"{QT}/plugins/platforms/libqoffscreen.so", "linux", True),
        (f"{QT}/plugins/platforms/libqeglfs.so", "linux", False),
        (f"{QT}/plugins/platforms/libqvnc.so", "linux", False),
        (f"{QT}/plugins/platformthemes/libqgtk3.so", "linux", False),
        (f"{QT}/plugins/imageformats/libqjpeg.so", "linux", False),
        (f"{QT}/plugins/tls/libqopensslbackend.so", "linux", False),
        (f"{QT}/plugins/wayland-shell-integration/libxdg-shell.so", "linux", True),
        (f"{QT}/plugins/platforminputcontexts/libcomposeplatforminputcontextplugin.so", "linux", True),
        (f"{QT}/plugins/printsupport/libcupsprintersupport.so", "linux", True),
        ("PySide6/plugins/platforms/qwindows.dll", "win32", True),
        ("PySide6/plugins/styles/qmodernwindowsstyle.dll", "win32", True),
        ("PySide6/plugins/platforms/qdirect2d.dll", "win32", False),
        (f"{QT}/plugins/platforms/libqcocoa.dylib", "darwin", True),
        (f"{QT}/translations/qtbase_es.qm", "linux", True),
        (f"{QT}/translations/qtbase_pt_BR.qm", "linux", True),
        (f"{QT}/translations/qtbase_de.qm", "linux", False),
        (f"{QT}/translations/qt_help_es.qm", "linux", False),
        ("qrcashier/translations/qrcashier_es.qm", "linux", True),  # ours: always
        (f"{QT}/lib/libQt6Gui.so.6", "linux", True),  # libraries: the orphan prune decides
    ],
)
def test_only_the_qt_plugins_and_translations_the_app_uses_stay(dest, platform, kept):
    assert bundle.keep_qt_file(dest, platform) is kept


def test_the_qt_bindings_nothing_imports_are_excluded():
    assert {"PySide6.QtNetwork", "PySide6.QtDBus"} <= set(bundle.EXCLUDES)
    assert "PySide6" not in bundle.FORBIDDEN_MODULES and "PIL" not in bundle.FORBIDDEN_MODULES
    assert bundle.is_system_library("libdbus-1.so.3") and bundle.is_system_library("libcups.so.2")


LINKS = {
    "src/libqgtk3.so": ["libgtk-3.so.0", "libQt6Gui.so.6"],
    "src/libgtk-3.so.0": ["libcairo.so.2", "libglib-2.0.so.0"],
    "src/libcairo.so.2": ["libpixman-1.so.0"],
    "src/libqxcb.so": ["libQt6XcbQpa.so.6"],
    "src/libQt6XcbQpa.so.6": ["libQt6Gui.so.6", "libxcb-cursor.so.0"],
    "src/libQt6Gui.so.6": ["libQt6Core.so.6", "libglib-2.0.so.0"],
    "src/libqopensslbackend.so": ["libQt6Network.so.6"],
    "src/libcupsprintersupport.so": ["libcups.so.2", "libQt6PrintSupport.so.6"],
    "src/libcups.so.2": ["libgnutls.so.30"],
    "src/_imaging.cpython-311-x86_64-linux-gnu.so": ["libjpeg-1a2b.so.62"],
}


def binaries() -> list[tuple[str, str, str]]:
    dests = [
        f"{QT}/plugins/platformthemes/libqgtk3.so", f"{QT}/plugins/platforms/libqxcb.so",
        f"{QT}/plugins/printsupport/libcupsprintersupport.so", f"{QT}/plugins/tls/libqopensslbackend.so",
        "PIL/_imaging.cpython-311-x86_64-linux-gnu.so", "pillow.libs/libjpeg-1a2b.so.62",
        "libgtk-3.so.0", "libcairo.so.2", "libpixman-1.so.0", "libglib-2.0.so.0", "libxcb-cursor.so.0",
        f"{QT}/lib/libQt6XcbQpa.so.6", f"{QT}/lib/libQt6Gui.so.6", f"{QT}/lib/libQt6Core.so.6",
        f"{QT}/lib/libQt6Network.so.6", f"{QT}/lib/libQt6PrintSupport.so.6",
        "libcups.so.2", "libgnutls.so.30",
        "libusb-1.0.so.0",  # pyusb opens it with ctypes: nothing links it, even in the full bundle
    ]
    return [(dest, f"src/{dest.rsplit('/', 1)[-1]}", "BINARY") for dest in dests]


def test_lean_drops_what_only_the_left_out_files_link_and_keeps_the_rest(monkeypatch):
    monkeypatch.setattr(bundle.shutil, "which", lambda name: f"/usr/bin/{name}")
    monkeypatch.setattr(bundle, "elf_needed", lambda path: LINKS.get(path, []))
    datas = [(f"{QT}/translations/qtbase_de.qm", "src/de", "DATA"), (f"{QT}/translations/qtbase_es.qm", "s", "DATA")]
    kept, kept_datas, dropped = bundle.lean(binaries(), datas, "linux")
    names = {dest.rsplit("/", 1)[-1] for dest, _, _ in kept}
    # The GTK theme and what only it linked are gone; glib stays (QtGui links it too).
    assert not {"libqgtk3.so", "libgtk-3.so.0", "libcairo.so.2", "libpixman-1.so.0"} & names
    assert {"libqxcb.so", "libQt6XcbQpa.so.6", "libQt6Gui.so.6", "libglib-2.0.so.0", "libxcb-cursor.so.0"} <= names
    # libcups comes from the system, and its gnutls chain with it; its Qt plugin stays.
    assert not {"libcups.so.2", "libgnutls.so.30"} & names and "libcupsprintersupport.so" in names
    # QtNetwork's library went with the tls plugin; Pillow's own libjpeg and ctypes' libusb stay.
    assert "libQt6Network.so.6" not in names
    assert {"libjpeg-1a2b.so.62", "libusb-1.0.so.0"} <= names
    assert [d for d, _, _ in kept_datas] == [f"{QT}/translations/qtbase_es.qm"]
    assert f"{QT}/plugins/platformthemes/libqgtk3.so" in dropped and "libgtk-3.so.0" in dropped


def test_without_readelf_only_the_plugin_and_translation_choices_apply(monkeypatch):
    monkeypatch.setattr(bundle.shutil, "which", lambda name: None)
    kept, _, dropped = bundle.lean(binaries(), [], "linux")
    names = {dest.rsplit("/", 1)[-1] for dest, _, _ in kept}
    assert "libgtk-3.so.0" in names and "libqgtk3.so" not in names and "libcups.so.2" not in names
    assert len(kept) + len(dropped) == len(binaries())


@pytest.mark.skipif(not sys.platform.startswith("linux") or shutil.which("readelf") is None,
                    reason="ELF and binutils' readelf only")
def test_elf_needed_reads_a_real_library():
    import _ssl

    assert "libc.so.6" in bundle.elf_needed(_ssl.__file__)


def test_the_coming_dependencies_leave_their_heavy_optional_parts_behind():
    excluded = set(bundle.EXCLUDES)
    assert {"psycopg_binary", "lxml.objectify", "lxml.html", "PIL._imagingft", "PIL._imagingcms"} <= excluded
    # ...but never what the app's own imports need: zeep parses with lxml.etree, python-escpos
    # imports PIL.Image, psycopg's Python implementation talks to the system's libpq.
    assert not {"lxml", "lxml.etree", "PIL", "PIL.Image", "psycopg", "zeep", "cryptography"} & excluded
    assert "psycopg_binary" in bundle.FORBIDDEN_MODULES
    assert set(bundle.trial_modules()) >= {"psycopg", "psycopg_pool", "zeep", "lxml.etree", "cryptography.x509"}


def test_the_icu_data_is_swapped_for_the_stub_only_where_one_was_made(monkeypatch, tmp_path):
    monkeypatch.setattr(bundle.shutil, "which", lambda name: None)  # no readelf: no orphan prune either
    made = tmp_path / "libicudata.so.73"
    entries = [(f"{QT}/lib/libicudata.so.73", "src/libicudata.so.73", "BINARY"),
               (f"{QT}/lib/libQt6Core.so.6", "c", "BINARY")]
    monkeypatch.setattr(bundle, "icu_stub", lambda real, workdir: made)
    kept, _, dropped = bundle.lean(entries, [], "linux", tmp_path)
    assert kept[0] == (f"{QT}/lib/libicudata.so.73", str(made), "BINARY") and kept[1] == entries[1]
    assert dropped == [f"{QT}/lib/libicudata.so.73 (stub)"]
    monkeypatch.setattr(bundle, "icu_stub", lambda real, workdir: None)  # no compiler: the real one stays
    assert bundle.lean(entries, [], "linux", tmp_path)[0] == entries
    assert bundle.lean(entries, [], "win32", tmp_path)[0] == entries  # Windows' Qt uses the system's ICU


@pytest.mark.skipif(not sys.platform.startswith("linux") or not (shutil.which("readelf") and shutil.which("cc")),
                    reason="ELF, readelf and a C compiler only")
def test_the_icu_stub_defines_the_same_symbol_and_soname_as_the_real_library(tmp_path):
    import subprocess

    real_dir = tmp_path / "real"
    real_dir.mkdir()
    source = real_dir / "real.c"
    source.write_text("const char icudt99_dat[64] = {1};\n", encoding="ascii")
    real = real_dir / "libicudata.so.99"
    subprocess.run(["cc", "-shared", "-fPIC", "-Wl,-soname,libicudata.so.99", "-o", str(real), str(source)], check=True)
    assert bundle.icu_data_symbol(str(real)) == "icudt99_dat"
    stub = bundle.icu_stub(str(real), tmp_path / "stub")
    assert stub is not None and stub.name == "libicudata.so.99"
    assert bundle.icu_data_symbol(str(stub)) == "icudt99_dat"
    assert "libicudata.so.99" in subprocess.run(["readelf", "-d", str(stub)], capture_output=True, text=True).stdout
    not_icu = real_dir / "libother.so"
    source.write_text("int other = 1;\n", encoding="ascii")
    subprocess.run(["cc", "-shared", "-fPIC", "-o", str(not_icu), str(source)], check=True)
    assert bundle.icu_stub(str(not_icu), tmp_path / "other") is None
