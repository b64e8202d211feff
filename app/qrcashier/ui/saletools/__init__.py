"""Sale tools on the window (issue 17): park/resume, discounts with the supervisor PIN, returns by line."""
