"""`--register NAME` and `--sandbox-url URL`: names, POS numbers, data folders, Options."""

from __future__ import annotations

from argparse import Namespace
from pathlib import Path

import pytest

from qrcashier.cli import build_parser
from qrcashier.registers import RegisterChoice, check_register_name, check_sandbox_url, pos_number
from qrcashier.services import Options


@pytest.mark.parametrize(("text", "name", "number", "pos_name"), [
    ("2", "CAJA2", 2, "Caja 2"), ("caja3", "CAJA3", 3, "Caja 3"), ("FRENTE", "FRENTE", 1, "Frente"),
    ("R12", "R12", 12, "R 12"), ("CAJA0", "CAJA0", 1, "Caja 0"),
])
def test_register_names(text: str, name: str, number: int, pos_name: str) -> None:
    choice = RegisterChoice.named(text)
    assert (choice.name, choice.pos_number, choice.pos_name) == (name, number, pos_name)
    assert choice.pos_external_id == choice.register_id == name


@pytest.mark.parametrize("bad", ["", "caja 2", "caja-2", "x" * 21, "CAJA100000", "ñ"])
def test_bad_register_names_are_refused(bad: str) -> None:
    with pytest.raises(ValueError, match="register"):
        check_register_name(bad)


def test_pos_number_of_a_name_without_digits_is_one() -> None:
    assert pos_number("MOSTRADOR") == 1


@pytest.mark.parametrize("bad", ["nope", "ftp://h:1", "http://", "http://u:p@h:1", "http://h:1/x", "http://h:99999",
                                 "http://h:1?a=b"])
def test_bad_sandbox_urls_are_refused(bad: str) -> None:
    with pytest.raises(ValueError, match="sandbox URL"):
        check_sandbox_url(bad)


def test_sandbox_url_is_normalised() -> None:
    assert check_sandbox_url(" http://10.0.0.5:8765/ ") == "http://10.0.0.5:8765"


def test_the_flags_fill_the_options_and_pick_the_registers_own_folder(tmp_path: Path) -> None:
    args = build_parser().parse_args(["--sandbox-url", "http://127.0.0.1:8765", "--register", "3"])
    opts = Options(data_dir=tmp_path)
    opts.use_registers(args, explicit_data_dir=False)
    assert opts.sandbox and opts.sandbox_url == "http://127.0.0.1:8765"
    assert (opts.pos_external_id, opts.register_id, opts.pos_name, opts.pos_number) == ("CAJA3", "CAJA3", "Caja 3", 3)
    assert opts.data_dir == tmp_path / "registers" / "CAJA3" and opts.data_dir.is_dir()
    assert {"pos_external_id", "pos_name"} <= opts.from_command_line  # the settings leave them alone


def test_two_registers_never_share_a_data_folder(tmp_path: Path) -> None:
    folders = set()
    for name in ("2", "3"):
        opts = Options(data_dir=tmp_path)
        opts.use_registers(Namespace(register=name, sandbox_url=None), explicit_data_dir=False)
        folders.add(opts.data_dir)
    assert len(folders) == 2


def test_an_explicit_data_dir_is_kept(tmp_path: Path) -> None:
    opts = Options(data_dir=tmp_path)
    opts.use_registers(Namespace(register="2", sandbox_url=None))
    assert opts.data_dir == tmp_path and not opts.sandbox_url


def test_the_settings_do_not_override_the_register_flag(tmp_path: Path) -> None:
    from qrcashier.settings import AppSettings

    class Fake(AppSettings):
        def __init__(self) -> None:  # an empty store under these fixed fields: only apply_to's logic
            from qrcashier.settings_store import MemoryStore

            super().__init__(MemoryStore())

        mode = None
        site = "MLA"
        store_external_id = "KIOSCO1"
        pos_external_id = "CAJA1"
        register_id = "CAJA1"
        store_name = ""
        register_name = "Caja 1"
        printer = ""
        api_generation = "instore_v2"
        qr_mode = "static"
        self_service = False
        unattended_contract = "202"
        endpoint_host = "127.0.0.1"
        endpoint_port = 8780
        endpoint_public_url = None
        register_choice = ""  # setup's Advanced page left empty
        sandbox_url = ""
        store_dsn = ""  # no store database (issue 19)
        point_terminal = None

    opts = Options(data_dir=tmp_path)
    opts.use_registers(Namespace(register="4", sandbox_url=None))
    Fake().apply_to(opts)
    assert (opts.pos_external_id, opts.register_id, opts.pos_name) == ("CAJA4", "CAJA4", "Caja 4")
