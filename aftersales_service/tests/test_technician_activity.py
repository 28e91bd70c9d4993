# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime

from freezegun import freeze_time

from odoo.tests import new_test_user, tagged

from .common import AftersalesCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-03-02 09:00:00")
class TestTechnicianActivity(AftersalesCommon):
    """The dispatcher assigns; the technician's user is told by one activity and follows."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # matrix roles: Dispatcher = User: All Documents; Technician = Technician role
        cls.dispatcher = new_test_user(
            cls.env, login="as_dispatcher", groups="aftersales_service.group_aftersales_user"
        )
        cls.tech_user_2 = new_test_user(
            cls.env, login="as_tech_2", groups="aftersales_service.group_aftersales_technician"
        )
        cls.technician_2 = cls.env["hr.employee"].create(
            {"name": "Lee Seo-yeon", "user_id": cls.tech_user_2.id, "is_technician": True}
        )
        cls.env["aftersales.technician.certification"].create(
            {
                "employee_id": cls.technician_2.id,
                "product_category_id": cls.product.categ_id.id,
                "date_expiry": "2099-12-31",
            }
        )
        cls.job_type = cls.env.ref("aftersales_service.mail_activity_type_technician_job")

    def _request(self, **vals):
        return (
            self.env["aftersales.request"]
            .with_user(self.dispatcher)
            .create(dict({"partner_id": self.customer.id, "product_id": self.product.id}, **vals))
        )

    def _jobs(self, request):
        return (
            self.env["mail.activity"]
            .sudo()
            .search(
                [
                    ("res_model", "=", "aftersales.request"),
                    ("res_id", "=", request.id),
                    ("activity_type_id", "=", self.job_type.id),
                ]
            )
        )

    def _systray_requests(self, user):
        groups = self.env["res.users"].with_user(user)._get_activity_groups()
        return next((g for g in groups if g["model"] == "aftersales.request"), None)

    def test_assigned_technician_sees_the_job_in_their_activities(self):
        """The dispatcher assigns a technician: the technician finds one job activity due on
        the appointment day in their activity menu and follows the request."""
        request = self._request()
        request.write(
            {
                "technician_id": self.technician.id,
                "date_appointment": datetime(2026, 3, 4, 2, 0),
            }
        )
        job = self._jobs(request)
        self.assertEqual(len(job), 1)
        self.assertEqual(job.user_id, self.tech_user)
        self.assertEqual(str(job.date_deadline), "2026-03-04")
        self.assertIn(self.tech_user.partner_id, request.message_partner_ids)
        # as the technician: the activity menu lists the request, and the request opens
        systray = self._systray_requests(self.tech_user)
        self.assertTrue(systray, "the technician's activity menu lists the service request")
        self.assertEqual(systray["planned_count"], 1)
        mine = (
            self.env["mail.activity"]
            .with_user(self.tech_user)
            .search([("user_id", "=", self.tech_user.id)])
        )
        self.assertEqual(mine, job)
        as_tech = request.with_user(self.tech_user)
        form = as_tech.get_views([(False, "form")])["views"]["form"]
        self.assertTrue(form["arch"])
        self.assertEqual(
            as_tech.web_read({"name": {}, "activity_ids": {}})[0]["activity_ids"], job.ids
        )

    def test_without_appointment_the_job_is_due_on_the_sla_deadline(self):
        """With no appointment agreed, the job is due when the SLA promises the visit."""
        request = self._request()
        request.write({"technician_id": self.technician.id})
        promise = request.deadline_arrival or request.deadline_resolution
        self.assertTrue(promise, "the default SLA policies give the request a deadline")
        self.assertEqual(self._jobs(request).date_deadline, promise.date())

    def test_reassigning_moves_the_job(self):
        """Reassigning moves the one job to the new technician, who now follows instead."""
        request = self._request(technician_id=self.technician.id)
        self.assertEqual(len(self._jobs(request)), 1)
        request.write({"technician_id": self.technician_2.id})
        job = self._jobs(request)
        self.assertEqual(len(job), 1, "moved, not duplicated")
        self.assertEqual(job.user_id, self.tech_user_2)
        self.assertIn(self.tech_user_2.partner_id, request.message_partner_ids)
        self.assertNotIn(self.tech_user.partner_id, request.message_partner_ids)
        self.assertFalse(self._systray_requests(self.tech_user))
        # saving the same technician again does not add a second job
        request.write({"technician_id": self.technician_2.id, "priority": "1"})
        self.assertEqual(len(self._jobs(request)), 1)
        request.write({"technician_id": False})
        self.assertFalse(self._jobs(request))

    def test_done_marks_the_job_done(self):
        """When the technician marks the request done, their job activity is done."""
        request = self._request(technician_id=self.technician.id)
        request.action_assess()
        request.action_schedule()
        as_tech = request.with_user(self.tech_user)
        as_tech.action_start()
        self.assertEqual(len(self._jobs(request)), 1)
        as_tech.action_done()
        self.assertFalse(self._jobs(request))
        done = (
            self.env["mail.activity"]
            .with_context(active_test=False)
            .sudo()
            .search([("res_id", "=", request.id), ("res_model", "=", "aftersales.request")])
            .filtered(lambda a: a.activity_type_id == self.job_type)
        )
        self.assertEqual(len(done), 1, "kept as a done activity")
        self.assertFalse(done.active)
        self.assertEqual(done.state, "done")

    def test_cancelled_request_removes_the_job(self):
        """A cancelled request leaves nothing waiting for the technician."""
        request = self._request(technician_id=self.technician.id)
        request.with_user(self.manager).action_cancel()
        self.assertFalse(self._jobs(request))
