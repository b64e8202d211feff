"""The on-screen X / Z report: `dialog.ReportDialog` (the text render, the hour chart, Save as
PDF / CSV, Print) and `chart.HourChart` (the sales-by-hour bars painted with QPainter)."""
