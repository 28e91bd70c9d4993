# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import UserError


class AftersalesStateMixin(models.AbstractModel):
    """A document whose state changes only through its buttons and crons.

    A plain ``write`` (form, RPC, import) of the guarded fields is refused with the model's
    own sentence (``_aftersales_state_refusal``); ``create`` ignores a given state unless the
    model itself passes it; the model's buttons go through ``_aftersales_write_state`` after
    checking the current state with ``_aftersales_check_state``.
    """

    _name = "aftersales.state.mixin"
    _description = "After-Sales Document Changed Through Its Buttons"

    #: fields written only through ``_aftersales_write_state``
    _aftersales_state_fields = ("state",)

    def _aftersales_state_key(self):
        """Context key that lets the model's own methods write the guarded fields."""
        return f"{self._name.replace('.', '_')}_state_change"

    def _aftersales_state_changing(self):
        return bool(self.env.context.get(self._aftersales_state_key()))

    def _aftersales_state_refusal(self):
        """Sentence refusing a direct change of a guarded field (each model says its own)."""
        return self.env._("The state of this document changes only through its buttons.")

    @api.model_create_multi
    def create(self, vals_list):
        if not self._aftersales_state_changing():
            for vals in vals_list:
                vals.pop("state", None)
        return super().create(vals_list)

    def write(self, vals):
        if not self._aftersales_state_changing() and any(
            name in vals for name in self._aftersales_state_fields
        ):
            raise UserError(self._aftersales_state_refusal())
        return super().write(vals)

    def _aftersales_write_state(self, vals):
        """Write guarded fields on behalf of the model's buttons and crons."""
        return self.with_context(**{self._aftersales_state_key(): True}).write(vals)

    def _aftersales_check_state(self, allowed, refusal):
        """Refuse when a record is not in one of the ``allowed`` states.

        ``refusal(record, state_label)`` returns the translated sentence for the first
        record found in a wrong state.
        """
        wrong = self.filtered(lambda record: record.state not in allowed)
        if wrong:
            labels = dict(self._fields["state"]._description_selection(self.env))
            raise UserError(refusal(wrong[0], labels.get(wrong[0].state, wrong[0].state)))
