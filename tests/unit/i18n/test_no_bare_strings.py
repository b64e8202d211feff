"""No user-visible text bypasses tr(): a literal (or an f-string) handed straight to a widget's
text, title, tooltip or placeholder in app/qrcashier/ui fails here, so lupdate cannot miss it."""

from __future__ import annotations

import ast
import re
from pathlib import Path

UI = Path(__file__).resolve().parents[3] / "app" / "qrcashier" / "ui"
# Calls whose (first) argument is shown to people, and the argument positions that are text.
TEXT_CALLS = {
    "setText": [0], "setWindowTitle": [0], "setToolTip": [0], "setPlaceholderText": [0], "setTitle": [0],
    "QLabel": [0], "QPushButton": [0], "QCheckBox": [0], "QRadioButton": [0], "QGroupBox": [0],
    "big_button": [0], "addRow": [0], "addItem": [0], "show_result": [1], "start": [0], "message_box": [1, 2],
    "_label": [0], "item_error": [0], "item_ok": [0], "item_note": [0], "setHorizontalHeaderLabels": [0],
}
# Literal values that are not words for people (ids, demo names, keys).
ALLOWED = {"CAJA1", "Caja 1", "KIOSCO1", "Kiosco", "…", "PIN", "Enter", "Esc"}
NAMES = re.compile(r"QR Cashier|PySide6|Python|Qt|Mercado Pago")


def bare_strings(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
        for i in TEXT_CALLS.get(name, []):
            if i >= len(node.args):
                continue
            arg = node.args[i]
            candidates = [arg.body, arg.orelse] if isinstance(arg, ast.IfExp) else [arg]
            for c in candidates:
                if isinstance(c, ast.Constant) and isinstance(c.value, str):
                    if re.search(r"[A-Za-z]{2}", c.value) and c.value not in ALLOWED:
                        found.append(f"{path.name}:{c.lineno} {name}({c.value!r})")
                elif isinstance(c, ast.JoinedStr):
                    words = NAMES.sub("", "".join(v.value for v in c.values if isinstance(v, ast.Constant)))
                    if re.search(r"[A-Za-z]{3}", words):
                        found.append(f"{path.name}:{c.lineno} {name}(f-string {words!r})")
    return found


def test_no_bare_user_visible_strings_in_the_ui():
    found = [hit for path in sorted(UI.glob("*.py")) for hit in bare_strings(path)]
    assert not found, "wrap these in self.tr() / translate():\n" + "\n".join(found)
