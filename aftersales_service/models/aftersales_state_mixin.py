# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import UserError
from odoo.tools import SQL


class AftersalesStateMixin(models.AbstractModel):
    """A document whose state changes only through its actions.

    Each action (``action_submit``, ``action_done``...) checks where the document comes from
    and moves it in one call, the way ``repair.order``'s action methods do::

        def action_submit(self):
            return self._aftersales_transition(("draft",), "submitted", {"date_submitted": now})

    * ``_aftersales_transition_refusals()`` gives, per target state, the whole translated
      sentence shown when a document is not in one of the allowed states.
    * ``_aftersales_transition_fields()`` lists the fields only an action may write (the state
      by default); a form, RPC call or import that writes them is refused.
    * ``_aftersales_protected_fields()`` lists the fields frozen once the document is done
      (``_aftersales_is_frozen``), like ``sale.order.line._get_protected_fields``.
    * ``_aftersales_lock()`` takes the document's row lock for the few actions two people may
      click at once (sign a step, answer a complaint). A concurrent click waits for the lock;
      a lock not available or a serialization failure is retried by Odoo's request retry
      (``odoo.service.model.retrying``), and the retried action must be idempotent.
    """

    _name = "aftersales.state.mixin"
    _description = "After-Sales Document Changed Through Its Actions"

    # ------------------------------------------------------------------ hooks
    def _aftersales_transition_fields(self):
        """Fields written only by the document's actions (through ``_aftersales_transition``)."""
        return {"state"}

    def _aftersales_transition_refusals(self):
        """Target state -> whole sentence refusing the move (``%(name)s`` is the document).

        Override it to add the sentences of your own actions (``super()`` then ``update``).
        """
        return {}

    def _aftersales_field_refusal(self, field_names):
        """Sentence refusing a direct write of the transition fields ``field_names`` (form,
        RPC, import); override it to say a field's own sentence (``super()`` for the rest)."""
        return self.env._("The state of this document changes only through its buttons.")

    def _aftersales_protected_fields(self):
        """Fields that may no longer change once the document is frozen."""
        return set()

    def _aftersales_is_frozen(self):
        """Whether this (single) document is frozen; finished documents by default."""
        self.ensure_one()
        return False

    def _aftersales_frozen_refusal(self, fields_changed):
        """Sentence refusing a change of protected fields on a frozen document."""
        labels = ", ".join(
            self._fields[name]._description_string(self.env) for name in fields_changed
        )
        return self.env._(
            "%(name)s is finished: its %(fields)s can no longer be changed.",
            name=self.display_name,
            fields=labels,
        )

    # ------------------------------------------------------------------ API
    def _aftersales_check_transition(self, allowed_from, target):
        """Refuse with the target's sentence unless every record is in ``allowed_from``
        (an action that works before it moves checks first)."""
        wrong = self.filtered(lambda record: record.state not in allowed_from)
        if wrong:
            raise UserError(wrong[0]._aftersales_transition_refusal(target))

    def _aftersales_transition(self, allowed_from, target, vals=None):
        """Move ``self`` to ``target`` (and write ``vals``) when every record is in
        ``allowed_from``; otherwise refuse with the target's sentence."""
        self._aftersales_check_transition(allowed_from, target)
        values = dict(vals or {})
        if target:
            values["state"] = target
        return self._aftersales_write_transition(values)

    def _aftersales_transition_refusal(self, target):
        self.ensure_one()
        sentence = self._aftersales_transition_refusals().get(target)
        if sentence:
            return sentence % {"name": self.display_name}
        state_labels = dict(self._fields["state"]._description_selection(self.env))
        return self.env._(
            "%(name)s is %(state)s: this action is not possible in that state.",
            name=self.display_name,
            state=state_labels.get(self.state, self.state),
        )

    def _aftersales_write_transition(self, vals):
        """Write transition fields on behalf of an action or a scheduled job (no state check)."""
        return self.with_context(aftersales_transition=self._name).write(vals)

    def _aftersales_in_transition(self):
        return self.env.context.get("aftersales_transition") == self._name

    def _aftersales_lock(self):
        """Lock the documents' rows until the end of the transaction and reload them."""
        if self.ids:
            self.env.cr.execute(
                SQL(
                    "SELECT id FROM %s WHERE id IN %s FOR NO KEY UPDATE",
                    SQL.identifier(self._table),
                    tuple(self.ids),
                )
            )
            self.invalidate_recordset()
        return self

    # ------------------------------------------------------------------ ORM
    @api.model_create_multi
    def create(self, vals_list):
        # a model whose state its parent manages (repair.order) leaves "state" out of its
        # transition fields: created in any state as without the add-ons
        if not self._aftersales_in_transition() and "state" in self._aftersales_transition_fields():
            for vals in vals_list:
                vals.pop("state", None)
        return super().create(vals_list)

    def write(self, vals):
        if not self._aftersales_in_transition():
            written = self._aftersales_transition_fields().intersection(vals)
            if written:
                raise UserError(self._aftersales_field_refusal(written))
            protected = self._aftersales_protected_fields().intersection(vals)
            if protected:
                for record in self:
                    if record._aftersales_is_frozen():
                        changed = [
                            name
                            for name in protected
                            if record._fields[name].convert_to_write(record[name], record)
                            != vals[name]
                        ]
                        if changed:
                            raise UserError(record._aftersales_frozen_refusal(changed))
        return super().write(vals)
