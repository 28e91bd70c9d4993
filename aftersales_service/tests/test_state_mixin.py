# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError

from .common import AftersalesCommon


class TestStateMixin(AftersalesCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.warranty = cls.env["aftersales.warranty"].create(
            {
                "partner_id": cls.customer.id,
                "product_id": cls.product.id,
                "months": 12,
                "date_start": "2026-01-05",
            }
        )

    def test_created_state_is_ignored(self):
        """A state given at creation is ignored: documents start where their flow starts."""
        request = self.env["aftersales.request"].create(
            {"partner_id": self.customer.id, "state": "done"}
        )
        self.assertEqual(request.state, "new")

    def test_one_document_type_does_not_unlock_another(self):
        """The key that lets contracts change state does not open the warranty's state."""
        contract_env = self.env["aftersales.contract"].with_context(
            aftersales_transition="aftersales.contract"
        )
        self.assertTrue(contract_env._aftersales_in_transition())
        with self.assertRaisesRegex(UserError, "warranty changes only through its buttons"):
            self.warranty.with_env(contract_env.env).write({"state": "void"})
        with self.assertRaisesRegex(UserError, "warranty changes only through its buttons"):
            self.warranty.write({"void_reason": "typed in the form"})
        self.assertEqual(self.warranty.state, "active")

    def test_wrong_state_is_refused_with_the_models_sentence(self):
        """A button used in the wrong state is refused in the model's own words."""
        with self.assertRaisesRegex(UserError, "cannot be moved to"):
            self.env["aftersales.request"].create({"partner_id": self.customer.id}).action_done()
