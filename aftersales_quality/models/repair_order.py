# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.osv import expression

from odoo.addons.aftersales_service.rules.charging import same_component


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

    def _aftersales_repeat_depends(self):
        return super()._aftersales_repeat_depends() + [
            "aftersales_fault_code_id",
            "aftersales_component",
        ]

    def _aftersales_repeat_candidates(self):
        """Coded repairs of a known unit may repeat an earlier one even without a text."""
        coded = self.filtered(lambda repair: repair.lot_id and repair.aftersales_fault_code_id)
        return super(RepairOrder, self - coded)._aftersales_repeat_candidates() | coded

    def _aftersales_repeat_domain(self, since):
        """Coded repairs compare with repairs of the same fault codes, uncoded ones with the
        service add-on's texts."""
        coded = self.filtered("aftersales_fault_code_id")
        domain = [
            ("lot_id", "in", coded.lot_id.ids),
            ("state", "=", "done"),
            ("aftersales_fault_code_id", "in", coded.aftersales_fault_code_id.ids),
            ("aftersales_date_repaired", ">=", since),
        ]
        uncoded = self - coded
        if not uncoded:
            return domain
        return expression.OR([domain, super(RepairOrder, uncoded)._aftersales_repeat_domain(since)])

    def _aftersales_same_fault(self, previous):
        """Coded repairs repeat an earlier one on the fault code record and component, not on
        the text; uncoded ones keep the text match of the service add-on."""
        if not self.aftersales_fault_code_id:
            return super()._aftersales_same_fault(previous)
        return previous.aftersales_fault_code_id == self.aftersales_fault_code_id and (
            same_component(self.aftersales_component, previous.aftersales_component)
        )

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
