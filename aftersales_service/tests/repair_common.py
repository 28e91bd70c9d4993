# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from unittest.mock import patch

from odoo import Command

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
        labour, parts = contract or (False, False)
        return {
            "status": status,
            "reason": "",
            "has_contract": contract is not None,
            "includes_labour": labour,
            "includes_parts": parts,
        }

    def _make_repair(self, coverage=None, service_type="workshop", fault=None, lot=None):
        """A request for the unit and its repair, with one spare part added."""
        request = self.env["aftersales.request"].create(
            {
                "partner_id": self.customer.id,
                "product_id": self.product.id,
                "lot_id": (lot or self.lot).id,
            }
        )
        with patch.object(
            type(self.env["repair.order"]),
            "_aftersales_get_coverage",
            return_value=coverage or self._coverage(),
        ):
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
