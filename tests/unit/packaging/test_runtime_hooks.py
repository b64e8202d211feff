"""The runtime hooks' logic, as units (they only act inside a frozen build)."""

from __future__ import annotations

import io
import os
import sys
from types import SimpleNamespace

import pytest

from tests.unit.packaging.conftest import PACKAGING, load

keyring_hook = load(PACKAGING / "hooks" / "rthook_keyring.py", "rthook_keyring_under_test")
stdio_hook = load(PACKAGING / "hooks" / "rthook_stdio.py", "rthook_stdio_under_test")


@pytest.mark.parametrize(
    ("platform", "backend"),
    [
        ("win32", "keyring.backends.Windows.WinVaultKeyring"),
        ("darwin", "keyring.backends.macOS.Keyring"),
        ("linux", "keyring.backends.SecretService.Keyring"),
        ("freebsd14", "keyring.backends.SecretService.Keyring"),
    ],
)
def test_each_platform_gets_its_own_backend_named(platform, backend):
    environ: dict[str, str] = {}
    assert keyring_hook.select_backend(environ, platform) == backend
    assert environ == {"PYTHON_KEYRING_BACKEND": backend}


def test_the_named_backends_exist_in_keyring():
    import importlib

    for name in set(keyring_hook.PLATFORM_BACKENDS.values()):
        module, _, cls = name.rpartition(".")
        assert hasattr(importlib.import_module(module), cls), name


def test_no_backend_is_ever_a_plaintext_or_fallback_one():
    for name in keyring_hook.PLATFORM_BACKENDS.values():
        assert not name.startswith("keyrings."), name
        assert ".fail." not in name and ".null." not in name and ".chainer." not in name


def test_a_backend_the_user_chose_wins():
    environ = {"PYTHON_KEYRING_BACKEND": "keyring.backends.kwallet.DBusKeyring"}
    assert keyring_hook.select_backend(environ, "linux") == "keyring.backends.kwallet.DBusKeyring"
    assert environ == {"PYTHON_KEYRING_BACKEND": "keyring.backends.kwallet.DBusKeyring"}


def test_a_blank_choice_is_not_a_choice():
    environ = {"PYTHON_KEYRING_BACKEND": "  "}
    assert keyring_hook.select_backend(environ, "win32") == "keyring.backends.Windows.WinVaultKeyring"


def test_an_unknown_platform_sets_nothing():
    environ: dict[str, str] = {}
    assert keyring_hook.select_backend(environ, "emscripten") is None
    assert environ == {}


def test_importing_the_hook_outside_a_frozen_build_changes_nothing(monkeypatch):
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
    assert not getattr(sys, "frozen", False)
    load(PACKAGING / "hooks" / "rthook_keyring.py", "rthook_keyring_reimport")
    assert "PYTHON_KEYRING_BACKEND" not in os.environ


def test_the_frozen_hook_sets_the_variable(monkeypatch):
    # setenv (not delenv) so that monkeypatch removes what the hook sets afterwards;
    # a blank value counts as unset.
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    load(PACKAGING / "hooks" / "rthook_keyring.py", "rthook_keyring_frozen")
    assert os.environ["PYTHON_KEYRING_BACKEND"] == keyring_hook.platform_backend(sys.platform)


def test_missing_streams_become_the_null_device():
    fake = SimpleNamespace(stdout=None, stderr=None)
    assert stdio_hook.make_safe(fake) == ["stdout", "stderr"]
    try:
        print("a print in a windowed build", file=fake.stdout)
        fake.stderr.write("a warning\n")
        fake.stderr.flush()
    finally:
        fake.stdout.close()
        fake.stderr.close()


def test_real_streams_are_left_alone():
    out, err = io.StringIO(), io.StringIO()
    fake = SimpleNamespace(stdout=out, stderr=err)
    assert stdio_hook.make_safe(fake) == []
    assert fake.stdout is out and fake.stderr is err


def test_only_the_missing_stream_is_replaced():
    err = io.StringIO()
    fake = SimpleNamespace(stdout=None, stderr=err)
    assert stdio_hook.make_safe(fake) == ["stdout"]
    assert fake.stderr is err
    fake.stdout.close()
