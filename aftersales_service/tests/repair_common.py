# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, fields

from odoo.addons.base.tests.common import new_test_user

from .common import AftersalesCommon

# 1x1 PNG, enough for the signature widget and the certificate
SIGNATURE_PNG = (
    b"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk"
    b"YPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)


class AftersalesRepairCommon(AftersalesCommon):
    """A tariff, a spare part and helpers to run a request's repair to the end."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.qc_user = new_test_user(
            cls.env,
            login="as_qc",
            groups="aftersales_service.group_aftersales_qc_inspector",
        )
        cls.accountant = new_test_user(
            cls.env, login="as_accountant", groups="account.group_account_invoice"
        )
        cls.part = cls.env["product.product"].create(
            {
                "name": "Fan Motor FM-12",
                "type": "consu",
                "list_price": 50.0,
                "standard_price": 30.0,
            }
        )
        cls.tariff = cls.env["aftersales.tariff"].create(
            {
                "service_type": "workshop",
                "product_tmpl_id": cls.product.product_tmpl_id.id,
                "labour_price": 200.0,
            }
        )
        cls.lot = cls.env["stock.lot"].create({"name": "AC300-0001", "product_id": cls.product.id})

    def _coverage(self, status="not_covered", contract=None):
        """What the warranty register should hold for the unit: ``covered`` (a warranty
        running today), ``not_covered`` (nothing) or a service contract ``(labour, parts)``."""
        return {"status": status, "contract": contract}

    def _register(self, coverage, lot):
        """Real warranty register records for ``coverage`` (see ``_coverage``) on ``lot``."""
        coverage = coverage or self._coverage()
        if coverage["status"] == "covered":
            self.env["aftersales.warranty"].create(
                {
                    "partner_id": self.customer.id,
                    "product_id": self.product.id,
                    "lot_id": lot.id,
                    "date_start": fields.Date.today(),
                    "months": 1,
                }
            )
        if coverage["contract"] is not None:
            labour, parts = coverage["contract"]
            contract = self.env["aftersales.contract"].create(
                {
                    "partner_id": self.customer.id,
                    "date_start": "2020-01-01",
                    "date_end": "2099-12-31",
                    "lot_ids": [Command.link(lot.id)],
                    "includes_labour": labour,
                    "includes_parts": parts,
                }
            )
            contract.action_activate()

    def _make_repair(self, coverage=None, service_type="workshop", fault=None, lot=None):
        """A request for the unit and its repair, with one spare part added; the unit's
        coverage comes from real warranty register records (``_register``)."""
        lot = lot or self.lot
        self._register(coverage, lot)
        request = self.env["aftersales.request"].create(
            {
                "partner_id": self.customer.id,
                "product_id": self.product.id,
                "lot_id": lot.id,
            }
        )
        repair = request._create_repairs(service_type)
        repair.write(
            {
                "aftersales_fault_code": fault,
                "aftersales_planned_hours": 2.0,
                "move_ids": [
                    Command.create(
                        {
                            "product_id": self.part.id,
                            "product_uom_qty": 1.0,
                            "repair_line_type": "add",
                            "aftersales_part_reason": "Bearing worn out",
                        }
                    )
                ],
            }
        )
        return request, repair

    def _finish(self, repair, hours=None):
        if hours:
            repair.aftersales_hours = hours
        repair.action_repair_start()
        for move in repair.move_ids:
            move.quantity = move.product_uom_qty
            move.picked = True
        repair.action_repair_end()
        self.assertEqual(repair.state, "done")
