"""cli.display_problem: the window needs a display server; say so instead of Qt's abort."""

from __future__ import annotations

import pytest

from qrcashier.cli import NO_DISPLAY, display_problem


@pytest.mark.parametrize("platform", ["linux", "freebsd13"])
def test_no_display_at_all_is_one_sentence(platform):
    assert display_problem({}, platform) == NO_DISPLAY
    assert NO_DISPLAY.count("\n") == 0 and "DISPLAY" in NO_DISPLAY and "--self-test" in NO_DISPLAY


@pytest.mark.parametrize(
    "env", [{"DISPLAY": ":0"}, {"WAYLAND_DISPLAY": "wayland-0"}, {"DISPLAY": ":99", "QT_QPA_PLATFORM": "xcb"}]
)
def test_a_display_server_in_the_environment_is_enough(env):
    assert display_problem(env, "linux") is None


@pytest.mark.parametrize("plugin", ["xcb", "wayland", "XCB", "wayland-egl", "xcb:fontengine=freetype"])
def test_a_display_plugin_without_its_server_is_refused(plugin):
    assert display_problem({"QT_QPA_PLATFORM": plugin}, "linux") == NO_DISPLAY


@pytest.mark.parametrize("plugin", ["offscreen", "vnc", "eglfs", "minimal"])
def test_a_plugin_chosen_that_needs_no_server_is_left_alone(plugin):
    assert display_problem({"QT_QPA_PLATFORM": plugin}, "linux") is None


@pytest.mark.parametrize("platform", ["win32", "darwin"])
def test_windows_and_macos_always_have_their_own_display(platform):
    assert display_problem({}, platform) is None
