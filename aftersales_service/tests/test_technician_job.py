# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import AftersalesCommon


@tagged("post_install", "-at_install")
class TestTechnicianJob(AftersalesCommon):
    """A technician can do their job on their own requests, and only there."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_employee = cls.env["hr.employee"].create({"name": "Lee Ji-ho"})
        cls.request = (
            cls.env["aftersales.request"]
            .with_user(cls.agent)
            .create(
                {
                    "partner_id": cls.customer.id,
                    "product_id": cls.product.id,
                    "technician_id": cls.technician.id,
                }
            )
        )
        cls.request.action_assess()
        cls.request.action_schedule()

    def _log(self, **vals):
        return (
            self.env["aftersales.work.log"]
            .with_user(self.tech_user)
            .create(
                {
                    "request_id": self.request.id,
                    "hours": 2.0,
                    "description": "Cleaned the condenser, replaced the fan motor",
                    **vals,
                }
            )
        )

    def test_technician_starts_logs_work_and_finishes_own_request(self):
        """On a request assigned to them a technician starts, logs hours and finishes."""
        as_tech = self.request.with_user(self.tech_user)
        as_tech.action_start()
        log = self._log()
        self.assertEqual(log.employee_id, self.technician)
        as_tech.action_done()
        self.assertEqual(self.request.state, "done")
        self.assertIn(log, self.env["aftersales.work.log"].with_user(self.tech_user).search([]))

    def test_technician_cannot_log_hours_for_a_colleague(self):
        """Booking hours in a colleague's name is refused."""
        self.request.with_user(self.tech_user).action_start()
        with self.assertRaises(AccessError):
            self._log(employee_id=self.other_employee.id)

    def test_technician_cannot_finish_a_colleagues_request(self):
        """A request assigned to someone else is out of the technician's reach."""
        other = (
            self.env["aftersales.request"]
            .with_user(self.agent)
            .create({"partner_id": self.customer.id, "product_id": self.product.id})
        )
        with self.assertRaises(AccessError):
            other.with_user(self.tech_user).action_assess()
        self.assertEqual(other.state, "new")

    def test_hours_of_a_finished_request_cannot_be_deleted(self):
        """Once the request is done its work logs stay, even for a manager."""
        self.request.with_user(self.tech_user).action_start()
        log = self._log()
        self.request.with_user(self.tech_user).action_done()
        with self.assertRaisesRegex(UserError, "cannot be deleted"):
            log.with_user(self.manager).unlink()
        self.assertTrue(log.exists())

    def test_zero_or_negative_hours_are_refused(self):
        """A work log of zero or negative hours is refused."""
        self.request.with_user(self.tech_user).action_start()
        for hours in (0.0, -1.5):
            with self.subTest(hours=hours), self.assertRaises(UserError):
                self._log(hours=hours)
