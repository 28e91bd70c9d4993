# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "After-Sales Service",
    "summary": "Service requests, warranties, repairs and returns for after-sales teams",
    "version": "18.0.1.0.0",
    "category": "Services/After-Sales",
    "website": "https://github.com/aftersales/aftersales",
    "author": "Aftersales contributors",
    "license": "LGPL-3",
    "application": True,
    "installable": True,
    "depends": [
        "hr",
        "mail",
        "portal",
        "repair",
        "resource",
        "sale_stock",
    ],
    "data": [
        "security/aftersales_security.xml",
        "security/ir.model.access.csv",
        "data/ir_sequence_data.xml",
        "views/menus.xml",
        "views/aftersales_request_views.xml",
        "views/res_config_settings_views.xml",
    ],
    "demo": [
        "demo/aftersales_request_demo.xml",
    ],
}
