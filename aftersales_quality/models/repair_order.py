# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models

from odoo.addons.aftersales_service.rules.charging import same_component, within_repair_warranty


class RepairOrder(models.Model):
    _inherit = "repair.order"

    aftersales_fault_code_id = fields.Many2one(
        "aftersales.fault.code",
        string="Fault Code",
        compute="_compute_aftersales_fault_code_id",
        store=True,
        readonly=False,
        index="btree_not_null",
        help="Coded fault (from the service request, or found by the technician); a repeat "
        "fault is the same fault code, and component, on the same unit.",
    )

    @api.depends("aftersales_request_id.fault_code_id")
    def _compute_aftersales_fault_code_id(self):
        for repair in self:
            repair.aftersales_fault_code_id = (
                repair.aftersales_request_id.fault_code_id or repair.aftersales_fault_code_id
            )

    @api.depends(
        "lot_id",
        "aftersales_fault_code",
        "aftersales_fault_code_id",
        "aftersales_component",
        "company_id",
        "schedule_date",
        "aftersales_request_id.date_request",
    )
    def _compute_aftersales_repeat_of_id(self):
        """Coded repairs repeat an earlier one on the fault code record and component, not on
        the text; uncoded ones keep the text match of the service add-on."""
        coded = self.filtered("aftersales_fault_code_id")
        super(RepairOrder, self - coded)._compute_aftersales_repeat_of_id()
        coded.aftersales_repeat_of_id = False
        coded.aftersales_is_repeat = False
        candidates = coded.filtered("lot_id")
        if not candidates:
            return
        reported = {
            repair: repair.aftersales_request_id.date_request or repair.schedule_date
            for repair in candidates
        }
        days = max(candidates.company_id.mapped("aftersales_repair_warranty_days") or [0])
        previous = self.search(
            [
                ("lot_id", "in", candidates.lot_id.ids),
                ("state", "=", "done"),
                ("aftersales_fault_code_id", "in", candidates.aftersales_fault_code_id.ids),
                ("aftersales_date_repaired", ">=", min(reported.values()) - timedelta(days=days)),
            ],
            order="aftersales_date_repaired desc",
        )
        for repair in candidates:
            match = previous.filtered(
                lambda p, r=repair: (
                    p.lot_id == r.lot_id
                    and p.company_id == r.company_id
                    and p.id != r._origin.id
                    and p.aftersales_fault_code_id == r.aftersales_fault_code_id
                    and same_component(r.aftersales_component, p.aftersales_component)
                    and within_repair_warranty(
                        p.aftersales_date_repaired,
                        reported[r],
                        r.company_id.aftersales_repair_warranty_days,
                    )
                )
            )[:1]
            repair.aftersales_repeat_of_id = match
            repair.aftersales_is_repeat = bool(match)

    @api.model_create_multi
    def create(self, vals_list):
        repairs = super().create(vals_list)
        repairs._aftersales_link_revisits()
        return repairs

    def write(self, vals):
        res = super().write(vals)
        if {
            "lot_id",
            "aftersales_fault_code",
            "aftersales_fault_code_id",
            "aftersales_request_id",
        } & set(vals):
            self._aftersales_link_revisits()
        return res

    def _aftersales_link_revisits(self):
        """A repeat repair (same serial and fault within the repair warranty) makes its request
        a revisit of the earlier repair's request, not fixed the first time."""
        for repair in self.filtered(lambda r: r.aftersales_is_repeat and r.aftersales_request_id):
            earlier = repair.aftersales_repeat_of_id.aftersales_request_id
            repair.aftersales_request_id._aftersales_mark_revisit_of(earlier)

    # ------------------------------------------------------------------
    # Product knowledge (issue 19): the documents of the repaired product
    # ------------------------------------------------------------------
    aftersales_knowledge_count = fields.Integer(
        string="Documents", compute="_compute_aftersales_knowledge_count", compute_sudo=False
    )

    @api.depends("product_id")
    def _compute_aftersales_knowledge_count(self):
        Document = self.env["aftersales.knowledge.document"]
        self.aftersales_knowledge_count = 0
        if not Document.has_access("read"):
            return
        for repair in self.filtered("product_id"):
            repair.aftersales_knowledge_count = Document.search_count(
                Document._for_product_domain(repair.product_id)
            )

    def action_view_aftersales_knowledge(self):
        self.ensure_one()
        return self.env["aftersales.knowledge.document"]._action_for_product(self.product_id)
