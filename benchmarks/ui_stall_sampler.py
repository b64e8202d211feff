"""What the Qt thread runs while the window stalls: ui_stall's sessions with a stack sampler.

    python benchmarks/ui_stall_sampler.py [SESSIONS]

A thread samples the Qt thread's Python stack every millisecond while ui_stall's sessions run
(the first sale, a later sale, a sale through a hang); for every tick gap over 15 ms it counts
the innermost frames sampled inside it. A gap whose samples all show the event loop itself
(run_forever) is Qt's own native work (painting, layout) or the sampler not getting the GIL:
no Python frame of ours was running.
"""

from __future__ import annotations

import asyncio
import collections
import sys
import tempfile
import threading
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import ui_stall  # noqa: E402  (sets the platform, the bytecode cache and the path)

GAP_MS = 15.0


def main() -> None:
    sessions = int(sys.argv[1]) if len(sys.argv) > 1 else 2
    qt_thread = threading.main_thread().ident
    samples: list[tuple[float, str]] = []
    gaps: list[tuple[float, float]] = []
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            frame = sys._current_frames().get(qt_thread)
            if frame is not None:
                stack = traceback.extract_stack(frame)[-6:]
                samples.append((time.perf_counter(), " <- ".join(f"{Path(f.filename).name}:{f.name}"
                                                                  for f in reversed(stack))))
            time.sleep(0.001)

    tick = ui_stall.TickMonitor._tick

    def timed_tick(self) -> None:
        now = time.perf_counter()
        if self._last is not None and (now - self._last) * 1000 > GAP_MS:
            gaps.append((self._last, now))
        tick(self)

    ui_stall.TickMonitor._tick = timed_tick

    async def run() -> None:
        monitor = ui_stall.TickMonitor()
        for _ in range(sessions):
            with tempfile.TemporaryDirectory() as tmp:
                print(await ui_stall.session(Path(tmp), monitor))

    import qasync

    from qrcashier.ui.shell.app import make_application
    from qrcashier.ui.shell.gc_guard import collect_on_qt_thread

    app = make_application()  # noqa: F841 - kept alive for the run
    threading.Thread(target=sample, daemon=True).start()
    with collect_on_qt_thread(), asyncio.Runner(loop_factory=qasync.QEventLoop) as runner:
        runner.run(run())
    done.set()
    frames: collections.Counter[str] = collections.Counter()
    for start, end in gaps:
        inside = [key for t, key in samples if start <= t <= end]
        frames.update(set(inside))
        print(f"gap {(end - start) * 1000:.1f} ms, {len(inside)} samples:", collections.Counter(inside).most_common(2))
    print(f"--- the frames sampled in the {len(gaps)} gaps over {GAP_MS:.0f} ms (gaps holding each)")
    for key, count in frames.most_common(25):
        print(count, key)


if __name__ == "__main__":
    main()
