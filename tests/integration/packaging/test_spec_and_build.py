"""The spec, build.py, the version resource, the icons and CI's build line (no real build here)."""

from __future__ import annotations

import ast
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from tests.unit.packaging.conftest import PACKAGING, ROOT

SPEC = PACKAGING / "qrcashier.spec"


class Recorder:
    """Stands in for PyInstaller's spec globals and records what the spec passes them."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, tuple, dict]] = []

    def factory(self, kind: str):
        def make(*args, **kwargs):
            self.calls.append((kind, args, kwargs))
            return SimpleObject(kind, args, kwargs)

        return make

    def of(self, kind: str) -> list[tuple[tuple, dict]]:
        return [(a, k) for c, a, k in self.calls if c == kind]


class SimpleObject:
    def __init__(self, kind, args, kwargs) -> None:
        self.kind, self.args, self.kwargs = kind, args, kwargs
        self.pure = self.scripts = self.binaries = self.datas = []


def run_spec(tmp_path: Path, platform: str, monkeypatch, env: dict[str, str] | None = None) -> Recorder:
    rec = Recorder()
    monkeypatch.setattr(sys, "platform", platform)
    monkeypatch.delenv("QRCASHIER_PROBE", raising=False)
    for key, value in (env or {}).items():
        monkeypatch.setenv(key, value)
    namespace = {
        "__file__": str(SPEC),
        "SPECPATH": str(PACKAGING),
        "workpath": str(tmp_path / "work"),
        "DISTPATH": str(tmp_path / "dist"),
        **{kind: rec.factory(kind) for kind in ("Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE")},
    }
    exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), namespace)
    return rec


def test_the_spec_is_valid_python():
    ast.parse(SPEC.read_text(encoding="utf-8"), filename=str(SPEC))


def test_linux_spec_is_onedir_windowed_without_upx_or_test_tools(tmp_path, monkeypatch, packaging_path):
    rec = run_spec(tmp_path, "linux", monkeypatch)
    [(_, analysis)] = rec.of("Analysis")
    [(_, exe)] = rec.of("EXE")
    [(_, coll)] = rec.of("COLLECT")
    assert exe["exclude_binaries"] is True and coll["name"] == "qrcashier"  # onedir
    assert exe["name"] == "qrcashier" and exe["console"] is False
    assert exe["upx"] is False and coll["upx"] is False
    assert exe["strip"] is True and coll["strip"] is True  # debug info out (36 MB)
    assert {"PySide6.QtNetwork", "PySide6.QtDBus"} <= set(analysis["excludes"])
    for tool in ("pytest", "_pytest", "respx", "hypothesis", "pygments", "rich", "IPython", "tkinter", "keyrings"):
        assert tool in analysis["excludes"], tool
    hooks = [Path(h) for h in analysis["runtime_hooks"]]
    assert {h.name for h in hooks} == {"rthook_keyring.py", "rthook_stdio.py"}
    assert all(h.is_file() for h in hooks)
    assert "keyring.backends.SecretService" in analysis["hiddenimports"]
    assert Path(analysis["pathex"][0]) == ROOT / "app"
    dests = {(Path(src).name, dest) for src, dest in analysis["datas"]}
    assert ("phone.html", "qrcashier/sandbox") in dests
    assert ("demo_catalog.csv", "qrcashier/catalog") in dests
    assert all(Path(src).is_file() for src, _ in analysis["datas"])
    assert exe["icon"] is None and exe["version"] is None  # ELF has neither
    assert rec.of("BUNDLE") == []


def test_windows_spec_has_icon_and_version_resource(tmp_path, monkeypatch, packaging_path):
    rec = run_spec(tmp_path, "win32", monkeypatch)
    [(_, exe)] = rec.of("EXE")
    assert Path(exe["icon"]).name == "qrcashier.ico" and Path(exe["icon"]).is_file()
    assert exe["strip"] is False  # no strip tool for PE files
    version_file = Path(exe["version"])
    text = version_file.read_text(encoding="utf-8")
    import winversion

    assert f"StringStruct('ProductVersion', '{winversion.read_version(ROOT)}')" in text


def test_macos_spec_makes_an_app_bundle(tmp_path, monkeypatch, packaging_path):
    rec = run_spec(tmp_path, "darwin", monkeypatch)
    [(_, exe)] = rec.of("EXE")
    [(_, bundle)] = rec.of("BUNDLE")
    assert Path(exe["icon"]).name == "qrcashier.icns"
    assert bundle["name"] == "QR Cashier.app" and bundle["bundle_identifier"]


def test_the_probe_is_built_only_when_asked(tmp_path, monkeypatch, packaging_path):
    assert len(run_spec(tmp_path, "linux", monkeypatch).of("EXE")) == 1
    rec = run_spec(tmp_path, "linux", monkeypatch, {"QRCASHIER_PROBE": "1"})
    names = sorted(k["name"] for _, k in rec.of("EXE"))
    assert names == ["qrcashier", "qrcashier-probe"]
    assert sorted(k["name"] for _, k in rec.of("COLLECT")) == ["qrcashier", "qrcashier-probe"]


def test_package_data_covers_every_tracked_data_file(packaging_path):
    import bundle

    collected = {Path(src).resolve() for src, _ in bundle.package_data(ROOT)}
    try:
        tracked = subprocess.run(["git", "ls-files", "app/qrcashier"], cwd=ROOT, capture_output=True, text=True,
                                 check=True).stdout.split()
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout")
    data = {(ROOT / p).resolve() for p in tracked if not p.endswith(".py")}
    assert data, "expected phone.html and the demo catalog at least"
    assert data <= collected, data - collected


def test_forbidden_modules_include_the_test_tools_and_keyrings_alt(packaging_path):
    import bundle

    for name in ("pytest", "_pytest", "respx", "hypothesis", "keyrings", "pygments", "rich", "tkinter"):
        assert name in bundle.FORBIDDEN_MODULES
    assert "httpx" not in bundle.FORBIDDEN_MODULES


def test_version_numbers_for_windows(packaging_path):
    import winversion

    assert winversion.version_tuple("0.1.0") == (0, 1, 0, 0)
    assert winversion.version_tuple("1.2.3.4.5") == (1, 2, 3, 4)
    assert winversion.version_tuple("2.0rc1") == (2, 0, 0, 0)
    assert winversion.version_tuple("70000") == (65535, 0, 0, 0)
    import qrcashier

    assert winversion.read_version(ROOT) == qrcashier.__version__


def test_version_resource_text_evaluates_with_pyinstallers_names(packaging_path):
    import winversion

    text = winversion.version_info_text("1.4.2")

    def record(name):
        return lambda *a, **k: (name, a, k)

    names = ("VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct", "VarFileInfo",
             "VarStruct")
    tree = eval(text, {n: record(n) for n in names})  # the format PyInstaller evals
    assert tree[0] == "VSVersionInfo"
    ffi = tree[2]["ffi"]
    assert ffi[2]["filevers"] == (1, 4, 2, 0)
    strings = dict(s[1] for s in tree[2]["kids"][0][1][0][0][1][1])
    assert strings["FileVersion"] == "1.4.2" and strings["OriginalFilename"] == "qrcashier.exe"


def test_build_help_runs_without_building():
    out = subprocess.run([sys.executable, str(PACKAGING / "build.py"), "--help"], capture_output=True, text=True,
                         timeout=60)
    assert out.returncode == 0, out.stderr
    for option in ("--skip-venv", "--probe", "--python"):
        assert option in out.stdout


def test_build_reads_the_apps_log_timestamps(packaging_path):
    import build

    stamp = build._log_time("2026-11-25 04:31:26,255 INFO    qrcashier.app: QR Cashier starting")
    assert stamp is not None and abs(stamp % 1 - 0.255) < 1e-6
    assert build._log_time("not a log line") is None


def test_icons_are_small_and_well_formed():
    icons = ROOT / "resources" / "icons"
    png = (icons / "qrcashier.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", png[16:24]) == (256, 256)
    ico = (icons / "qrcashier.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1) and count >= 4
    sizes = {ico[6 + 16 * i] or 256 for i in range(count)}
    assert {16, 32, 48, 256} <= sizes
    icns = (icons / "qrcashier.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)
    for path in icons.iterdir():
        assert path.stat().st_size < 50_000, path


def test_ci_builds_the_executable_after_the_tests():
    lines = [line.strip() for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()]
    tests = next(i for i, line in enumerate(lines) if "-m pytest" in line)
    build = next(i for i, line in enumerate(lines) if line.startswith("python3 packaging/build.py"))
    assert build > tests
