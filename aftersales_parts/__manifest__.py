# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "After-Sales Spare Parts",
    "summary": "After-sales parts warehouse, ABC classes, safety stock, loaner units, tool custody",
    "version": "18.0.1.0.0",
    "category": "Services/After-Sales",
    "website": "https://github.com/aftersales/aftersales",
    "author": "Aftersales contributors",
    "license": "LGPL-3",
    "installable": True,
    "depends": [
        "aftersales_service",
        "maintenance",
        "purchase_stock",
    ],
    "data": [
        "security/aftersales_parts_security.xml",
        "security/ir.model.access.csv",
        "data/aftersales_parts_data.xml",
        "views/aftersales_abc_run_views.xml",
        "views/aftersales_loan_views.xml",
        "views/aftersales_reorder_proposal_views.xml",
        "views/aftersales_request_views.xml",
        "views/aftersales_tool_views.xml",
        "views/product_template_views.xml",
        "views/res_config_settings_views.xml",
        "views/stock_picking_views.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/aftersales_parts_demo.xml",
        "demo/aftersales_loan_demo.xml",
    ],
}
