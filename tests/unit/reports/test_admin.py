"""`qrcashier-admin report` with the till's call replaced by a fixture dict: formats, output
file, and every error as one sentence on stderr with exit code 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qrcashier import admin
from qrcashier.checkout import JOURNAL_FILE
from tests.unit.reports.sample import z_report


@pytest.fixture
def data_dir(tmp_path) -> Path:
    (tmp_path / JOURNAL_FILE).write_bytes(b"")  # its presence is all admin checks before the till reads it
    return tmp_path


def fetch_fixture(asked: list):
    def fetch(path, shift):
        asked.append((path.name, shift))
        if shift not in (None, 12):
            raise LookupError(shift)
        return z_report()
    return fetch


def run(capsys, *argv, fetch=None):
    code = admin.main(["report", *argv], fetch=fetch or fetch_fixture([]))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_json_to_stdout_for_the_last_shift(capsys, data_dir):
    asked: list = []
    code, out, err = run(capsys, "--data-dir", str(data_dir), "--shift", "last", fetch=fetch_fixture(asked))
    assert (code, err) == (0, "")
    assert json.loads(out) == z_report()
    assert asked == [(JOURNAL_FILE, None)]


@pytest.mark.parametrize(("fmt", "magic"), [("csv", b"\xef\xbb\xbfsales"), ("pdf", b"%PDF-1.4"), ("json", b"{")])
def test_every_format_to_a_file(capsys, data_dir, tmp_path, fmt, magic):
    target = tmp_path / f"z.{fmt}"
    code, out, err = run(capsys, "--data-dir", str(data_dir), "--shift", "12", "--format", fmt,
                         "--output", str(target))
    assert (code, out, err) == (0, "", "")
    assert target.read_bytes().startswith(magic)


def one_sentence(err: str) -> str:
    assert err.startswith("qrcashier-admin: ") and err.count("\n") == 1 and "Traceback" not in err
    return err


@pytest.mark.parametrize(("argv", "says"), [
    (["--data-dir", "{missing}"], "does not exist"),
    (["--data-dir", "{empty}"], "There is no journal in"),
    (["--data-dir", "{data}", "--shift", "7"], "has no shift number 7"),
    (["--data-dir", "{data}", "--output", "{data}/no/such/folder/z.pdf", "--format", "pdf"], "Cannot write"),
])
def test_errors_are_one_sentence_and_exit_2(capsys, data_dir, tmp_path, argv, says):
    (tmp_path / "empty").mkdir()
    fill = {"missing": tmp_path / "nope", "empty": tmp_path / "empty", "data": data_dir}
    code, out, err = run(capsys, *[a.format(**fill) for a in argv])
    assert code == 2 and out == ""
    assert says in one_sentence(err)


def test_no_shift_at_all(capsys, data_dir):
    def fetch(path, shift):
        raise LookupError("empty journal")
    code, _, err = run(capsys, "--data-dir", str(data_dir), fetch=fetch)
    assert code == 2 and "has no shift yet" in one_sentence(err)


def test_a_journal_error_and_a_malformed_report_are_sentences_too(capsys, data_dir):
    class JournalUnavailable(Exception):
        user_message = "the journal file is locked"

    def locked(path, shift):
        raise JournalUnavailable("database is locked")
    code, _, err = run(capsys, "--data-dir", str(data_dir), fetch=locked)
    assert code == 2 and "the journal file is locked" in one_sentence(err)
    code, _, err = run(capsys, "--data-dir", str(data_dir), fetch=lambda p, s: {"shift": {}})
    assert code == 2 and "malformed shift report (shift.site: missing)" in one_sentence(err)


def test_a_bad_shift_argument_is_argparse_exit_2(capsys, data_dir):
    with pytest.raises(SystemExit) as exit_:
        admin.main(["report", "--data-dir", str(data_dir), "--shift", "first"])
    assert exit_.value.code == 2
    assert "--shift takes 'last' or a shift number" in capsys.readouterr().err


def test_the_admin_command_never_imports_qt():
    import subprocess
    import sys
    code = ("import sys; import qrcashier.admin; "
            "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'qasync')]; "
            "sys.exit(1 if bad else 0)")
    assert subprocess.run([sys.executable, "-c", code], timeout=60).returncode == 0


def test_the_report_is_built_from_a_read_only_snapshot_of_the_journal(capsys, tmp_path):
    import sqlite3

    journal = tmp_path / JOURNAL_FILE
    db = sqlite3.connect(journal)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("CREATE TABLE marks (value TEXT)")
    db.execute("INSERT INTO marks VALUES ('written by the register')")
    db.commit()  # the register keeps its connection open: the row is in the WAL, not yet in the file
    before = journal.read_bytes(), journal.stat().st_mtime_ns
    seen = []

    def fetch(path, shift):
        assert path != journal and path.parent != tmp_path
        seen.append(sqlite3.connect(path).execute("SELECT value FROM marks").fetchall())
        return z_report()

    try:
        code, _, err = run(capsys, "--data-dir", str(tmp_path), fetch=fetch)
        assert (code, err) == (0, "")
        assert seen == [[("written by the register",)]]  # the copy is consistent with the WAL
        assert (journal.read_bytes(), journal.stat().st_mtime_ns) == before  # (the register's close checkpoints)
    finally:
        db.close()


def test_a_file_that_is_not_a_journal_is_one_sentence(capsys, tmp_path):
    (tmp_path / JOURNAL_FILE).write_bytes(b"this is not SQLite at all, just some text" * 20)
    code, _, err = run(capsys, "--data-dir", str(tmp_path))
    assert code == 2 and "Could not read the journal" in one_sentence(err)
