# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .warranty_common import WarrantyCommon


@tagged("post_install", "-at_install")
class TestContract(WarrantyCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.lots = cls._lots(cls.product, "AC-C001", "AC-C002")
        cls._sell_and_deliver(cls.lots, when="2020-01-10 10:00:00")
        cls.contract = cls._contract(cls.lots[0])
        cls.contract.action_activate()

    @classmethod
    def _contract(cls, lot=None, **vals):
        return cls.env["aftersales.contract"].create(
            {
                "partner_id": cls.customer.id,
                "date_start": date(2026, 1, 1),
                "date_end": date(2026, 12, 31),
                "lot_ids": [Command.set(lot.ids)] if lot else [],
                "includes_labour": True,
                "includes_parts": False,
                "visits_per_year": 2,
                "price": 1200.0,
                "user_id": cls.agent.id,
                **vals,
            }
        )

    def test_contract_gets_reference_and_runs_once_activated(self):
        """A contract gets an SC/ reference; activating it makes it running."""
        self.assertTrue(self.contract.name.startswith("SC/"))
        self.assertEqual(self.contract.state, "active")

    def test_find_for_returns_the_running_contract_within_dates(self):
        """The covering contract is found for the serial inside its dates only."""
        Contract = self.env["aftersales.contract"].with_user(self.agent)
        self.assertEqual(
            Contract._find_for(
                self.customer, self.product, lot=self.lots[0], date=date(2026, 6, 1)
            ),
            self.contract,
        )
        self.assertEqual(
            Contract._find_for(
                self.customer, self.product, lot=self.lots[0], date=date(2026, 12, 31)
            ),
            self.contract,
        )
        self.assertFalse(
            Contract._find_for(self.customer, self.product, lot=self.lots[0], date=date(2027, 1, 1))
        )
        self.assertFalse(
            Contract._find_for(self.customer, self.product, lot=self.lots[1], date=date(2026, 6, 1))
        )
        self.assertFalse(
            Contract._find_for(
                self.other_customer, self.product, lot=self.lots[0], date=date(2026, 6, 1)
            )
        )

    def test_product_contract_covers_every_unit_of_the_customer(self):
        """A contract on a product covers the customer's units of that product."""
        contract = self._contract(product_ids=[Command.set(self.product.ids)])
        self.assertFalse(
            self.env["aftersales.contract"]._find_for(
                self.customer, self.product, date=date(2026, 6, 1)
            )
            == contract
        )
        contract.action_activate()
        found = self.env["aftersales.contract"]._find_for(
            self.customer, self.product, lot=self.lots[1], date=date(2026, 6, 1)
        )
        self.assertEqual(found, contract)

    def test_coverage_after_warranty_falls_back_to_contract(self):
        """Out of warranty but under contract: covered, and the contract is named (category B)."""
        answer = self.env["aftersales.warranty"]._get_coverage(
            self.product, lot=self.lots[0], date=date(2026, 6, 1), partner=self.customer
        )
        self.assertEqual(answer["status"], "covered")
        self.assertEqual(answer["source"], "contract")
        self.assertEqual(answer["contract"], self.contract)
        self.assertEqual(answer["warranty"].lot_id, self.lots[0])
        self.assertIn(self.contract.name, answer["reason"])
        other = self.env["aftersales.warranty"]._get_coverage(
            self.product, lot=self.lots[1], date=date(2026, 6, 1)
        )
        self.assertEqual(other["status"], "not_covered")
        self.assertFalse(other["contract"])

    def test_renewal_activity_appears_once_even_if_cron_runs_twice(self):
        """One month before the end the responsible gets one activity and the customer one mail."""
        cron = self.env.ref("aftersales_service.ir_cron_aftersales_contract_renewal")
        with freeze_time("2026-11-15"):
            cron.method_direct_trigger()
        self.assertFalse(self.contract.date_renewal_notice, "noticed too early")
        self.assertFalse(self.contract.activity_ids)
        with freeze_time("2026-12-05"):
            cron.method_direct_trigger()
            cron.method_direct_trigger()
        activities = self.contract.activity_ids
        self.assertEqual(len(activities), 1)
        self.assertEqual(activities.user_id, self.agent)
        self.assertEqual(activities.date_deadline, date(2026, 12, 31))
        self.assertEqual(self.contract.date_renewal_notice, date(2026, 12, 5))
        messages = self.contract.message_ids.filtered(lambda m: "ends on" in (m.subject or ""))
        self.assertEqual(len(messages), 1)
        self.assertIn(self.customer, messages.partner_ids)

    def test_renewal_notice_follows_the_company_setting(self):
        """With a two-month notice the reminder goes out earlier."""
        self.env.company.aftersales_contract_notice_months = 2
        with freeze_time("2026-11-15"):
            self.env.ref(
                "aftersales_service.ir_cron_aftersales_contract_renewal"
            ).method_direct_trigger()
        self.assertEqual(self.contract.date_renewal_notice, date(2026, 11, 15))
        self.assertEqual(len(self.contract.activity_ids), 1)

    def test_cron_expires_ended_contracts(self):
        """After its end date a running contract becomes expired and covers nothing."""
        with freeze_time("2027-01-01"):
            self.env.ref(
                "aftersales_service.ir_cron_aftersales_contract_expire"
            ).method_direct_trigger()
        self.assertEqual(self.contract.state, "expired")

    def test_state_and_notice_cannot_be_written_directly(self):
        """State and renewal stamp change only through buttons and the daily job."""
        with self.assertRaisesRegex(UserError, "only through its buttons"):
            self.contract.with_user(self.agent).write({"state": "cancelled"})
        with self.assertRaisesRegex(UserError, "only through its buttons"):
            self.contract.with_user(self.agent).write({"date_renewal_notice": "2026-12-01"})

    def test_only_manager_cancels_and_running_contract_is_not_deleted(self):
        """Agents cannot cancel; nobody deletes a contract that has run."""
        with self.assertRaisesRegex(UserError, "Only an after-sales manager"):
            self.contract.with_user(self.agent).action_cancel()
        with self.assertRaisesRegex(UserError, "cannot be deleted"):
            self.contract.with_user(self.manager).unlink()
        self.contract.with_user(self.manager).action_cancel()
        self.assertEqual(self.contract.state, "cancelled")

    def test_contract_must_cover_something_and_end_after_start(self):
        """A contract without serial or product, or ending before it starts, is refused."""
        with self.assertRaisesRegex(ValidationError, "at least one serial"):
            self._contract()
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(IntegrityError),
            self.cr.savepoint(),
        ):
            self._contract(self.lots[1], date_end=date(2025, 1, 1))
            self.env.flush_all()

    def test_portal_user_sees_only_own_contracts(self):
        """A portal contact reads its company's contracts, not another customer's."""
        foreign = self._contract(self.lots[1], partner_id=self.other_customer.id)
        visible = self.env["aftersales.contract"].with_user(self.portal_user).search([])
        self.assertEqual(visible, self.contract)
        with self.assertRaises(AccessError):
            foreign.with_user(self.portal_user).read(["name"])
