"""The Argentine electronic invoice in the main window (issue 21): the status bar's ARCA state."""
