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

/* An agent records a request, the dispatcher assigns the suggested technician, the
   technician repairs the unit on site with a spare part and finishes the request. */
registry.category("web_tour.tours").add("aftersales_service_tour", {
    url: "/odoo/action-aftersales_service.aftersales_request_action/new",
    steps: () =>
        patient([
            {
                content: "A new service request form is open",
                trigger: ".o_form_view .o_form_editable .o_field_widget[name=partner_id]",
            },
            // intake
            ...pickMany2one("partner_id", "Tour Cooling Customer"),
            ...pickMany2one("product_id", "Tour Chiller TC-9"),
            ...pressAndReach("action_assess", "Assessed"),
            // dispatch: the suggestion wizard ranks certified technicians by load
            {
                content: "Ask for a technician suggestion",
                trigger: ".o_form_view .o_statusbar_buttons button[name=action_suggest_technician]",
                run: "click",
            },
            {
                content: "The suggestion lists the certified technician",
                trigger: ".modal .o_field_widget[name=line_ids] td:contains('Tour Technician Park')",
            },
            ...pickMany2one("employee_id", "Tour Technician Park", "Tour Technician Park", ".modal"),
            {
                content: "Assign the technician",
                trigger: ".modal footer button[name=action_assign]",
                run: "click",
            },
            {
                content: "The request now has its technician",
                trigger:
                    "body:not(:has(.modal)) .o_form_view .o_field_widget[name=technician_id] input:value('Tour Technician Park')",
            },
            ...pressAndReach("action_schedule", "Scheduled"),
            ...pressAndReach("action_start", "In Progress"),
            // the repair on site, with a spare part; the technician finishes the request
            ...repairOnSiteAndFinish("Tour Fan Motor FM-1"),
        ]),
});

function grade(dimension, value) {
    return {
        content: `Grade ${dimension}`,
        trigger: `form input[type=radio][name=${dimension}][value='${value}']`,
        run: "click",
    };
}

/* The customer opens the survey link of the finished request and answers it. */
registry.category("web_tour.tours").add("aftersales_survey_tour", {
    steps: () =>
        patient([
            {
                content: "The survey names the request",
                trigger: "h2:contains('How satisfied are you with our service?')",
            },
            grade("grade_attitude", "4"),
            grade("grade_skill", "4"),
            grade("grade_punctuality", "3"),
            grade("grade_promise", "4"),
            {
                content: "Leave a comment",
                trigger: "textarea[name=comment]",
                run: "edit The technician explained how to clean the filters.",
            },
            {
                content: "Send the answers",
                trigger: "form button[type=submit]",
                run: "click",
            },
            {
                content: "The customer is thanked",
                trigger: "h2:contains('Thank you for your answer!')",
            },
        ]),
});
