"""Extract the UI's strings into the .ts files and compile them to .qm.

    python resources/translations/update.py            # lupdate (merge) + lrelease
    python resources/translations/update.py --release  # lrelease only

Sources: every module of app/qrcashier/ui (self.tr(), QCoreApplication.translate(),
QT_TRANSLATE_NOOP(); engine_texts.py lists the engine's and the domain's sentences).
The .ts files here are what translators edit (Qt Linguist: `pyside6-linguist`); the compiled
.qm files go to app/qrcashier/translations/, which ships as package data.
tests/i18n checks that every message is translated and that the .ts match the code.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
UI = ROOT / "app" / "qrcashier" / "ui"
QM_DIR = ROOT / "app" / "qrcashier" / "translations"
LANGUAGES = ("es", "pt_BR")


def tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease next to this Python (the venv's bin/ or Scripts/)."""
    for folder in (Path(sys.executable).parent, Path(sys.prefix) / "bin", Path(sys.prefix) / "Scripts"):
        for candidate in (folder / name, folder / f"{name}.exe"):
            if candidate.exists():
                return str(candidate)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6-Essentials in this environment")
    return found


def sources() -> list[Path]:
    return sorted(p for p in UI.rglob("*.py") if p.name != "__init__.py")


def ts_path(language: str) -> Path:
    return HERE / f"qrcashier_{language}.ts"


def lupdate(targets: list[Path], *, quiet: bool = True) -> None:
    """Extract (and merge into existing files; obsolete messages dropped). The target language
    is the file name's suffix: qrcashier_es.ts -> es, qrcashier_pt_BR.ts -> pt_BR."""
    for target in targets:
        language = target.stem.split("_", 1)[1] if "_" in target.stem else "es"
        cmd = [tool("pyside6-lupdate"), *map(str, sources()), "-no-obsolete", "-locations", "none",
               "-target-language", language, "-ts", str(target)]
        if quiet:
            cmd.insert(1, "-silent")
        subprocess.run(cmd, check=True, cwd=ROOT)


def lrelease() -> list[Path]:
    QM_DIR.mkdir(parents=True, exist_ok=True)
    out = []
    for language in LANGUAGES:
        qm = QM_DIR / f"qrcashier_{language}.qm"
        subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts_path(language)), "-qm", str(qm)], check=True)
        out.append(qm)
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--release", action="store_true", help="only compile the .ts files to .qm")
    args = p.parse_args(argv)
    if not args.release:
        lupdate([ts_path(language) for language in LANGUAGES], quiet=False)
    for qm in lrelease():
        print(f"compiled {qm.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
