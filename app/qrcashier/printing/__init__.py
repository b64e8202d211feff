"""Receipt printing without Qt: printer URLs, one receipt layout, its renderers, the backends and
the print queue that loses nothing.

- `urls`: `escpos+tcp://HOST[:9100]`, `escpos+usb://VID:PID`, `escpos+serial://DEVICE?baudrate=N`,
  `escpos+file://PATH`, the system printer and PDF, with profile, paper width and drawer pin.
- `layout`: the receipt as sections of blocks (rows, QR), and its plain-text renderer.
- `escpos`: the layout to ESC/POS bytes for a profile (code page, native QR or image, cut, drawer).
- `backends`: send bytes to a printer off the event loop, with a timeout and the DLE EOT status.
- `queue`: jobs written to the journal before printing, done only once the printer took every byte.
- `status`: the one sentence the status bar shows ("Printer offline: 1 receipt waiting").

python-escpos (profiles, USB and serial) is imported lazily, so the app's start-up does not pay for it.
"""
