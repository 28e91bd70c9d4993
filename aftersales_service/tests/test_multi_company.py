# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.base.tests.common import new_test_user

from .trust_common import TrustCommon


@tagged("post_install", "-at_install")
class TestMultiCompany(TrustCommon):
    """A user of company B sees nothing of company A, in every after-sales model."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_a = cls.env.company
        cls.company_b = cls.env["res.company"].create({"name": "Daegu Service Co."})
        cls.manager_b = new_test_user(
            cls.env,
            login="trust_manager_b",
            groups="aftersales_service.group_aftersales_manager,stock.group_stock_user",
            company_id=cls.company_b.id,
            company_ids=[(6, 0, cls.company_b.ids)],
        )

    def _company_models(self):
        return sorted(
            name
            for name, model in self.env.registry.items()
            if name.startswith("aftersales.")
            and not model._transient
            and not model._abstract
            and model._auto
            and "company_id" in model._fields
            and model._fields["company_id"].store
        )

    def _company_a_record(self, model):
        """A document of ``model`` in company A (shared policies are pinned to A too)."""
        record = self._fixture(model)
        if record.company_id != self.company_a:
            record.company_id = self.company_a
        return record

    def test_every_company_model_is_checked(self):
        """The foundation's documents are among the models checked, so the check can bite."""
        models = self._company_models()
        for name in ("aftersales.request", "aftersales.loan", "aftersales.complaint"):
            self.assertIn(name, models)

    def test_company_b_user_sees_nothing_of_company_a(self):
        """Searching, counting, reading and grouping as company B's manager finds no A record."""
        for model in self._company_models():
            with self.subTest(model=model):
                record = self._company_a_record(model)
                as_b = self.env[model].with_user(self.manager_b)
                found = as_b.search([("company_id", "=", self.company_a.id)])
                self.assertFalse(found, f"{model}: company B sees company A's records")
                self.assertNotIn(record.id, as_b.search([]).ids)
                self.assertFalse(
                    as_b.search_count([("id", "=", record.id)]),
                    f"{model}: counted across companies",
                )
                with self.assertRaises(AccessError):
                    record.with_user(self.manager_b).read(["display_name"])
                groups = as_b.read_group([], ["company_id"], ["company_id"])
                self.assertNotIn(
                    self.company_a.id,
                    [g["company_id"][0] for g in groups if g["company_id"]],
                )

    def test_company_b_user_cannot_write_company_a_records(self):
        """Writing or deleting company A's records as company B's manager is refused."""
        for model in self._company_models():
            with self.subTest(model=model):
                record = self._company_a_record(model).with_user(self.manager_b)
                with self.assertRaises(AccessError):
                    record.write({})
                with self.assertRaises(AccessError):
                    record.unlink()
