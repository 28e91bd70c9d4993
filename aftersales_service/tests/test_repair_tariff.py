# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .repair_common import AftersalesRepairCommon


@tagged("post_install", "-at_install")
class TestRepairTariff(AftersalesRepairCommon):
    def test_model_tariff_wins_over_category_and_generic(self):
        """The tariff of the product model wins over its category, which wins over all."""
        tariff = self.env["aftersales.tariff"]
        tariff.search([("id", "!=", self.tariff.id)]).active = False
        categ = self.env["product.category"].create({"name": "Air Conditioners"})
        other = self.env["product.product"].create({"name": "AC-500", "categ_id": categ.id})
        generic = tariff.create({"service_type": "onsite", "labour_price": 100.0})
        by_categ = tariff.create(
            {"service_type": "onsite", "product_categ_id": categ.id, "labour_price": 150.0}
        )
        self.product.categ_id = categ
        by_model = tariff.create(
            {
                "service_type": "onsite",
                "product_tmpl_id": self.product.product_tmpl_id.id,
                "labour_price": 180.0,
                "callout_price": 60.0,
            }
        )
        self.assertEqual(tariff._find_tariff("onsite", self.product), by_model)
        self.assertEqual(tariff._find_tariff("onsite", other), by_categ)
        self.assertEqual(tariff._find_tariff("onsite", self.part), generic)
        self.assertFalse(tariff._find_tariff("remote", self.product))

    def test_onsite_quote_has_callout_fee(self):
        """An on-site paid job quotes labour and the call-out fee of the tariff."""
        self.env["aftersales.tariff"].create(
            {
                "service_type": "onsite",
                "product_tmpl_id": self.product.product_tmpl_id.id,
                "labour_price": 180.0,
                "callout_price": 60.0,
            }
        )
        _request, repair = self._make_repair(service_type="onsite")
        repair.action_create_sale_order()
        callout = repair.sale_order_id.order_line.filtered(
            lambda line: line.product_id == repair._aftersales_callout_product()
        )
        self.assertAlmostEqual(callout.price_unit, 60.0)
