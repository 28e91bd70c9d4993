# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

PROPOSALS = 6


class AftersalesAppointmentWizard(models.TransientModel):
    _name = "aftersales.appointment.wizard"
    _description = "Appointment Agreement"

    request_id = fields.Many2one("aftersales.request", required=True, ondelete="cascade")
    technician_id = fields.Many2one(related="request_id.technician_id")
    slot_ids = fields.One2many(
        "aftersales.appointment.wizard.slot", "wizard_id", string="Free Slots"
    )
    slot_id = fields.Many2one(
        "aftersales.appointment.wizard.slot",
        string="Proposal",
        domain="[('wizard_id', '=', id)]",
        help="Free slots of the technician's working calendar (working hours, leaves and "
        "existing appointments considered); offer them to the customer.",
    )
    date_start = fields.Datetime(
        string="Appointment", compute="_compute_dates", store=True, readonly=False
    )
    date_end = fields.Datetime(
        string="Appointment End", compute="_compute_dates", store=True, readonly=False
    )

    @api.depends("slot_id")
    def _compute_dates(self):
        for wizard in self:
            if wizard.slot_id:
                wizard.date_start = wizard.slot_id.date_start
                wizard.date_end = wizard.slot_id.date_end
            else:
                wizard.date_start = wizard.date_start
                wizard.date_end = wizard.date_end

    @api.model_create_multi
    def create(self, vals_list):
        wizards = super().create(vals_list)
        for wizard in wizards:
            request = wizard.request_id
            free = request.technician_id._aftersales_free_slots(
                fields.Datetime.now(), count=PROPOSALS, exclude=request
            ).get(request.technician_id.id, [])
            wizard.slot_ids = [
                fields.Command.create({"date_start": start, "date_end": end}) for start, end in free
            ]
            wizard.slot_id = wizard.slot_ids[:1]
        return wizards

    def action_agree(self):
        """The customer agreed to this time: it becomes the request's fixed appointment."""
        self.ensure_one()
        self.request_id.write(
            {"date_appointment": self.date_start, "date_appointment_end": self.date_end}
        )
        self.request_id.action_agree_appointment()
        return {"type": "ir.actions.act_window_close"}


class AftersalesAppointmentWizardSlot(models.TransientModel):
    _name = "aftersales.appointment.wizard.slot"
    _description = "Appointment Proposal"
    _order = "date_start"
    _rec_name = "date_start"

    wizard_id = fields.Many2one("aftersales.appointment.wizard", required=True, ondelete="cascade")
    date_start = fields.Datetime(string="From", required=True)
    date_end = fields.Datetime(string="To", required=True)
