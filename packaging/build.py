"""Build the QR Cashier executable (PyInstaller onedir) and prove it works.

    python packaging/build.py               fresh runtime-only venv in build/venv, then the build
    python packaging/build.py --skip-venv   build with the current environment (quick iteration)
    python packaging/build.py --probe       also build dist/qrcashier-probe and check keyring in it

Steps:
 1. a fresh venv in build/venv with the app and its runtime dependencies only (no [test]
    extra) plus PyInstaller (pinned in packaging/constraints.txt); fails if a test tool
    (pytest, respx, hypothesis, keyrings.alt...) is importable there
 2. PyInstaller with packaging/qrcashier.spec -> dist/qrcashier/qrcashier(.exe)
 3. checks of what went in: no test tools or keyrings.alt in the module archive, the Qt
    platform plugins and Qt's own translations present, every package data file present
 4. cold start: the new executable started with --sandbox on a new data folder, timed to
    the main window's first paint (see cold_start() for exactly what is measured)
 5. `qrcashier --self-test` on the executable (offscreen, temporary data folder); the build
    fails if it fails
Prints executable_size, build_time and cold_start lines at the end. Exit status 0 only if
every step passed. Needs network access to PyPI only (step 1).
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import bundle  # noqa: E402

SPEC = HERE / "qrcashier.spec"
CONSTRAINTS = HERE / "constraints.txt"
VENV = ROOT / "build" / "venv"
WORK = ROOT / "build" / "pyinstaller"
DIST = ROOT / "dist"
APP_DIR = DIST / "qrcashier"
EXE_NAME = "qrcashier.exe" if sys.platform == "win32" else "qrcashier"
PROBE_NAME = "qrcashier-probe.exe" if sys.platform == "win32" else "qrcashier-probe"

MAX_SIZE_MB = 150  # the onedir folder; issue 15: the build fails above it
SELF_TEST_TIMEOUT = 120.0
COLD_START_TIMEOUT = 45.0
COLD_START_RUNS = 3
# The first line the app logs after the main window's first paint (ui/shell/app.py async_main:
# wait_painted(), then services.open_local(), which loads the demo catalog on a new data
# folder and logs it). If the app stops logging it, cold_start says "n/a" and why.
PAINTED_LINE = "demo catalog:"
STARTING_LINE = "QR Cashier starting"
LOG_FILE = "qrcashier.log"
LOG_TIME = re.compile(r"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d),(\d{3}) ")


class BuildError(Exception):
    pass


def say(message: str) -> None:
    print(f"[build] {message}", flush=True)


def run(cmd: list[str], **kwargs) -> subprocess.CompletedProcess:
    say("$ " + " ".join(str(c) for c in cmd))
    result = subprocess.run([str(c) for c in cmd], **kwargs)
    if result.returncode != 0:
        second = cmd[1] if len(cmd) > 1 else ""
        raise BuildError(f"command failed with exit status {result.returncode}: {cmd[0]} {second}")
    return result


def venv_python(venv: Path) -> Path:
    return venv / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")


# --- 1. the runtime-only environment -------------------------------------------------------------

def make_venv(python: str, trial: bool = False) -> Path:
    """A new venv in build/venv: the app (no [test] extra) plus PyInstaller (and with `trial`
    the dependencies of bundle.TRIAL_REQUIREMENTS). Returns its python."""
    if VENV.exists():
        shutil.rmtree(VENV)
    run([python, "-m", "venv", VENV])
    py = venv_python(VENV)
    pip = [py, "-m", "pip", "--disable-pip-version-check", "--no-input"]
    # Editable: the spec analyses app/ itself (pathex), so the venv only has to bring the
    # runtime dependencies and the project's metadata; nothing is copied into build/lib.
    run([*pip, "install", "--quiet", "-c", CONSTRAINTS, "-e", ".[build]"], cwd=ROOT)
    if trial:
        run([*pip, "install", "--quiet", "-c", CONSTRAINTS, *bundle.TRIAL_REQUIREMENTS], cwd=ROOT)
    return py


def find_test_tools(py: Path) -> list[str]:
    """Which of bundle.TEST_TOOLS the interpreter `py` can import (should be none)."""
    code = (
        "import importlib.util, json, sys\n"
        "names = json.loads(sys.argv[1])\n"
        "print(json.dumps([n for n in names if importlib.util.find_spec(n) is not None]))\n"
    )
    out = subprocess.run([str(py), "-c", code, json.dumps(bundle.TEST_TOOLS)], capture_output=True, text=True,
                         check=True)
    return json.loads(out.stdout)


def describe_env(py: Path) -> None:
    code = (
        "import importlib.metadata as m\n"
        "names = ['PySide6-Essentials', 'shiboken6', 'qasync', 'httpx', 'aiohttp', 'keyring', 'SecretStorage', 'segno',"
        " 'pyinstaller', 'pyinstaller-hooks-contrib']\n"
        "out = []\n"
        "for n in names:\n"
        "    try: out.append(f'{n} {m.version(n)}')\n"
        "    except m.PackageNotFoundError: pass\n"
        "import sys; print(f'Python {sys.version.split()[0]}; ' + ', '.join(out))\n"
    )
    out = subprocess.run([str(py), "-c", code], capture_output=True, text=True)
    say("build environment: " + (out.stdout.strip() or out.stderr.strip()))


# --- 2. PyInstaller -------------------------------------------------------------------------------

def pyinstaller(py: Path, probe: bool, trial: bool = False) -> None:
    for path in (WORK, APP_DIR, DIST / "qrcashier-probe", DIST / "QR Cashier.app"):
        if path.exists():
            shutil.rmtree(path)
    env = dict(os.environ)
    env.pop("QRCASHIER_PROBE", None)
    env.pop(bundle.TRIAL_ENV, None)
    if trial:
        env[bundle.TRIAL_ENV] = ",".join(bundle.trial_modules())
    if probe:
        env["QRCASHIER_PROBE"] = "1"
    run([py, "-m", "PyInstaller", SPEC, "--noconfirm", "--distpath", DIST, "--workpath", WORK, "--log-level", "WARN"],
        cwd=ROOT, env=env)
    # Next to the executable for a desktop entry / shortcut (README, "Installing QR Cashier").
    shutil.copy2(ROOT / "resources" / "icons" / "qrcashier.png", APP_DIR / "qrcashier.png")


# --- 3. what went in ------------------------------------------------------------------------------

def archived_modules() -> list[str]:
    """Module names in the executable's PYZ archive, from PyInstaller's table of contents."""
    toc_file = WORK / "qrcashier" / "PYZ-00.toc"
    _name, entries = ast.literal_eval(toc_file.read_text(encoding="utf-8"))
    return [entry[0] for entry in entries]


def internal_dir() -> Path:
    inner = APP_DIR / "_internal"
    return inner if inner.is_dir() else APP_DIR


def check_bundle() -> list[str]:
    """Problems with the contents of dist/qrcashier (empty list = fine)."""
    problems = []
    modules = archived_modules()
    tops = {name.split(".")[0] for name in modules}
    bad = sorted(tops.intersection(bundle.FORBIDDEN_MODULES))
    if bad:
        problems.append(f"forbidden modules in the executable: {', '.join(bad)}")
    inner = internal_dir()
    bad_dirs = sorted(name for name in bundle.FORBIDDEN_MODULES if (inner / name).exists())
    if bad_dirs:
        problems.append(f"forbidden packages in {inner}: {', '.join(bad_dirs)}")
    required = ["keyring", *bundle.KEYRING_BACKEND_MODULES]
    if sys.platform.startswith("linux"):
        required += ["secretstorage", "jeepney"]  # what the Secret Service backend talks D-Bus with
    for name in required:
        if name not in modules:
            problems.append(f"{name} is missing from the executable")
    qt = inner / "PySide6" / "Qt"
    plugins = qt / "plugins" / "platforms"
    if not plugins.is_dir():  # Windows wheels keep plugins at PySide6/plugins
        plugins = inner / "PySide6" / "plugins" / "platforms"
    wanted = next((v for k, v in bundle.PLATFORM_PLUGINS.items() if sys.platform.startswith(k)), [])
    missing = [name for name in wanted if not (plugins / name).exists()]
    if missing:
        problems.append(f"Qt platform plugins missing from {plugins}: {', '.join(missing)}")
    translations = qt / "translations"
    if not translations.is_dir():
        translations = inner / "PySide6" / "translations"
    qms = sorted(p.name for p in translations.glob("qtbase_*.qm")) if translations.is_dir() else []
    if not any(name in qms for name in ("qtbase_es.qm", "qtbase_pt_BR.qm")):
        problems.append(f"Qt's own translations (qtbase_es.qm, qtbase_pt_BR.qm) missing from {translations}")
    for source, dest in bundle.package_data(ROOT):
        if not (inner / dest / Path(source).name).exists():
            problems.append(f"package data missing: {dest}/{Path(source).name}")
    say(f"bundle: {len(modules)} modules; platform plugins: {', '.join(sorted(p.name for p in plugins.glob('*')))}")
    say(f"bundle: {len(qms)} qtbase translations, {len(bundle.package_data(ROOT))} package data files")
    return problems


def xcb_report() -> None:
    """Linux only: which xcb libraries the build machine lacks (then the bundle lacks them too)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        cache = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True).stdout
    except OSError:
        return
    missing = [lib for lib in bundle.XCB_SONAMES if lib not in cache]
    if missing:
        say(f"warning: not on this machine, so not bundled: {', '.join(missing)}. The executable still runs "
            f"offscreen; on a desktop it needs them from the system (README: Installing QR Cashier).")
    plugin = internal_dir() / "PySide6" / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    if plugin.exists() and shutil.which("ldd"):
        env = dict(os.environ, LD_LIBRARY_PATH=str(internal_dir()))
        out = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True, env=env).stdout
        unresolved = sorted({line.split()[0] for line in out.splitlines() if "not found" in line})
        if unresolved:
            say(f"warning: libqxcb.so cannot resolve {', '.join(unresolved)} here")


def folder_size(path: Path) -> tuple[int, int]:
    total = count = 0
    for item in path.rglob("*"):
        if item.is_file() and not item.is_symlink():
            total += item.stat().st_size
            count += 1
    return total, count


# --- 4. cold start --------------------------------------------------------------------------------

def _log_time(line: str) -> float | None:
    match = LOG_TIME.match(line)
    if not match:
        return None
    stamp = datetime.strptime(match.group(1), "%Y-%m-%d %H:%M:%S").timestamp()
    return stamp + int(match.group(2)) / 1000


def one_start(exe: Path, env: dict[str, str]) -> tuple[float | None, float | None, str]:
    """Start the app on a new data folder; ms to the 'starting' and the 'painted' log lines."""
    with tempfile.TemporaryDirectory(prefix="qrcashier-coldstart-") as data:
        log = Path(data) / LOG_FILE
        started = time.time()
        proc = subprocess.Popen([str(exe), "--sandbox", "--data-dir", data], env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        starting = painted = None
        note = ""
        try:
            deadline = time.monotonic() + COLD_START_TIMEOUT
            while painted is None and time.monotonic() < deadline:
                if proc.poll() is not None:
                    note = f"exited early with status {proc.returncode}"
                    break
                if log.exists():
                    for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
                        stamp = _log_time(line)
                        if stamp is None:
                            continue
                        if starting is None and STARTING_LINE in line:
                            starting = (stamp - started) * 1000
                        if PAINTED_LINE in line:
                            painted = (stamp - started) * 1000
                            break
                time.sleep(0.01)
            else:
                if painted is None:
                    note = f"no '{PAINTED_LINE}' log line within {COLD_START_TIMEOUT:.0f} s"
        finally:
            if proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(10)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
            if proc.stderr is not None:
                proc.stderr.close()
        return starting, painted, note


def cold_start(exe: Path) -> dict:
    """Launch -> main window painted, for the first start of the new build and a few more.

    Measured from just before the process is created to the timestamp of the first log line
    written after the main window's first paint (PAINTED_LINE), with --sandbox on a new data
    folder, offscreen. It includes the bootloader, Python, the Qt libraries, QApplication,
    the main window's first paint and opening the local catalog; not the network start-up.
    "First" is the first launch of this build: a new process, but the files are in the OS
    page cache because they were just written (not a cold disk).
    """
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    runs = [one_start(exe, env)]
    if runs[0][1] is not None:  # no point waiting out the timeout again
        runs += [one_start(exe, env) for _ in range(COLD_START_RUNS - 1)]
    painted = [r[1] for r in runs if r[1] is not None]
    result = {"first_ms": runs[0][1], "starting_ms": runs[0][0],
              "median_ms": statistics.median(painted) if painted else None,
              "runs": len(painted), "note": next((r[2] for r in runs if r[2]), "")}
    return result


# --- 5. self-test ---------------------------------------------------------------------------------

def self_test(exe: Path) -> tuple[bool, float, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    with tempfile.TemporaryDirectory(prefix="qrcashier-build-selftest-") as data:
        started = time.monotonic()
        try:
            proc = subprocess.run([str(exe), "--self-test", "--data-dir", data], env=env, capture_output=True,
                                  text=True, timeout=SELF_TEST_TIMEOUT)
        except subprocess.TimeoutExpired:
            return False, time.monotonic() - started, f"no result within {SELF_TEST_TIMEOUT:.0f} s"
        elapsed = time.monotonic() - started
        output = (proc.stdout + proc.stderr).strip()
        if proc.returncode != 0:
            log = Path(data) / LOG_FILE
            tail = log.read_text(encoding="utf-8", errors="replace").splitlines()[-40:] if log.exists() else []
            output += "\n--- last lines of the self-test's log ---\n" + "\n".join(tail)
        if not output:
            output = "(no output: a windowed build without console streams; the exit status decides)"
        return proc.returncode == 0, elapsed, output


# --- probe ----------------------------------------------------------------------------------------

def expected_backend() -> str | None:
    sys.path.insert(0, str(HERE / "hooks"))
    try:
        import rthook_keyring
    finally:
        sys.path.pop(0)
    return rthook_keyring.platform_backend(sys.platform)


def run_probe() -> list[str]:
    """Run dist/qrcashier-probe: keyring must use the explicit backend or say plainly why not."""
    exe = DIST / "qrcashier-probe" / PROBE_NAME
    env = {k: v for k, v in os.environ.items() if k != "PYTHON_KEYRING_BACKEND"}
    proc = subprocess.run([str(exe)], capture_output=True, text=True, env=env, timeout=60)
    say(f"probe: {proc.stdout.strip()} {proc.stderr.strip()}".rstrip())
    if proc.returncode != 0:
        return [f"the probe failed with exit status {proc.returncode}"]
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    problems = []
    want = expected_backend()
    if report.get("env_backend") != want:
        problems.append(f"the runtime hook named {report.get('env_backend')!r}, expected {want!r}")
    if report.get("keyrings_alt") != "absent":
        problems.append("keyrings.alt is importable in the frozen build")
    backend = report.get("backend")
    if backend is not None and backend != want:
        problems.append(f"keyring.get_keyring() gave {backend}, expected {want}")
    if backend is None and not report.get("error"):
        problems.append("no backend and no error from keyring")
    qt = report.get("qt_translations")
    if not (isinstance(qt, dict) and qt.get("qtbase_es_loaded")):
        problems.append(f"Qt's own translations do not load in the frozen build: {qt}")
    store = report.get("token_store")
    if isinstance(store, dict):
        if not store.get("secure") and not store.get("warning"):
            problems.append("qrcashier.token_store found no store and gave no warning")
        if any(word in str(store.get("name")) for word in ("Plaintext", "alt", "fail", "null")):
            problems.append(f"qrcashier.token_store chose {store.get('name')}")
    return problems


# --- main -----------------------------------------------------------------------------------------

def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python packaging/build.py", description=__doc__.split("\n\n")[0])
    p.add_argument("--skip-venv", action="store_true",
                   help="build with the current Python environment instead of a fresh runtime-only venv")
    p.add_argument("--python", default=sys.executable, metavar="EXE",
                   help="the interpreter to make the build venv from (default: this one)")
    p.add_argument("--probe", action="store_true",
                   help="also build dist/qrcashier-probe (same hooks) and check the keyring backend in it")
    p.add_argument("--trial", action="store_true",
                   help="also install and bundle the dependencies other branches are adding (psycopg, zeep, lxml, "
                        "cryptography: bundle.TRIAL_REQUIREMENTS) to measure the size with them")
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    t0 = time.monotonic()
    try:
        if args.skip_venv:
            py = Path(sys.executable)
            say(f"using the current environment ({sys.prefix}); it is not checked for test tools")
        else:
            py = make_venv(args.python, args.trial)
            tools = find_test_tools(py)
            if tools:
                raise BuildError(f"the build venv is not runtime-only: {', '.join(tools)} importable")
            say("build venv is runtime-only: none of " + ", ".join(bundle.TEST_TOOLS) + " importable")
        venv_seconds = time.monotonic() - t0
        describe_env(py)
        t1 = time.monotonic()
        pyinstaller(py, args.probe, args.trial)
        pyinstaller_seconds = time.monotonic() - t1
        exe = APP_DIR / EXE_NAME
        if not exe.is_file():
            raise BuildError(f"PyInstaller left no {exe}")
        problems = check_bundle()
        xcb_report()
        if args.probe:
            problems += run_probe()
        if problems:
            raise BuildError("the bundle is wrong:\n  " + "\n  ".join(problems))
        build_seconds = time.monotonic() - t0

        starts = cold_start(exe)
        ok, st_seconds, st_output = self_test(exe)
        for line in st_output.splitlines():
            say(f"self-test: {line}")

        size, files = folder_size(APP_DIR)
        dropped_list = WORK / "qrcashier" / "lean-dropped.txt"  # the spec's workpath
        dropped = dropped_list.read_text(encoding="utf-8").split() if dropped_list.exists() else []
        say(f"lean: {len(dropped)} files left out (Qt plugins and translations not used, libcups, orphan libraries; "
            f"listed in {dropped_list.relative_to(ROOT)})")
        for name, item_size in bundle.biggest(APP_DIR):
            say(f"size: {item_size / 1e6:6.1f} MB  {name}")
        if args.trial:
            say("trial: bundled with " + ", ".join(bundle.TRIAL_REQUIREMENTS))
        print(f"executable: {exe.relative_to(ROOT)}")
        print(f"executable_size: {size / 1e6:.0f} MB (the whole dist/qrcashier folder, {files} files; "
              f"the {EXE_NAME} file itself {exe.stat().st_size / 1e6:.1f} MB)")
        print(f"build_time: {build_seconds:.0f} s (venv {venv_seconds:.0f} s, PyInstaller {pyinstaller_seconds:.0f} s, "
              "checks)")
        if starts["first_ms"] is not None:
            median = f"{starts['median_ms']:.0f}" if starts["median_ms"] is not None else "n/a"
            print(f"cold_start: {starts['first_ms']:.0f} ms (launch -> main window painted, first start of this build; "
                  f"median of {starts['runs']} starts {median} ms; 'QR Cashier starting' logged at "
                  f"{starts['starting_ms']:.0f} ms; --sandbox, new data folder, "
                  f"{os.environ.get('QT_QPA_PLATFORM', 'offscreen')})")
        else:
            print(f"cold_start: n/a ({starts['note']})")
        print(f"self_test: {'PASS' if ok else 'FAIL'} in {st_seconds:.1f} s (wall, including start-up)")
        print(f"executable_size_vs_limit: {size / 1e6 / MAX_SIZE_MB:.2f} x  # baseline: the {MAX_SIZE_MB} MB limit")
        if not ok:
            raise BuildError("the executable's --self-test failed")
        if size / 1e6 > MAX_SIZE_MB:
            raise BuildError(f"dist/qrcashier is {size / 1e6:.0f} MB, over the {MAX_SIZE_MB} MB limit")
    except BuildError as exc:
        print(f"[build] FAILED: {exc}", file=sys.stderr, flush=True)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
