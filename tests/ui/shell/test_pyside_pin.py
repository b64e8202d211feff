"""Guard for qt-notes §0.1: PySide6 6.12.0 on Python < 3.12 drops a reference to None
on every None-returning call and eventually aborts the process."""

import sys

from PySide6.QtCore import QRect


def test_none_returning_calls_keep_none_refcount():
    rect = QRect()
    before = sys.getrefcount(None)
    for i in range(10_000):
        rect.setX(i)
    after = sys.getrefcount(None)
    # Immortal None (3.12+) reports a huge constant; on 3.11 a leak shows as -10000.
    assert after >= before - 100, f"None refcount fell by {before - after} over 10,000 calls"
