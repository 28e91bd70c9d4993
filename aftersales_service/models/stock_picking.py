# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import UserError


class StockPicking(models.Model):
    _inherit = "stock.picking"

    aftersales_return_id = fields.Many2one(
        "aftersales.return", string="After-Sales Return", index="btree_not_null", copy=False
    )
    aftersales_return_kind = fields.Selection(
        [
            ("pickup", "Return Transport Order"),
            ("putaway", "Put-Away after Inspection"),
            ("sendback", "Send Back to Customer"),
            ("replacement", "Replacement Delivery"),
            ("supplier", "Return to Supplier"),
        ],
        string="Return Transfer Kind",
        readonly=True,
        copy=False,
    )
    aftersales_driver_name = fields.Char(
        string="Driver",
        help="The driver who collects the goods against this return transport order.",
    )
    aftersales_repair_id = fields.Many2one(
        "repair.order",
        string="Repair Order",
        index="btree_not_null",
        check_company=True,
        copy=False,
        readonly=True,
    )
    aftersales_goods_kind = fields.Selection(
        [("receipt", "Customer Goods Receipt"), ("return", "Return to Customer")],
        string="Customer Goods Movement",
        readonly=True,
        copy=False,
    )

    def _check_aftersales_return_signatures(self):
        """A return's stock-in waits for every signature the return needs."""
        for picking in self.filtered(
            lambda p: p.aftersales_return_id and p.picking_type_code == "incoming"
        ):
            missing = picking.aftersales_return_id._aftersales_missing_signatures()
            if missing:
                raise UserError(
                    self.env._(
                        "%(picking)s cannot be validated: return %(name)s still lacks the "
                        "signature of %(missing)s.",
                        picking=picking.name,
                        name=picking.aftersales_return_id.name,
                        missing=", ".join(missing),
                    )
                )

    def button_validate(self):
        self._check_aftersales_return_signatures()
        return super().button_validate()

    def _action_done(self):
        self._check_aftersales_return_signatures()
        # a repaired unit goes back to the customer only after its QC release
        self.filtered(
            lambda p: p.aftersales_goods_kind == "return"
        ).aftersales_repair_id._aftersales_check_released()
        res = super()._action_done()
        stock_in = self.filtered(
            lambda p: (
                p.aftersales_return_id and p.picking_type_code == "incoming" and p.state == "done"
            )
        )
        # the warehouse's activity to validate the stock-in is done with it
        if stock_in:
            stock_in.activity_feedback(["aftersales_service.mail_activity_type_return_stock_in"])
        for record in stock_in.aftersales_return_id:
            record._on_stock_in(stock_in.filtered(lambda p, r=record: p.aftersales_return_id == r))
        return res

    def action_aftersales_print_receipt(self):
        return self.env.ref(
            "aftersales_service.action_report_customer_goods_receipt"
        ).report_action(self)
