"""The app's language: Spanish, Brazilian Portuguese or English, through Qt's own system.

    language = i18n.choose_language(override=args.lang, settings=settings)  # "es", "pt_BR", "en"
    i18n.install(app, language, site_locale="es_AR")  # before the first window is built

- Our strings: `self.tr("...")` in QObject subclasses, `QCoreApplication.translate(ctx, ...)`
  elsewhere; sources in resources/translations/qrcashier_<lang>.ts, compiled to
  app/qrcashier/translations/qrcashier_<lang>.qm (`python resources/translations/update.py`).
- Qt's own strings (OK/Cancel/Yes/No, the file dialog, the line edit's context menu): the
  `qtbase_<lang>.qm` shipped with Qt, from `QLibraryInfo.TranslationsPath` (qt-notes §1.3).
- Numbers: `QLocale.setDefault` (spin boxes, validators, `QLocale().toString`). Money keeps
  `domain.receipt.format_money`, which follows the Mercado Pago site.
- Sentences made outside Qt (the engine's state messages, typed errors' `user_message`)
  are translated where the UI shows them: `engine_text(text)` (context "engine", sources
  listed in `engine_texts.py` for lupdate).

The choice: `--lang`, else the settings' language ("es", "pt"/"pt_BR", "en"; empty or
"auto": none), else the OS locale's languages (es* -> es, pt* -> pt_BR), else English.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger("qrcashier.ui.shell.i18n")

LANGUAGES = ("en", "es", "pt_BR")
NAMES = {"en": "English", "es": "Español", "pt_BR": "Português (Brasil)"}
# The locale for numbers when neither the site nor the OS says better.
DEFAULT_LOCALES = {"en": "en_US", "es": "es_419", "pt_BR": "pt_BR"}
TRANSLATIONS_DIR = Path(__file__).resolve().parents[2] / "translations"
ENGINE_CONTEXT = "engine"

_installed: list[QTranslator] = []
_language = "en"


def normalize(code: str | None) -> str | None:
    """"es", "es_AR", "es-419" -> "es"; "pt", "pt_BR", "pt-PT" -> "pt_BR"; "en*" -> "en"; else None."""
    if not code:
        return None
    code = code.strip().replace("-", "_").lower()
    if code in ("", "auto", "system", "c", "posix"):
        return None
    base = code.split("_")[0].split(".")[0]
    return {"es": "es", "pt": "pt_BR", "en": "en"}.get(base)


def system_language(locale: QLocale | None = None) -> str:
    """The first of the OS's UI languages we have (es, pt_BR), else English."""
    locale = locale or QLocale.system()
    for code in [*locale.uiLanguages(), locale.name()]:
        found = normalize(code)
        if found is not None:
            return found
    return "en"


def settings_language(settings: Any) -> str | None:
    """The language saved in the settings, or None when none was chosen (follow the OS)."""
    if settings is None:
        return None
    try:
        key = settings._key("ui/language")  # the raw value: the typed property defaults to "en"
        raw = settings.q.value(key)
    except AttributeError:
        raw = getattr(settings, "language", None)
    return normalize(str(raw)) if raw is not None else None


def choose_language(override: str | None = None, settings: Any = None, locale: QLocale | None = None) -> str:
    """`override` (--lang), else the settings' choice, else the OS locale; always one of LANGUAGES."""
    return normalize(override) or settings_language(settings) or system_language(locale)


def number_locale(language: str, site_locale: str | None = None, system: QLocale | None = None) -> QLocale:
    """The locale numbers are written in: the site's when it speaks the language (es_AR, pt_BR),
    else the OS's when it does, else the language's default (es_419, pt_BR, en_US)."""
    if site_locale and normalize(site_locale) == language:
        return QLocale(site_locale)
    system = system or QLocale.system()
    if normalize(system.name()) == language:
        return system
    return QLocale(DEFAULT_LOCALES[language])


def qm_path(language: str) -> Path:
    return TRANSLATIONS_DIR / f"qrcashier_{language}.qm"


def install(app: QCoreApplication, language: str, *, site_locale: str | None = None) -> str:
    """Install our translator and Qt's for `language`, and the default number locale.

    Replaces whatever an earlier call installed (switching language at run time only
    affects widgets built afterwards). Returns the language installed; a missing .qm
    is logged and leaves that part in English."""
    global _language
    language = normalize(language) or "en"
    uninstall(app)
    if language != "en":
        ours = QTranslator(app)
        if ours.load(str(qm_path(language))):
            _installed.append(ours)
        else:
            log.warning("no translation file %s: the app stays in English", qm_path(language).name)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for name in (f"qtbase_{language}", f"qtbase_{language.split('_')[0]}"):
            qt = QTranslator(app)
            if qt.load(name, qt_dir):
                _installed.append(qt)
                break
        else:
            log.warning("Qt's own translation for %s was not found in %s", language, qt_dir)
        for translator in _installed:
            app.installTranslator(translator)
    QLocale.setDefault(number_locale(language, site_locale))
    _language = language
    log.info("language %s (numbers as %s)", language, QLocale().name())
    return language


def install_for(app: QCoreApplication, args: Any = None, settings: Any = None) -> str:
    """Start-up: the language from `--lang` (args.lang), the settings, or the OS; numbers as the
    configured site writes them when it speaks that language. Never fails start-up."""
    try:
        if settings is None:
            from qrcashier.settings import AppSettings

            settings = AppSettings()
        site_locale = None
        if settings.setup_done:
            from qrcashier.domain.money import SITES

            site_locale = SITES[settings.site].locale
    except Exception:  # unreadable settings: the OS decides, numbers as the language's default
        log.exception("reading the language setting failed")
        settings, site_locale = None, None
    language = choose_language(getattr(args, "lang", None), settings)
    return install(app, language, site_locale=site_locale)


def uninstall(app: QCoreApplication) -> None:
    """Back to English (the source strings) and the OS's number locale."""
    global _language
    for translator in _installed:
        app.removeTranslator(translator)
        translator.deleteLater()
    _installed.clear()
    QLocale.setDefault(QLocale.system())
    _language = "en"


def current() -> str:
    return _language


_ARG = re.compile(r"%(\d)")


def fmt(text: str, *args: object) -> str:
    """Fill %1, %2 ... in a translated string, in one pass (an argument's own "%2" stays)."""
    return _ARG.sub(lambda m: str(args[int(m.group(1)) - 1]) if 0 < int(m.group(1)) <= len(args) else m.group(0), text)


# --- sentences made outside Qt -------------------------------------------------------------------

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÁÉÍÓÚ¿¡])")


def engine_text(text: str | None) -> str:
    """A sentence from the engine, the domain or a typed error, in the app's language.

    Looked up whole first (also against `engine_texts.TEMPLATES`, whose %1, %2 parts are
    kept, and translated themselves when they are known sentences), then sentence by
    sentence: the engine joins a typed error's sentence with its own ("Cannot reach
    Mercado Pago: check the internet connection. The sale is kept; you can charge it
    again."). What is not known stays as it is."""
    if not text:
        return text or ""
    if _language == "en":
        return text
    whole = _one(text)
    if whole is not None:
        return whole
    # The domain's input errors are lower-case fragments ("the amount cannot be negative"):
    # look them up as the sentence the cashier sees, and give them back in the same shape.
    bare = text.strip()
    if bare and (bare[0].islower() or bare[-1] not in ".!?"):
        sentence = bare[0].upper() + bare[1:] + ("" if bare[-1] in ".!?" else ".")
        found = _one(sentence)
        if found is not None:
            if bare[-1] not in ".!?" and found.endswith("."):
                found = found[:-1]
            if bare[0].islower():
                found = found[:1].lower() + found[1:]
            return found
    parts = _SENTENCE_END.split(text)
    if len(parts) == 1:
        return text
    return " ".join(_one(part) or part for part in parts)


def _one(sentence: str, depth: int = 0) -> str | None:
    """The translation of one sentence (or template match), or None when unknown."""
    from qrcashier.ui.shell.engine_texts import COMPILED

    translated = QCoreApplication.translate(ENGINE_CONTEXT, sentence)
    if translated != sentence:
        return translated
    if depth > 2:
        return None
    for template, pattern in COMPILED:
        match = pattern.match(sentence)
        if match is None:
            continue
        out = QCoreApplication.translate(ENGINE_CONTEXT, template)
        if out == template:
            return None
        for name, value in match.groupdict().items():
            out = out.replace("%" + name[1:], _one(value, depth + 1) or value)
        return out
    return None


def engine_texts(texts: Iterable[str]) -> list[str]:
    return [engine_text(t) for t in texts]
