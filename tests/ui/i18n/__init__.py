"""Translations: the .ts files, the compiled .qm, the language choice and Qt's own strings."""
