"""Every user-visible string has a translation in es and pt_BR, and the files match the code.

- the .ts files: every message finished, not empty, not the English text (but a short
  allowlist), with the same %1/%2 placeholders;
- the .ts sources are exactly what lupdate extracts from the code now (a new tr() string
  without a translation fails here);
- the shipped .qm files are what lrelease makes of the .ts files (not stale), and load.
"""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "resources" / "translations"))
import update  # noqa: E402  (resources/translations/update.py: the one list of sources and tools)

LANGUAGES = ("es", "pt_BR")
# Sources whose translation may read the same as the English text: names, acronyms and the
# words the target language shares with English (checked one by one, not a blanket pass).
SAME_ALLOWED = {
    "OK", "QR", "API", "PIN", "Total", "TOTAL", "QR Cashier", "QR Cashier — %1 — %2", "Token %1, %2.",
    "Supervisor: %1",
}
SAME_ALLOWED_BY_LANGUAGE = {
    "es": set(),
    "pt_BR": {"Item", "1 item", "Del", "Latitude", "Longitude"},
}
PLACEHOLDER = re.compile(r"%(\d|n)")


def messages(ts: Path) -> list[dict]:
    out = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            out.append({
                "context": name,
                "source": message.findtext("source"),
                "comment": message.findtext("comment") or "",
                "type": translation.get("type", "") if translation is not None else "missing",
                "text": "".join(translation.itertext()) if translation is not None else "",
                "numerus": message.get("numerus") == "yes",
                "forms": [f.text or "" for f in translation.iter("numerusform")] if translation is not None else [],
            })
    return out


def key(m: dict) -> tuple[str, str, str]:
    return (m["context"], m["source"], m["comment"])


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> set[tuple[str, str, str]]:
    """What lupdate finds in the code now, into a fresh file (not merged with ours)."""
    target = tmp_path_factory.mktemp("lupdate") / "extracted_es.ts"
    update.lupdate([target])
    return {key(m) for m in messages(target)}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated(language):
    ts = update.ts_path(language)
    found = messages(ts)
    assert len(found) > 300  # the whole UI, not a stub
    problems = []
    for m in found:
        where = f"{m['context']}: {m['source']!r}"
        if m["type"] in ("unfinished", "obsolete", "vanished", "missing"):
            problems.append(f"{where} is {m['type']}")
            continue
        texts = m["forms"] if m["numerus"] else [m["text"]]
        for text in texts:
            if not text.strip():
                problems.append(f"{where} has an empty translation")
            elif (text == m["source"] and m["source"] not in SAME_ALLOWED | SAME_ALLOWED_BY_LANGUAGE[language]
                  and re.search(r"[A-Za-z]{3}", m["source"])):
                problems.append(f"{where} is not translated (same as English)")
            if sorted(set(PLACEHOLDER.findall(text))) != sorted(set(PLACEHOLDER.findall(m["source"]))):
                problems.append(f"{where}: placeholders differ in {text!r}")
    assert not problems, f"{len(problems)} problems in {ts.name}:\n" + "\n".join(problems[:60])


@pytest.mark.parametrize("language", LANGUAGES)
def test_ts_sources_are_what_the_code_has_now(language, extracted):
    ours = {key(m) for m in messages(update.ts_path(language))}
    missing = sorted(extracted - ours)
    stale = sorted(ours - extracted)
    assert not missing, (
        f"{len(missing)} strings in the code are not in {update.ts_path(language).name}: run "
        f"`python resources/translations/update.py` and translate them:\n" + "\n".join(map(str, missing[:40]))
    )
    assert not stale, f"{len(stale)} messages no longer in the code: run update.py:\n" + "\n".join(map(str, stale[:40]))


@pytest.mark.parametrize("language", LANGUAGES)
def test_shipped_qm_is_compiled_from_the_ts_and_loads(language, tmp_path):
    shipped = update.QM_DIR / f"qrcashier_{language}.qm"
    assert shipped.exists(), f"{shipped} missing: run `python resources/translations/update.py --release`"
    fresh = tmp_path / shipped.name
    subprocess.run([update.tool("pyside6-lrelease"), "-silent", str(update.ts_path(language)), "-qm", str(fresh)],
                   check=True)
    assert fresh.read_bytes() == shipped.read_bytes(), f"{shipped.name} is stale: run update.py --release"
    translator = QTranslator()
    assert translator.load(str(shipped)) and not translator.isEmpty()
    assert translator.language() == language
