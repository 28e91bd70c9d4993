# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class StockPicking(models.Model):
    _inherit = "stock.picking"

    aftersales_needs_inspection = fields.Boolean(
        string="Needs Inbound Inspection",
        compute="_compute_aftersales_needs_inspection",
        help="Vendor receipts into the after-sales parts warehouse are inspected "
        "against the purchase order before they are validated.",
    )
    aftersales_inspected = fields.Boolean(
        string="Inspected", readonly=True, copy=False, tracking=True
    )
    aftersales_inspector_id = fields.Many2one(
        "res.users", string="Inspected By", readonly=True, copy=False
    )
    aftersales_quarantine_picking_id = fields.Many2one(
        "stock.picking", string="Quarantine Transfer", readonly=True, copy=False
    )

    @api.depends("picking_type_code", "location_id", "location_dest_id", "company_id")
    def _compute_aftersales_needs_inspection(self):
        for picking in self:
            warehouse = picking.company_id.aftersales_parts_warehouse_id
            picking.aftersales_needs_inspection = bool(
                warehouse
                and picking.picking_type_code == "incoming"
                and picking.location_id.usage == "supplier"
                and picking.picking_type_id.warehouse_id == warehouse
            )

    def action_aftersales_inspect(self):
        """Record that the received parts were inspected (rejected quantities entered)."""
        self.filtered("aftersales_needs_inspection").write(
            {"aftersales_inspected": True, "aftersales_inspector_id": self.env.user.id}
        )
        return True

    def button_validate(self):
        uninspected = self.filtered(
            lambda p: p.aftersales_needs_inspection and not p.aftersales_inspected
        )
        if uninspected:
            raise UserError(
                self.env._(
                    "Inspect the parts of %(names)s and enter any rejected quantity before "
                    "validating the receipt.",
                    names=", ".join(uninspected.mapped("name")),
                )
            )
        return super().button_validate()

    def _action_done(self):
        res = super()._action_done()
        self.filtered(
            lambda p: p.aftersales_needs_inspection and p.state == "done"
        )._aftersales_quarantine_rejected()
        return res

    def _aftersales_quarantine_rejected(self):
        """Move the rejected quantities of inspected receipts to the quarantine location."""
        for picking in self:
            company = picking.company_id
            rejected = picking.move_ids.filtered(
                lambda m: m.state == "done" and m.aftersales_qty_rejected > 0
            )
            if not rejected or not company.aftersales_quarantine_location_id:
                continue
            warehouse = company.aftersales_parts_warehouse_id
            quarantine = self.sudo().create(
                {
                    "picking_type_id": warehouse.int_type_id.id,
                    "location_id": picking.location_dest_id.id,
                    "location_dest_id": company.aftersales_quarantine_location_id.id,
                    "origin": picking.name,
                    "partner_id": picking.partner_id.id,
                    "company_id": company.id,
                    "move_ids": [
                        fields.Command.create(
                            {
                                "name": move.product_id.display_name,
                                "product_id": move.product_id.id,
                                "product_uom": move.product_uom.id,
                                "product_uom_qty": move.aftersales_qty_rejected,
                                "location_id": picking.location_dest_id.id,
                                "location_dest_id": company.aftersales_quarantine_location_id.id,
                                "company_id": company.id,
                            }
                        )
                        for move in rejected
                    ],
                }
            )
            quarantine.action_confirm()
            quarantine.action_assign()
            picking.aftersales_quarantine_picking_id = quarantine
