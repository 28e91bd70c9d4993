# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime

from freezegun import freeze_time

from .common import QualityCommon


class TestFaultAnalysis(QualityCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.compressor = cls.env["aftersales.fault.code"].create(
            {
                "code": "T-CMP",
                "name": "Compressor seized",
                "component": "Compressor",
                "symptom": "No cooling",
                "product_tmpl_id": cls.product.product_tmpl_id.id,
            }
        )
        cls.board = cls.env["aftersales.fault.code"].create(
            {"code": "T-PCB", "name": "Board failure", "component": "Control board"}
        )
        Request = cls.env["aftersales.request"]
        base = {"partner_id": cls.customer.id, "product_id": cls.product.id}
        cls.requests = Request.create(
            [
                dict(base, fault_code_id=cls.compressor.id, date_request=datetime(2026, 1, 5)),
                dict(base, fault_code_id=cls.compressor.id, date_request=datetime(2026, 2, 5)),
                dict(base, fault_code_id=cls.board.id, date_request=datetime(2026, 2, 6)),
            ]
        )

    def test_recurring_faults_per_product_and_component(self):
        """Requests group per product model and component, each count backed by its requests."""
        groups = self.env["aftersales.request"]._read_group(
            [("id", "in", self.requests.ids)],
            ["product_tmpl_id", "component"],
            ["__count", "id:array_agg"],
        )
        counts = {(tmpl, comp): (count, set(ids)) for tmpl, comp, count, ids in groups}
        tmpl = self.product.product_tmpl_id
        self.assertEqual(counts[(tmpl, "Compressor")], (2, set(self.requests[:2].ids)))
        self.assertEqual(counts[(tmpl, "Control board")][0], 1)

    def test_fault_code_lists_its_requests_for_rd(self):
        """The fault code's count opens the requests behind it and the R&D report lists them."""
        self.assertEqual(self.compressor.request_count, 2)
        action = self.compressor.action_view_requests()
        self.assertEqual(self.env["aftersales.request"].search(action["domain"]), self.requests[:2])
        html = self.env["ir.actions.report"]._render_qweb_html(
            "aftersales_quality.report_fault_code", self.compressor.ids
        )[0]
        for request in self.requests[:2]:
            self.assertIn(request.name.encode(), html)

    @freeze_time("2026-04-02 09:00:00")
    def test_quarterly_campaign_surveys_each_customer_once(self):
        """The campaign sends one survey per customer served in the quarter."""
        second = self.env["res.partner"].create({"name": "Daegu Retail"})
        with freeze_time("2026-02-10 09:00:00"):
            self._done_request()
            self._done_request()
            self._done_request(partner=second)
        wizard = self.env["aftersales.survey.campaign"].create({})
        self.assertEqual(wizard.campaign, "2026-Q1")
        action = wizard.action_send()
        surveys = self.env["aftersales.survey"].search(action["domain"])
        self.assertEqual(surveys.partner_id, self.customer | second)
        self.assertEqual(len(surveys), 2)
        again = self.env["aftersales.survey.campaign"].create({}).action_send()
        self.assertFalse(self.env["aftersales.survey"].search(again["domain"]))
