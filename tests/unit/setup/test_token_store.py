"""The token store: the platform's backend chosen by name, never a plain-text fallback."""

from __future__ import annotations

import types

import keyring
import keyring.backend
import pytest

from qrcashier.mercadopago.secret import AccessToken
from qrcashier.token_store import (
    ALTERNATIVES,
    ENV_TOKEN,
    SERVICE,
    BackendChoice,
    NoSecureStore,
    TokenStore,
    TokenStoreError,
    choose_backend,
)


class _Viable(keyring.backend.KeyringBackend):
    priority = 5  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.data: dict = {}

    def get_password(self, service, username):
        return self.data.get((service, username))

    def set_password(self, service, username, password):
        self.data[(service, username)] = password

    def delete_password(self, service, username):
        self.data.pop((service, username))


class _NotViable(keyring.backend.KeyringBackend):
    @keyring.backend.properties.classproperty
    def priority(cls):  # noqa: N805
        raise RuntimeError("no D-Bus session")

    def get_password(self, service, username):  # pragma: no cover - never built
        raise AssertionError

    def set_password(self, service, username, password):  # pragma: no cover
        raise AssertionError

    def delete_password(self, service, username):  # pragma: no cover
        raise AssertionError


def importer(available: dict[str, type]):
    """A fake import_module: module name -> a module holding the given backend classes."""
    calls: list[str] = []

    def load(name: str):
        calls.append(name)
        if name not in available:
            raise ImportError(f"No module named {name!r}")
        cls = available[name]
        return types.SimpleNamespace(**{n: cls for n in ("WinVaultKeyring", "Keyring", "DBusKeyring")})

    load.calls = calls  # type: ignore[attr-defined]
    return load


@pytest.mark.parametrize(
    "platform, module, label",
    [
        ("win32", "keyring.backends.Windows", "Windows Credential Manager"),
        ("darwin", "keyring.backends.macOS", "the macOS Keychain"),
        ("linux", "keyring.backends.SecretService", "Secret Service"),
    ],
)
def test_each_platform_gets_its_own_store_by_name(platform, module, label):
    load = importer({module: _Viable})
    choice = choose_backend(platform, importer=load)
    assert choice.is_secure and isinstance(choice.backend, _Viable)
    assert label in choice.name
    assert load.calls[0] == module  # asked for by name, not found through entry points
    assert not any("keyrings.alt" in c for c in load.calls)


def test_linux_falls_to_kwallet_only_when_the_secret_service_is_not_running():
    load = importer({"keyring.backends.SecretService": _NotViable, "keyring.backends.kwallet": _Viable})
    choice = choose_backend("linux", importer=load)
    assert choice.name == "KWallet" and choice.is_secure
    assert any("no D-Bus session" in t for t in choice.tried)


def test_no_secure_store_says_so_and_never_writes_anywhere(tmp_path, monkeypatch):
    here = tmp_path / "cwd"
    here.mkdir()
    monkeypatch.chdir(here)
    load = importer({"keyring.backends.SecretService": _NotViable})
    choice = choose_backend("linux", importer=load)
    assert not choice.is_secure and choice.backend is None
    assert "no secure password store" in choice.warning and "plain file" in choice.warning
    store = TokenStore(choice, "register:default", environ={})
    assert not store.is_secure
    with pytest.raises(NoSecureStore, match="plain file"):
        store.set(AccessToken("TEST-sandboxseller"))
    assert store.get() is None
    assert list(here.iterdir()) == []  # nothing was written next to us either
    assert len(ALTERNATIVES) >= 3 and any("session only" in a for a in ALTERNATIVES)


def plain_text_module(module: str) -> bool:
    return module.startswith("keyrings.alt") or "null" in module or "fail" in module


@pytest.mark.parametrize("platform", ["win32", "darwin", "linux"])
def test_the_choice_is_never_a_plain_text_file_even_when_every_store_works(platform, monkeypatch):
    """A backend of the test's own under every module name, plain-text ones and keyring's default
    included: the choice is still the platform's secure store, asked for by name."""
    plain = type("PlaintextKeyring", (_Viable,), {"__module__": "keyrings.alt.file"})
    monkeypatch.setattr(keyring, "get_keyring", lambda: plain())

    def load(name: str):
        own = type("Keyring", (_Viable,), {"__module__": name})
        return types.SimpleNamespace(**{n: own for n in ("WinVaultKeyring", "Keyring", "DBusKeyring")})

    choice = choose_backend(platform, importer=load)
    assert choice.backend is not None and choice.is_secure
    module = type(choice.backend).__module__
    assert module.startswith("keyring.backends.") and not plain_text_module(module)
    # And on this machine, whatever it has (often nothing in CI), never a plain-text store.
    real = choose_backend()
    assert real.backend is None or not plain_text_module(type(real.backend).__module__)


def test_plain_text_backends_are_refused_even_when_injected():
    PlainText = type("PlaintextKeyring", (_Viable,), {"__module__": "keyrings.alt.file"})
    with pytest.raises(ValueError, match="not a secure store"):
        BackendChoice.injected(PlainText())
    import keyring.backends.null

    with pytest.raises(ValueError):
        BackendChoice.injected(keyring.backends.null.Keyring())


def test_set_get_delete_in_the_keyring(memory_keyring, token):
    store = TokenStore(BackendChoice.injected(memory_keyring), "register:default", environ={})
    assert store.get() is None and store.where() == "not set"
    store.set(AccessToken(token))
    assert memory_keyring.store == {(SERVICE, "register:default"): token}
    assert store.get() == AccessToken(token)
    assert store.where().startswith("saved in")
    assert token not in store.describe() and token not in repr(store.get())
    store.delete()
    assert memory_keyring.store == {}
    store.delete()  # removing what is not there is fine


def test_a_bare_string_is_never_accepted(memory_keyring, token):
    store = TokenStore(BackendChoice.injected(memory_keyring))
    with pytest.raises(TypeError):
        store.set(token)  # type: ignore[arg-type]


def test_session_only_and_environment_alternatives(token):
    choice = BackendChoice(None, "none", "no store")
    store = TokenStore(choice, environ={ENV_TOKEN: token})
    assert store.get() == AccessToken(token)
    assert "environment variable" in store.where()
    store = TokenStore(choice, environ={})
    store.keep_for_session(AccessToken("TEST-sandboxseller"))
    assert store.get().is_test and "this session only" in store.where()
    store.delete()
    assert store.get() is None


def test_a_broken_store_gives_a_sentence_not_the_token(token):
    class Locked(_Viable):
        def set_password(self, service, username, password):
            raise RuntimeError(f"locked; value was {password}")

    store = TokenStore(BackendChoice.injected(Locked(), "the test wallet"))
    with pytest.raises(TokenStoreError) as info:
        store.set(AccessToken(token))
    assert "could not be saved in the test wallet" in info.value.user_message
    assert token not in str(info.value) and info.value.__cause__ is None and info.value.__suppress_context__
