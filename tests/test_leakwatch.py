"""The leak watch itself must be able to fail, or the token test proves nothing."""

import logging

from tests.support.leakwatch import LeakWatch


def test_watch_sees_token_in_message_args_and_traceback():
    watch = LeakWatch("SECRET-abc")
    log = logging.getLogger("leakwatch.selftest")
    log.addHandler(watch)
    log.propagate = False
    try:
        log.warning("clean line")
        assert watch.leaks == []
        log.warning("header was %s", "Bearer SECRET-abc")
        assert len(watch.leaks) == 1
        try:
            raise RuntimeError("boom SECRET-abc")
        except RuntimeError:
            log.exception("failed")
        assert len(watch.leaks) == 2
    finally:
        log.removeHandler(watch)
        log.propagate = True


def test_session_watch_is_installed_and_has_seen_records(leak_watch):
    logging.getLogger("qrcashier.selftest").debug("a debug line the watch must see")
    assert leak_watch in logging.getLogger().handlers
    assert leak_watch.records_seen > 0
