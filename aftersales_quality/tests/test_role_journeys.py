# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.tests import tagged

from odoo.addons.aftersales_service.tests.screen_common import ScreenClient
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
        for approval in record.approval_ids.sorted("sequence"):
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
