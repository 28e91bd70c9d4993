# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    aftersales_zone = fields.Selection(
        [("city", "City"), ("suburb", "Suburb"), ("system", "System Customer")],
        string="Service Zone",
        help="Decides the on-site arrival promise of this customer's requests. "
        "Empty: taken from the service address.",
    )
