"""Start-up of another revision and of this tree, side by side in one run (register mode).

    python benchmarks/startup_ab.py REF [ROUNDS]

On a loaded machine two runs of startup.py minutes apart differ more than a change does; this
alternates the children of both in one run (bare window, then REF's register and this tree's,
in turns), each register on a new data folder and then started again on it, against one
standalone sandbox, and prints each median as a ratio to the bare window, wall-clock and own
(less the main thread's wait for a CPU), with every child's own figures. REF is any git
revision; it is exported with `git archive` into a temporary folder.
"""

from __future__ import annotations

import compileall
import importlib.util
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve()
ROOT = HERE.parents[1]


def load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> None:
    ref, rounds = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 8
    sys.path.insert(0, str(HERE.parent))
    import bytecode

    with tempfile.TemporaryDirectory() as other:
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", ref], capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", other], input=archive, check=True)
        bytecode.use_bytecode()
        compileall.compile_dir(str(Path(other) / "app"), quiet=1)
        base = load("startup_ref", Path(other) / "benchmarks" / "startup.py")
        new = load("startup_here", HERE.parent / "startup.py")
        sandbox, url = new.standalone_sandbox()
        rows: dict[str, list[dict]] = {"bare": [], "ref": [], "ref_restart": [], "here": [], "here_restart": []}
        try:
            new.run_child("bare"), base.run_child("app", url), new.run_child("app", url)  # warm-up
            for i in range(rounds):
                rows["bare"].append(new.run_child("bare"))
                pair = (("ref", base), ("here", new))
                for label, module in pair if i % 2 == 0 else pair[::-1]:
                    with tempfile.TemporaryDirectory() as folder:
                        rows[label].append(module.run_child("app", url, folder))
                        rows[label + "_restart"].append(module.run_child("app", url, folder))
        finally:
            sandbox.terminate()
            sandbox.wait(timeout=10)

    def med(label: str, key: str) -> float:
        return statistics.median(r[key] for r in rows[label])

    paint, own, rss = med("bare", "first_paint_ms"), med("bare", "first_paint_own_ms"), med("bare", "rss_mb")
    print(f"bare window: first paint {paint:.0f} ms, own {own:.0f} ms, {rss:.1f} MB (medians of {rounds})")
    for label in ("ref", "here", "ref_restart", "here_restart"):
        print(f"{label}: first paint {med(label, 'first_paint_ms') / paint:.2f} x,"
              f" own {med(label, 'first_paint_own_ms') / own:.2f} x;"
              f" ready {med(label, 'ready_ms') / paint:.2f} x, own {med(label, 'ready_own_ms') / own:.2f} x;"
              f" memory {med(label, 'rss_mb') / rss:.2f} x")
    for label, found in rows.items():
        print(f"  {label} own first paint ms:", [round(r["first_paint_own_ms"]) for r in found],
              *(["ready:", [round(r["ready_own_ms"]) for r in found]] if label != "bare" else []))


if __name__ == "__main__":
    main()
