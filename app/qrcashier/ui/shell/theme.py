"""The app's look, in one place: colours, font sizes, state colours and big buttons.

Use:
    from qrcashier.ui.shell import theme
    theme.apply(app)                                  # once, after QApplication()
    charge = theme.big_button("Charge", "F12")        # shows "Charge\\nF12"
    cancel = theme.big_button("Cancel", "Esc", role="danger")
    bg, fg = theme.STATE_COLOURS["paid"]              # for a status badge
    theme.contrast_ratio(bg, fg) >= 4.5               # check a new colour pair

`big_button` only *prints* the shortcut; bind the key on the window's QAction
(or pass bind=True when nothing else uses that key, or Qt reports an ambiguous shortcut).
Everything is plain Qt style sheet text: `stylesheet()` returns it.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QKeySequence
from PySide6.QtWidgets import QApplication, QPushButton, QSizePolicy, QWidget

# -- palette (all text/background pairs keep a contrast ratio of 4.5:1 or more) --
INK = "#1a1a1a"  # body text
PAPER = "#ffffff"  # window background
MUTED = "#55595f"  # secondary text (7:1 on white)
LINE = "#c9ccd1"  # separators, borders
ACCENT = "#005a8d"  # Mercado Pago-ish blue, dark enough for white text (7:1)
ACCENT_PRESSED = "#00446b"
FOCUS = "#ffbf00"  # keyboard focus ring, visible on every background

# Customer-facing payment states: (background, text colour). One colour per meaning:
# green paid, amber rejected, grey finished-without-payment, red needs attention.
STATE_COLOURS: dict[str, tuple[str, str]] = {
    "idle": ("#eef1f4", INK),
    "publishing": ("#455a64", "#ffffff"),
    "waiting": (ACCENT, "#ffffff"),
    "scanned": ("#303f9f", "#ffffff"),
    "rejected": ("#ffb300", "#000000"),
    "paid": ("#1e7b34", "#ffffff"),
    "expired": ("#616161", "#ffffff"),
    "cancelled": ("#616161", "#ffffff"),
    "needs_review": ("#b71c1c", "#ffffff"),
    "offline": ("#8d3a00", "#ffffff"),
    "failed": ("#b71c1c", "#ffffff"),
}

# -- font sizes, in pixels --
FONT_BASE = 15
FONT_LARGE = 20
FONT_BUTTON = 19
FONT_BUTTON_HINT = 13  # not separately styleable in a QPushButton; documented for custom buttons
BUTTON_MIN_HEIGHT = 64  # touch-friendly: about 17 mm on a 96 dpi screen

_ROLES = {
    # role: (background, text, pressed background)
    "primary": (ACCENT, "#ffffff", ACCENT_PRESSED),
    "secondary": ("#e4e7eb", INK, "#cfd3d8"),
    "danger": ("#b71c1c", "#ffffff", "#8e1515"),
    "success": ("#1e7b34", "#ffffff", "#155724"),
}

# A window-level sheet that makes disabled big buttons look disabled (the role colours would otherwise win).
DISABLED_BUTTONS = (
    'QPushButton[big="true"]:disabled { background: #e9eaec; color: #9aa0a6; border: 2px dashed #c9ccd1; }'
)


def stylesheet() -> str:
    """The application style sheet: the big buttons by role.

    It sets no font on plain widgets: a style-sheet font beats QWidget.setFont(), and the
    customer window sizes its fonts to the screen. `apply()` sets the base size instead.
    """
    parts = [
        f"""QPushButton[big="true"] {{
            min-height: {BUTTON_MIN_HEIGHT}px; min-width: 120px; padding: 6px 18px;
            font-size: {FONT_BUTTON}px; font-weight: 600;
            border: 2px solid transparent; border-radius: 8px;
        }}""",
        # the F-key bar: nine or more buttons side by side at 1024 px; labels wrap (commands.bar_label)
        f"""QPushButton[big="true"][bar="true"] {{ min-width: 0px; padding: 4px 6px; font-size: {FONT_BASE}px; }}""",
        f"""QPushButton[big="true"]:focus {{ border: 3px solid {FOCUS}; }}""",
        """QPushButton[big="true"]:disabled { background: #e9eaec; color: #8a8f96; }""",
    ]
    for role, (bg, fg, pressed) in _ROLES.items():
        parts.append(f'QPushButton[big="true"][role="{role}"] {{ background: {bg}; color: {fg}; }}')
        parts.append(f'QPushButton[big="true"][role="{role}"]:pressed {{ background: {pressed}; }}')
    return "\n".join(parts)


def apply(app: QApplication) -> None:
    """Install the base font size and the style sheet on the application (once, after creating it)."""
    font = app.font()
    font.setPixelSize(FONT_BASE)
    app.setFont(font)
    app.setStyleSheet(stylesheet())


def big_button(
    text: str,
    shortcut_hint: str | None = None,
    *,
    role: str = "primary",
    bind: bool = False,
    parent: QWidget | None = None,
) -> QPushButton:
    """A large, touch-friendly button with its keyboard shortcut printed under the label.

    role: "primary", "secondary", "danger" or "success". bind=True also makes the
    shortcut press the button (leave False when a QAction already owns the key).
    The style comes from `stylesheet()`; without `apply()` the button is plain but usable.
    """
    if role not in _ROLES:
        raise ValueError(f"unknown button role {role!r}; use one of {sorted(_ROLES)}")
    label = f"{text}\n{shortcut_hint}" if shortcut_hint else text
    button = QPushButton(label, parent)
    button.setProperty("big", True)
    button.setProperty("role", role)
    button.setMinimumHeight(BUTTON_MIN_HEIGHT)
    button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    if shortcut_hint == "Esc":  # Cancel, Close, Back: Enter never presses them, even with the focus on them
        button.setAutoDefault(False)
    if shortcut_hint:
        button.setToolTip(f"{text} ({shortcut_hint})")
        if bind:
            sequence = QKeySequence(shortcut_hint)
            if sequence.isEmpty():
                raise ValueError(f"{shortcut_hint!r} is not a key sequence")
            button.setShortcut(sequence)
    return button


def contrast_ratio(colour_a: str, colour_b: str) -> float:
    """WCAG 2 contrast ratio of two colours (1 to 21); text wants 4.5 or more."""

    def luminance(name: str) -> float:
        c = QColor(name)
        if not c.isValid():
            raise ValueError(f"not a colour: {name!r}")

        def lin(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return 0.2126 * lin(c.redF()) + 0.7152 * lin(c.greenF()) + 0.0722 * lin(c.blueF())

    hi, lo = sorted((luminance(colour_a), luminance(colour_b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)
