# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.aftersales_service.tests.access_matrix import ROLES
from odoo.addons.aftersales_service.tests.return_common import submitted_return
from odoo.addons.aftersales_service.tests.screen_common import ScreenClient
from odoo.addons.aftersales_service.tests.tour_common import TourMixin
from odoo.addons.aftersales_service.tests.trust_common import TrustCommon


@tagged("post_install", "-at_install")
class TestReturnRoleJourneys(TrustCommon):
    """The end of a return's road, as the roles that walk it through the web client's calls
    with exactly the access matrix's groups: the agent hands the goods to the driver, the
    QC inspector signs the verdicts, the warehouse keeper validates the stock-in."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.write(
            {
                "aftersales_return_sales_head_id": cls.role_users["return_approver"].id,
                "aftersales_return_accountant_id": cls.role_users["accountant"].id,
            }
        )

    def _client(self, role):
        return ScreenClient(self.env, self.role_users[role])

    def _approved_return(self):
        record = self._new_fixture("aftersales.return")
        record.action_submit()
        signers = {
            "aftersales": "manager",
            "finance": "accountant",
            "sales_head": "return_approver",
        }
        # the QC step is signed by the QC inspection after the goods are collected
        for approval in record.approval_ids.filtered(lambda a: a.step != "qc").sorted("sequence"):
            self._client(signers[approval.step]).click(
                "aftersales.return.approval", approval.id, "action_approve"
            )
        self.assertEqual(record.state, "approved")
        return record

    def test_return_is_collected_inspected_and_stocked_in(self):
        record = self._approved_return()
        picking = record.pickup_picking_id
        # the agent writes the driver's name on the transport order and hands the goods over
        agent = self._client("agent")
        agent.form("aftersales.return", record.id)
        agent.save("stock.picking", picking.id, {"aftersales_driver_name": "Wang Lei"})
        agent.click("aftersales.return", record.id, "action_collect")
        self.assertEqual(record.state, "collected")
        # the QC inspector opens the return, writes the verdicts and signs
        inspector = self._client("qc_inspector")
        form = inspector.form("aftersales.return", record.id)
        self.assertTrue(form["line_ids"])
        inspector.save(
            "aftersales.return",
            record.id,
            {
                "line_ids": [
                    Command.update(line["id"], {"qc_verdict": "undamaged"})
                    for line in form["line_ids"]
                ]
            },
        )
        inspector.click("aftersales.return", record.id, "action_qc_sign")
        self.assertEqual(record.state, "inspected")
        # the warehouse keeper finds the receipt among the transfers and validates it
        keeper = self._client("warehouse_keeper")
        keeper.form("aftersales.return", record.id)
        found = keeper.list("stock.picking", [("aftersales_return_id", "=", record.id)])
        self.assertIn(picking.id, [row["id"] for row in found])
        keeper.form("stock.picking", picking.id)
        keeper.click("stock.picking", picking.id, "button_validate")
        self.assertEqual(picking.state, "done")
        self.assertEqual(record.state, "received")


@tagged("post_install", "-at_install")
class TestWarehouseStockInTour(TourMixin, HttpCase):
    """The warehouse keeper validates a return's stock-in in the browser, logged in with
    exactly the access matrix's groups."""

    def test_warehouse_keeper_validates_the_stock_in(self):
        users = {
            role: new_test_user(self.env, login=f"wh_tour_{role}", groups=",".join(groups))
            for role, (_label, groups, _who) in ROLES.items()
            if role not in ("portal", "public")
        }
        if not self.env.company.chart_template:
            self.env["account.chart.template"].try_loading(
                "generic_coa", company=self.env.company, install_demo=False
            )
        record = submitted_return(self.env, users, "Stock-in Tour")
        signers = {
            "aftersales": "manager",
            "finance": "accountant",
            "sales_head": "return_approver",
        }
        for approval in record.approval_ids.filtered(lambda a: a.step != "qc").sorted("sequence"):
            approval.with_user(users[signers[approval.step]]).action_approve()
        picking = record.pickup_picking_id
        picking.aftersales_driver_name = "Wang Lei"
        record.action_collect()
        record.line_ids.qc_verdict = "undamaged"
        record.with_user(users["qc_inspector"]).action_qc_sign()
        self.assertEqual(record.state, "inspected")
        self._start_tour(
            f"/odoo/action-stock.action_picking_tree_all/{picking.id}",
            "aftersales_warehouse_stock_in_tour",
            users["warehouse_keeper"].login,
        )
        self.assertEqual(picking.state, "done")
        self.assertEqual(record.state, "received")
