# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "After-Sales Quality",
    "summary": "QC verdicts, complaints, satisfaction surveys and technician KPIs",
    "version": "18.0.1.1.1",
    "category": "Services/After-Sales",
    "website": "https://github.com/aftersales/aftersales",
    "author": "Aftersales contributors",
    "license": "LGPL-3",
    "installable": True,
    "depends": [
        "aftersales_service",
    ],
    "data": [
        "security/ir.model.access.csv",
        "security/aftersales_quality_security.xml",
        "security/aftersales_quality_trust.xml",
        "data/ir_sequence_data.xml",
        "data/aftersales_complaint_route_data.xml",
        "data/ir_cron_data.xml",
        "data/aftersales_partner_evaluation_data.xml",
        "views/menus.xml",
        "views/aftersales_complaint_views.xml",
        "data/aftersales_return_qc_data.xml",
        "views/aftersales_return_views.xml",
        "views/repair_order_views.xml",
        "views/aftersales_fault_code_views.xml",
        "views/aftersales_survey_views.xml",
        "views/aftersales_request_views.xml",
        "views/aftersales_technician_kpi_views.xml",
        "views/aftersales_partner_evaluation_views.xml",
        "views/res_config_settings_views.xml",
        "wizard/aftersales_survey_campaign_views.xml",
        "views/reporting_menus.xml",
        "report/technician_kpi_report.xml",
        "report/fault_code_report.xml",
        "views/reporting_dashboard_views.xml",
    ],
    "demo": [
        "demo/aftersales_complaint_demo.xml",
        "demo/aftersales_fault_code_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "aftersales_quality/static/tests/tours/*.js",
        ],
    },
}
