"""Qt-free presenters: the state the cashier sees, decided without widgets (the UI binds to them)."""
