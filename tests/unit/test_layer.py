"""tests/unit stays below Qt and sockets: these checks fail when it does not."""

from __future__ import annotations

import ast
import socket
from pathlib import Path

import pytest

from tests.unit.conftest import SocketInUnitTest

UNIT = Path(__file__).resolve().parent
QT = ("PySide6", "shiboken6", "qasync", "pytestqt", "qrcashier.ui")
QT_FIXTURES = {"qtbot", "qapp", "qtmodeltester", "qtlog"}


def imported_modules(tree: ast.AST) -> list[str]:
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


def qt_uses(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found = [m for m in imported_modules(tree) if any(m == q or m.startswith(q + ".") for q in QT)]
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            found += [a.arg for a in node.args.args if a.arg in QT_FIXTURES]
        elif isinstance(node, ast.Attribute) and node.attr == "qt_async":
            found.append("mark.qt_async")
    return found


def test_no_unit_test_file_imports_qt_or_asks_for_a_qt_fixture():
    offenders = {str(p.relative_to(UNIT)): uses for p in sorted(UNIT.rglob("*.py")) if (uses := qt_uses(p))}
    assert offenders == {}


def test_the_qt_check_sees_an_import_a_fixture_and_the_marker(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        "from PySide6.QtCore import Qt\nimport qrcashier.ui.shell\n"
        "@pytest.mark.qt_async\nasync def test_x(qtbot): ...\n"
    )
    assert qt_uses(sample) == ["PySide6.QtCore", "qrcashier.ui.shell", "qtbot", "mark.qt_async"]


def test_an_internet_socket_fails_a_unit_test():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock, pytest.raises(SocketInUnitTest):
        sock.bind(("127.0.0.1", 0))


def test_the_asyncio_self_pipe_is_allowed():
    a, b = socket.socketpair()
    a.close()
    b.close()
