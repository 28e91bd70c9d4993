# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class AftersalesDailyWorkReport(models.AbstractModel):
    _name = "report.aftersales_service.report_daily_work"
    _description = "Director's Daily Work Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        logs = self.env["aftersales.work.log"].browse(docids)
        days = sorted(set(logs.mapped("date")))
        reports = []
        for day in days:
            day_logs = logs.filtered(lambda log, d=day: log.date == d)
            summary = self.env["aftersales.work.log"]._aftersales_daily_summary(
                day, employees=day_logs.employee_id
            )
            totals = dict.fromkeys(["A", "B", "C", "D", "total"], 0.0)
            for hours in summary.values():
                for key in totals:
                    totals[key] += hours[key]
            reports.append(
                {
                    "date": day,
                    "rows": sorted(summary.items(), key=lambda item: item[0].name),
                    "totals": totals,
                    "requests": day_logs.request_id,
                }
            )
        return {"doc_ids": docids, "doc_model": "aftersales.work.log", "docs": logs, "reports": reports}
