# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import shutil
import unittest

# the names Odoo's test browser looks for (odoo.tests.common._find_executable)
BROWSERS = ("google-chrome", "chromium", "chromium-browser", "google-chrome-stable")


class TourMixin:
    """Run a browser tour in an ``HttpCase``; skipped only when no browser can run."""

    def _start_tour(self, url, name, login, timeout=180):
        if not any(shutil.which(binary) for binary in BROWSERS):
            self.skipTest("Chromium is not installed (Debian: apt-get install chromium)")
        try:
            import websocket  # noqa: F401  pylint: disable=unused-import,import-outside-toplevel
        except ImportError:
            self.skipTest("websocket-client is not installed (pip install websocket-client)")
        try:
            self.start_tour(url, name, login=login, timeout=timeout)
        except unittest.SkipTest as skip:
            # Chromium is there: failing to drive it is a failure, not a reason to skip
            self.fail(f"Chromium is installed but the tour could not run: {skip}")
