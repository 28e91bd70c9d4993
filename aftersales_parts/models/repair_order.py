# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class RepairOrder(models.Model):
    _inherit = "repair.order"

    @api.model
    def _aftersales_parts_picking_type(self, company, user):
        """The repair operation of ``company``'s parts warehouse for an after-sales repair of
        ``user``; none when the user chose a default warehouse of their own (that one is kept,
        as in Odoo) or no parts warehouse is configured."""
        if user and user.sudo().with_company(company).property_warehouse_id:
            return self.env["stock.picking.type"]
        return company.sudo().aftersales_parts_warehouse_id.repair_type_id

    def _get_picking_type(self):
        """A repair opened from a service request defaults to the parts warehouse; every
        other repair keeps Odoo's default (the user's or the company's warehouse)."""
        result = super()._get_picking_type()
        if not self and self.env.context.get("default_aftersales_request_id"):
            company, user = self.env.company, self.env.user
            picking_type = self._aftersales_parts_picking_type(company, user)
            if picking_type:
                result[(company, user)] = picking_type
        return result

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.context.get("default_picking_type_id"):
            for vals in vals_list:
                if not vals.get("aftersales_request_id") or vals.get("picking_type_id"):
                    continue
                company = self.env["res.company"].browse(vals.get("company_id")) or self.env.company
                user = (
                    self.env["res.users"].browse(vals["user_id"])
                    if "user_id" in vals
                    else self.env.user
                )
                picking_type = self._aftersales_parts_picking_type(company, user)
                if picking_type:
                    vals["picking_type_id"] = picking_type.id
        return super().create(vals_list)
