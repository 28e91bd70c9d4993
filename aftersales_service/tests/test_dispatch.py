# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import AftersalesCommon


@tagged("post_install", "-at_install")
class TestDispatch(AftersalesCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Employee = cls.env["hr.employee"]
        Certification = cls.env["aftersales.technician.certification"]
        cls.busy_tech = Employee.create({"name": "Zhang Wei", "is_technician": True})
        cls.free_tech = Employee.create({"name": "Park Seo-yeon", "is_technician": True})
        cls.expired_tech = Employee.create({"name": "Liu Yang", "is_technician": True})
        cls.office_clerk = Employee.create({"name": "Choi Ha-eun"})
        category = cls.product.categ_id
        Certification.create(
            [
                {
                    "employee_id": cls.busy_tech.id,
                    "product_category_id": category.id,
                    "date_expiry": "2099-01-01",
                },
                {
                    "employee_id": cls.free_tech.id,
                    "product_category_id": category.id,
                    "date_expiry": "2099-01-01",
                },
                {
                    "employee_id": cls.expired_tech.id,
                    "product_category_id": category.id,
                    "date_expiry": "2025-12-31",
                },
            ]
        )
        cls.env["aftersales.request"].create(
            [
                {
                    "partner_id": cls.customer.id,
                    "product_id": cls.product.id,
                    "technician_id": tech.id,
                }
                for tech in (cls.busy_tech, cls.busy_tech, cls.technician)
            ]
        )

    def _request(self, **vals):
        return self.env["aftersales.request"].create(
            {"partner_id": self.customer.id, "product_id": self.product.id, **vals}
        )

    @freeze_time("2026-01-13 09:00:00")
    def test_expired_certification_refuses_assignment(self):
        """A technician whose certification has expired cannot be assigned, on create or write."""
        request = self._request()
        with self.assertRaisesRegex(UserError, "expired"):
            request.technician_id = self.expired_tech
        with self.assertRaisesRegex(UserError, "expired"):
            self._request(technician_id=self.expired_tech.id)
        request.invalidate_recordset()
        self.assertFalse(request.technician_id)

    def test_uncertified_or_non_technician_refused(self):
        """An employee who is no technician, or not certified for the product, is refused."""
        request = self._request()
        with self.assertRaisesRegex(UserError, "not an after-sales technician"):
            request.technician_id = self.office_clerk
        request.invalidate_recordset()
        other = self.env["product.product"].create(
            {
                "name": "Ice Machine IM-9",
                "categ_id": self.env["product.category"].create({"name": "Ice"}).id,
            }
        )
        request.product_id = other
        with self.assertRaisesRegex(UserError, "no certification"):
            request.technician_id = self.free_tech

    def test_certification_of_parent_category_covers_children(self):
        """Certified for a category, a technician may work on products of its sub-categories."""
        child = self.env["product.category"].create(
            {"name": "Split units", "parent_id": self.product.categ_id.id}
        )
        split = self.env["product.product"].create({"name": "Split AC-12", "categ_id": child.id})
        request = self._request(product_id=split.id, technician_id=self.free_tech.id)
        self.assertEqual(request.technician_id, self.free_tech)

    def test_open_load_counts_open_requests(self):
        """The dispatcher sees how many open requests each technician holds."""
        self.assertEqual(self.busy_tech.aftersales_open_request_count, 2)
        self.assertEqual(self.free_tech.aftersales_open_request_count, 0)

    @freeze_time("2026-01-13 09:00:00")
    def test_suggestion_picks_least_loaded_certified_technician(self):
        """The suggestion skips expired and uncertified staff and picks the least loaded."""
        request = self._request()
        request.action_assess()
        action = request.action_suggest_technician()
        wizard = self.env["aftersales.dispatch.wizard"].browse(action["res_id"])
        self.assertEqual(wizard.employee_id, self.free_tech)
        ranked = wizard.line_ids.sorted("sequence").employee_id
        self.assertNotIn(self.expired_tech, ranked)
        self.assertNotIn(self.office_clerk, ranked)
        self.assertEqual(ranked[0], self.free_tech)
        wizard.action_assign()
        self.assertEqual(request.technician_id, self.free_tech)
        # the appointment is agreed with the customer later, not invented at assignment
        self.assertFalse(request.date_appointment)
        self.assertFalse(request.date_appointed)
        self.free_tech.invalidate_recordset(["aftersales_open_request_count"])
        self.assertEqual(self.free_tech.aftersales_open_request_count, 1)

    def test_equal_load_prefers_the_technician_free_soonest(self):
        """Among certified technicians with the same load, the one free soonest comes first;
        with nobody certified for the product there is no suggestion."""
        twin = self.env["hr.employee"].create({"name": "Aaron Twin", "is_technician": True})
        self.env["aftersales.technician.certification"].create(
            {
                "employee_id": twin.id,
                "product_category_id": self.product.categ_id.id,
                "date_expiry": "2099-01-01",
            }
        )
        both = twin | self.free_tech
        soon, later = datetime(2026, 1, 13, 9), datetime(2026, 1, 13, 14)
        ranked = both._aftersales_dispatch_order(
            self.product, {twin.id: later, self.free_tech.id: soon}
        )
        self.assertEqual(ranked.ids, [self.free_tech.id, twin.id])
        ranked = both._aftersales_dispatch_order(
            self.product, {twin.id: soon, self.free_tech.id: later}
        )
        self.assertEqual(ranked.ids, [twin.id, self.free_tech.id])
        other = self.env["product.product"].create(
            {
                "name": "Uncertified unit",
                "categ_id": self.env["product.category"].create({"name": "Boilers"}).id,
            }
        )
        self.assertFalse(
            both._aftersales_dispatch_order(other, {twin.id: soon, self.free_tech.id: soon})
        )

    def test_assign_query_budget(self):
        """Assigning a technician stays within a fixed query budget."""
        request = self._request()
        request.env.invalidate_all()
        # 12: the technician's user is read to schedule their job activity (none here: this
        # technician has no user)
        with self.assertQueryCount(__system__=12):
            request.technician_id = self.free_tech
            request.flush_recordset()

    def test_certification_valid_until_expiry_day(self):
        """A certification is valid up to and including its expiry date."""
        certification = self.free_tech.aftersales_certification_ids
        with freeze_time(date(2099, 1, 1)):
            certification.invalidate_recordset(["is_valid"])
            self.assertTrue(certification.is_valid)
        with freeze_time(date(2099, 1, 2)):
            certification.invalidate_recordset(["is_valid"])
            self.assertFalse(certification.is_valid)
