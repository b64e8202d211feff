"""The setup wizard's logic without Qt: what the pages check, decide and write (ui/setup shows it)."""
