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


def stocked_part(env, name, quantity=5):
    """A spare part in stock where a request's repairs take their parts (the parts
    warehouse if any), for the tours that add it to an on-site repair."""
    part = env["product.product"].create(
        {"name": name, "is_storable": True, "standard_price": 35.0}
    )
    repair_type = next(
        iter(
            env["repair.order"]
            .with_context(default_aftersales_request_id=True)
            ._get_picking_type()
            .values()
        )
    )
    env["stock.quant"]._update_available_quantity(
        part, repair_type.default_location_src_id, quantity
    )
    return part
