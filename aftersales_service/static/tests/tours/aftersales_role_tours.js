/** @odoo-module **/
/* Copyright 2026 Aftersales contributors
   License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). */

import {registry} from "@web/core/registry";
import {
    patient,
    pickMany2one,
    pressAndReach,
    repairOnSiteAndFinish,
} from "@aftersales_service/../tests/tours/tour_steps";

/* Each tour runs as a user holding exactly the groups the access matrix names for its
   role (aftersales_service/tests/test_role_tours.py). */

/* The agent takes a call: a new request, assessed, dispatched to the suggested technician
   and scheduled. */
registry.category("web_tour.tours").add("aftersales_agent_tour", {
    url: "/odoo/action-aftersales_service.aftersales_request_action/new",
    steps: () =>
        patient([
            {
                content: "A new service request form is open",
                trigger: ".o_form_view .o_form_editable .o_field_widget[name=partner_id]",
            },
            ...pickMany2one("partner_id", "Agent Tour Customer"),
            ...pickMany2one("product_id", "Agent Tour Chiller"),
            ...pressAndReach("action_assess", "Assessed"),
            {
                content: "Ask for a technician suggestion",
                trigger: ".o_form_view .o_statusbar_buttons button[name=action_suggest_technician]",
                run: "click",
            },
            {
                content: "The suggestion lists the certified technician",
                trigger: ".modal .o_field_widget[name=line_ids] td:contains('Agent Tour Technician')",
            },
            ...pickMany2one(
                "employee_id",
                "Agent Tour Technician",
                "Agent Tour Technician",
                ".modal"
            ),
            {
                content: "Assign the technician",
                trigger: ".modal button[name=action_assign]",
                run: "click",
            },
            {
                content: "The dialog is closed",
                trigger: "body:not(:has(.modal))",
            },
            ...pressAndReach("action_schedule", "Scheduled"),
        ]),
});

/* The accountant links a call-out fee invoice to the customer's request (the only request
   offered is that customer's), then opens the request from the invoice. */
registry.category("web_tour.tours").add("aftersales_accountant_tour", {
    steps: () =>
        patient([
            {
                content: "The draft invoice is open",
                trigger: ".o_form_view .o_field_widget[name=aftersales_request_id] input",
            },
            ...pickMany2one("aftersales_request_id", "SR/", "SR/"),
            {
                content: "Save the invoice",
                trigger: ".o_form_view .o_form_button_save",
                run: "click",
            },
            {
                content: "Open the request from the smart button",
                trigger: ".o_form_view button[name=action_aftersales_view_request]",
                run: "click",
            },
            {
                content: "The request's form shows its customer",
                trigger:
                    ".o_form_view .o_field_widget[name=partner_id] input:value('Accountant Tour Customer')",
            },
        ]),
});

/* The sales head signs their step of a return's approval chain. */
registry.category("web_tour.tours").add("aftersales_approver_tour", {
    steps: () =>
        patient([
            {
                content: "The return waits for the approver's signature",
                trigger: ".o_form_view .o_statusbar_buttons button[name=action_approve_step]",
                run: "click",
            },
            {
                content: "The return is approved",
                trigger: ".o_form_view .o_statusbar_status .o_arrow_button_current:contains('Approved')",
            },
        ]),
});

/* A portal customer files a request for a unit they bought. */
registry.category("web_tour.tours").add("aftersales_portal_tour", {
    url: "/my/requests/new",
    steps: () =>
        patient([
            {
                content: "Choose the product bought",
                trigger: "select[name=product_id]",
                run: "selectByLabel Portal Tour Dehumidifier",
            },
            {
                content: "Describe the problem",
                trigger: "textarea[name=description]",
                run: "edit The dehumidifier makes a loud noise.",
            },
            {
                content: "Send the request",
                trigger: "form[action='/my/requests/new'] button[type=submit]",
                run: "click",
            },
            {
                content: "The request's page shows its reference",
                trigger: "body:contains('SR/')",
            },
        ]),
});

/* The technician starts the request assigned to them, repairs the unit on site with a
   spare part and finishes the request. */
registry.category("web_tour.tours").add("aftersales_technician_tour", {
    steps: () =>
        patient([
            ...pressAndReach("action_start", "In Progress"),
            ...repairOnSiteAndFinish("Technician Tour Motor"),
        ]),
});
