# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import ast

from freezegun import freeze_time

from odoo.tests import tagged

from odoo.addons.aftersales_service.tests.repair_common import AftersalesRepairCommon


def _action_domain(env, xmlid):
    action = env["ir.actions.act_window"]._for_xml_id(xmlid)
    return action["res_model"], ast.literal_eval(action["domain"])


@tagged("post_install", "-at_install")
class TestDashboardPartsSpend(AftersalesRepairCommon):
    def test_parts_spend_counts_repair_parts_at_cost_by_month(self):
        """Parts Spend sums the cost of the parts repairs add, charged or not, per month."""
        with freeze_time("2026-02-10 10:00:00"):
            request, repair = self._make_repair(self._coverage("covered"), fault="E1")
            repair.move_ids.product_uom_qty = 2.0
        model, domain = _action_domain(self.env, "aftersales_quality.aftersales_parts_spend_action")
        moves = self.env[model].search(domain + [("repair_id", "=", repair.id)])
        self.assertEqual(moves, repair.move_ids)
        self.assertAlmostEqual(moves.aftersales_parts_spend, 60.0)  # 2 x cost 30
        self.assertAlmostEqual(request.repair_parts_cost, 60.0)
        groups = self.env[model]._read_group(
            domain + [("repair_id", "=", repair.id)],
            ["date:month"],
            ["aftersales_parts_spend:sum"],
        )
        self.assertEqual([total for _month, total in groups], [60.0])
        repair.action_repair_cancel()
        self.assertFalse(self.env[model].search(domain + [("repair_id", "=", repair.id)]))
        self.assertEqual(repair.move_ids.aftersales_parts_spend, 0.0)
