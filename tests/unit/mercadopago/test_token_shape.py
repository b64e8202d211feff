"""The one definition of an access token's shape, as redaction and the "not a secret" check use it."""

from qrcashier.mercadopago.secret import TOKEN_SHAPE, looks_like_token


def test_a_token_in_text_is_found_with_its_prefix():
    text = "failed with APP_USR-1234567890-abc.def_GH and TEST-99aa"
    assert [m.group(0) for m in TOKEN_SHAPE.finditer(text)] == ["APP_USR-1234567890-abc.def_GH", "TEST-99aa"]
    assert TOKEN_SHAPE.sub(r"\1-[redacted]", text) == "failed with APP_USR-[redacted] and TEST-[redacted]"


def test_looks_like_token_needs_the_whole_value_and_a_long_enough_body():
    assert looks_like_token("  SANDBOX-abcd1234  ", min_length=8)
    assert not looks_like_token("SANDBOX-abc1234", min_length=8)
    assert not looks_like_token("my TEST-abcdef shop")
    assert not looks_like_token("LATEST-abcdef")  # not a prefix of ours
