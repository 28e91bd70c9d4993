# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.base.tests.common import new_test_user

from .access_matrix import ROLES
from .common import AftersalesCommon
from .repair_common import SIGNATURE_PNG


def role_user(env, role, login):
    """A user holding exactly the access matrix's groups of ``role``."""
    return new_test_user(env, login=login, groups=",".join(ROLES[role][1]), name=login)


@tagged("post_install", "-at_install")
class TestServicePartner(AftersalesCommon):
    """Authorised service partners: dispatch, the partner's portal work, the take-back."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.dispatcher = role_user(cls.env, "dispatcher", "sp_dispatcher")
        cls.as_manager = role_user(cls.env, "manager", "sp_manager")
        korea = cls.env.ref("base.kr")
        cls.customer.write({"country_id": korea.id, "city": "Seoul"})
        cls.service_partner = cls.env["res.partner"].create(
            {
                "name": "Hanbit Test Service",
                "is_company": True,
                "aftersales_partner_state": "active",
            }
        )
        cls.partner_tech = cls.env["res.partner"].create(
            {"name": "Choi Partner Tech", "parent_id": cls.service_partner.id}
        )
        cls.partner_user = new_test_user(
            cls.env,
            login="sp_partner_portal",
            groups="base.group_portal",
            partner_id=cls.partner_tech.id,
        )
        cls.other_partner = cls.env["res.partner"].create(
            {"name": "Other Test Service", "is_company": True, "aftersales_partner_state": "active"}
        )
        cls.other_user = new_test_user(
            cls.env,
            login="sp_other_portal",
            groups="base.group_portal",
            partner_id=cls.env["res.partner"]
            .create({"name": "Other Tech", "parent_id": cls.other_partner.id})
            .id,
        )
        today = fields.Date.today()
        cls.agreement = cls.env["aftersales.partner.agreement"].create(
            {
                "name": "Seoul area",
                "partner_id": cls.service_partner.id,
                "date_start": today - relativedelta(months=1),
                "date_end": today + relativedelta(years=1),
                "country_ids": [Command.set(korea.ids)],
                "city_names": "Seoul, Incheon",
                "product_category_ids": [Command.set(cls.product.categ_id.ids)],
                "technician_ids": [Command.set(cls.partner_tech.ids)],
            }
        )

    def _request(self, **vals):
        # followers are added as on a server (BaseCommon disables tracking)
        return (
            self.env["aftersales.request"]
            .with_context(tracking_disable=False)
            .create({"partner_id": self.customer.id, "product_id": self.product.id, **vals})
        )

    def _as_partner_user(self, request, user=None):
        """The request as the portal page runs its steps: as the user, with sudo rights."""
        return request.with_user(user or self.partner_user).sudo()

    def test_dispatch_only_to_covering_active_partners(self):
        request = self._request().with_user(self.dispatcher)
        request.service_partner_id = self.service_partner
        self.assertEqual(request.service_partner_id, self.service_partner)
        # the partner's technician follows it and is told
        self.assertIn(self.partner_tech, request.sudo().message_partner_ids)
        # the link of the notification opens the partner's portal page
        action = request.sudo()._get_access_action(access_uid=self.partner_user.id)
        self.assertEqual(action["url"], f"/my/dispatched/{request.id}")

        cases = {
            "suspended": lambda: self.service_partner.write(
                {"aftersales_partner_state": "suspended"}
            ),
            "candidate": lambda: self.service_partner.write(
                {"aftersales_partner_state": "candidate"}
            ),
            "outside the area": lambda: self.customer.write({"city": "Busan"}),
            "other product family": lambda: self.agreement.write(
                {
                    "product_category_ids": [
                        Command.set(self.env.ref("product.product_category_1").ids)
                    ]
                }
            ),
            "expired agreement": lambda: self.agreement.write(
                {
                    "date_start": fields.Date.today() - relativedelta(years=2),
                    "date_end": fields.Date.today() - relativedelta(days=1),
                }
            ),
        }
        for case, breaking in cases.items():
            with self.subTest(case=case), self.env.cr.savepoint() as savepoint:
                breaking()
                with self.assertRaises(ValidationError):
                    self._request().with_user(
                        self.dispatcher
                    ).service_partner_id = self.service_partner
                savepoint.rollback()
        # a warned partner still gets new dispatches
        self.service_partner.aftersales_partner_state = "warned"
        self._request().with_user(self.dispatcher).service_partner_id = self.service_partner
        # not beside an in-house technician, not once under way
        with self.assertRaisesRegex(ValidationError, "clear the technician"):
            self._request(technician_id=self.technician.id).with_user(
                self.dispatcher
            ).service_partner_id = self.service_partner

    def test_partner_users_see_only_their_dispatched_requests(self):
        mine = self._request(service_partner_id=self.service_partner.id)
        self.agreement.copy({"partner_id": self.other_partner.id, "technician_ids": False})
        others = self._request(service_partner_id=self.other_partner.id)
        undispatched = self._request()
        Request = self.env["aftersales.request"].with_user(self.partner_user)
        found = Request.search([])
        self.assertIn(mine, found)
        self.assertNotIn(others, found)
        self.assertNotIn(undispatched, found)
        with self.assertRaises(AccessError):
            others.with_user(self.partner_user).read(["name"])
        # reading is all the ORM grants: the steps go through the portal page
        with self.assertRaises(AccessError):
            mine.with_user(self.partner_user).write({"description": "<p>changed</p>"})
        # a step on another partner's request is refused
        with self.assertRaisesRegex(UserError, "not dispatched to your company"):
            self._as_partner_user(mine, self.other_user)._aftersales_partner_accept()

    def test_partner_works_request_to_done_in_the_same_sla_clock(self):
        request = self._request()
        deadlines = request.read(["deadline_response", "deadline_resolution"])[0]
        request.with_user(self.dispatcher).service_partner_id = self.service_partner
        work = self._as_partner_user(request)
        with self.assertRaisesRegex(UserError, "Accept"):
            work._aftersales_partner_schedule(fields.Datetime.now())
        work._aftersales_partner_accept()
        work._aftersales_partner_accept()  # the same click twice
        self.assertEqual(request.state, "assessed")
        self.assertEqual(request.partner_user_id, self.partner_user)
        self.assertTrue(request.date_responded)
        with self.assertRaisesRegex(UserError, "before logging work"):
            work._aftersales_partner_log_work(1.0, "C", "Checked")
        appointment = fields.Datetime.now() + relativedelta(hours=3)
        work._aftersales_partner_schedule(appointment)
        self.assertEqual(request.state, "scheduled")
        self.assertEqual(request.date_appointment, appointment.replace(microsecond=0))
        work._aftersales_partner_start()
        self.assertEqual(request.state, "in_progress")
        with self.assertRaisesRegex(UserError, "Log the work"):
            work._aftersales_partner_done("Lee Customer", SIGNATURE_PNG)
        log = work._aftersales_partner_log_work(1.5, "C", "Replaced the start capacitor")
        self.assertEqual(log.service_partner_id, self.service_partner)
        self.assertFalse(log.employee_id)
        self.assertEqual(log.create_uid, self.partner_user)
        part = self.env["product.product"].create({"name": "Start Capacitor 35uF"})
        work._aftersales_partner_add_part(part, 1, "Capacitor swollen")
        self.assertEqual(request.part_ids.product_id, part)
        with self.assertRaisesRegex(UserError, "signs"):
            work._aftersales_partner_done("Lee Customer", False)
        work._aftersales_partner_done("Lee Customer", SIGNATURE_PNG)
        self.assertEqual(request.state, "done")
        self.assertEqual(request.partner_signed_by, "Lee Customer")
        self.assertTrue(request.partner_signature)
        self.assertEqual(request.work_hours, 1.5)
        # the SLA clock is the request's own: dispatching changed no promise
        self.assertEqual(request.read(["deadline_response", "deadline_resolution"])[0], deadlines)

    def test_manager_takes_a_request_back_at_any_moment(self):
        request = self._request()
        request.with_user(self.dispatcher).service_partner_id = self.service_partner
        work = self._as_partner_user(request)
        work._aftersales_partner_accept()
        work._aftersales_partner_schedule(fields.Datetime.now() + relativedelta(hours=2))
        work._aftersales_partner_start()
        with self.assertRaisesRegex(UserError, "Only an after-sales manager"):
            request.with_user(self.dispatcher).action_take_back()
        request.with_user(self.as_manager).action_take_back()
        self.assertFalse(request.service_partner_id)
        self.assertEqual(request.state, "assessed")
        self.assertNotIn(self.partner_tech, request.message_partner_ids)
        told = request.message_ids.filtered(lambda m: self.partner_tech in m.partner_ids)
        self.assertIn("taken back", told[:1].body)
        self.assertNotIn(
            request, self.env["aftersales.request"].with_user(self.partner_user).search([])
        )
        with self.assertRaisesRegex(UserError, "not dispatched to your company"):
            work._aftersales_partner_log_work(1.0, "A", "Late log")
        # the dispatcher assigns an in-house technician now
        request.with_user(self.dispatcher).technician_id = self.technician
        request.with_user(self.dispatcher).action_schedule()
        self.assertEqual(request.state, "scheduled")

    def test_agreement_technicians_are_the_partners_portal_contacts(self):
        stranger = self.env["res.partner"].create({"name": "Not Theirs"})
        with self.assertRaisesRegex(ValidationError, "certified technicians"):
            self.agreement.technician_ids = [Command.link(stranger.id)]
        with self.assertRaisesRegex(ValidationError, "cannot end before"):
            self.agreement.date_end = self.agreement.date_start - relativedelta(days=1)
