# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command

from odoo.addons.base.tests.common import new_test_user

from .common import AftersalesCommon


class AftersalesReturnCommon(AftersalesCommon):
    """A customer who bought and received goods, and one signer per approval step."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        company = cls.env.company
        if not company.chart_template:
            cls.env["account.chart.template"].try_loading(
                "generic_coa", company=company, install_demo=False
            )
        company.write(
            {
                "aftersales_return_ratio_allowed": 5.0,
                "aftersales_return_days_allowed": 180,
                "aftersales_return_ratio_window_days": 365,
                "aftersales_return_slip_hour": 12.0,
            }
        )
        cls.reviewer = new_test_user(
            cls.env, login="as_reviewer", groups="aftersales_service.group_aftersales_manager"
        )
        cls.accountant = new_test_user(
            cls.env,
            login="as_accountant",
            groups="aftersales_service.group_aftersales_user,account.group_account_invoice",
        )
        cls.sales_head = new_test_user(
            cls.env,
            login="as_sales_head",
            groups="aftersales_service.group_aftersales_return_approver",
        )
        cls.leader = new_test_user(
            cls.env, login="as_leader", groups="aftersales_service.group_aftersales_return_leader"
        )
        cls.qc_user = new_test_user(
            cls.env, login="as_qc", groups="aftersales_service.group_aftersales_qc_inspector"
        )
        company.write(
            {
                "aftersales_return_sales_head_id": cls.sales_head.id,
                "aftersales_return_accountant_id": cls.accountant.id,
            }
        )
        cls.signers = {
            "aftersales": cls.reviewer,
            "finance": cls.accountant,
            "sales_head": cls.sales_head,
            "leader": cls.leader,
        }
        cls._sell_and_deliver("Dehumidifier DH-20", 100)

    @classmethod
    def _new_return(cls, quantity=2.0, reason_kind="unsaleable", outcome="exchange", **vals):
        return (
            cls.env["aftersales.return"]
            .with_user(cls.agent)
            .create(
                {
                    "partner_id": cls.customer.id,
                    "desired_outcome": outcome,
                    "line_ids": [
                        Command.create(
                            {
                                "product_id": cls.goods.id,
                                "sale_line_id": cls.sale_line.id,
                                "quantity": quantity,
                                "reason_kind": reason_kind,
                                "reason": "Slow-moving stock",
                            }
                        )
                    ],
                    **vals,
                }
            )
            .sudo()
        )

    def _sign_chain(self, record, refuse_step=None, comment="Checked"):
        for approval in record.approval_ids.sorted("sequence"):
            if not approval._is_signed_with_buttons():
                continue
            signer = self.signers[approval.step]
            step = approval.with_user(signer)
            step.comment = comment
            if approval.step == refuse_step:
                step.action_refuse()
                return
            step.action_approve()

    @staticmethod
    def _button_steps(record):
        """The steps signed with the chain's buttons (QC, when installed, signs its own)."""
        return record.approval_ids.filtered(lambda a: a._is_signed_with_buttons())

    @staticmethod
    def _click(record, method, user):
        """Press a step button of the form as the web client does: with the step shown."""
        record = record.with_user(user)
        step = record.next_approval_id
        return getattr(record.with_context(aftersales_approval_id=step.id), method)()

    def _collect(self, record):
        record.pickup_picking_ids.aftersales_driver_name = "Wang Lei"
        record.action_collect()

    @classmethod
    def _sell_and_deliver_serials(cls, product, serials, partner=None):
        """Sell ``serials`` of ``product`` at 100 to ``partner`` and deliver those units."""
        warehouse = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.env.company.id)], limit=1
        )
        lots = cls.env["stock.lot"].create(
            [{"name": name, "product_id": product.id} for name in serials]
        )
        for lot in lots:
            cls.env["stock.quant"]._update_available_quantity(
                product, warehouse.lot_stock_id, 1, lot_id=lot
            )
        order = cls.env["sale.order"].create(
            {
                "partner_id": (partner or cls.customer).id,
                "warehouse_id": warehouse.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": product.id,
                            "product_uom_qty": len(lots),
                            "price_unit": 100.0,
                        }
                    )
                ],
            }
        )
        order.action_confirm()
        picking = order.picking_ids
        # the only units in stock are those serials: the reservation takes them
        picking.action_assign()
        picking.move_ids.picked = True
        picking.button_validate()
        return order, lots

    def _return_lines(self, record, lines):
        """Add lines (sale line, quantity, lot) to a draft return."""
        record.write(
            {
                "line_ids": [
                    Command.create(
                        {
                            "product_id": sale_line.product_id.id,
                            "sale_line_id": sale_line.id,
                            "quantity": qty,
                            "lot_id": lot.id if lot else False,
                            "reason_kind": "quality",
                        }
                    )
                    for sale_line, qty, lot in lines
                ]
            }
        )
        return record


def submitted_return(env, users, label):
    """A submitted return of one unsaleable unit of goods bought and delivered, its chain
    signed by ``users`` (role -> user: return_approver, accountant) once opened."""
    env.company.write(
        {
            "aftersales_return_ratio_allowed": 50.0,
            "aftersales_return_days_allowed": 180,
            "aftersales_return_sales_head_id": users["return_approver"].id,
            "aftersales_return_accountant_id": users["accountant"].id,
        }
    )
    customer = env["res.partner"].create({"name": f"{label} Customer"})
    goods = env["product.product"].create(
        {"name": f"{label} Dryer", "type": "consu", "list_price": 100.0}
    )
    order = env["sale.order"].create(
        {
            "partner_id": customer.id,
            "order_line": [Command.create({"product_id": goods.id, "product_uom_qty": 20})],
        }
    )
    order.action_confirm()
    order.picking_ids.button_validate()
    record = env["aftersales.return"].create(
        {
            "partner_id": customer.id,
            "line_ids": [
                Command.create(
                    {
                        "product_id": goods.id,
                        "sale_line_id": order.order_line.id,
                        "quantity": 1,
                        "reason_kind": "unsaleable",
                        "reason": "Slow-moving stock",
                    }
                )
            ],
        }
    )
    record.action_submit()
    return record
