# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from werkzeug.exceptions import NotFound

from odoo import http
from odoo.exceptions import UserError
from odoo.http import request
from odoo.tools import consteq

from ..models.aftersales_survey import DIMENSIONS


class AftersalesSurveyController(http.Controller):
    def _get_survey(self, survey_id, token):
        """The survey when the token is its own; 404 otherwise (no hint either way)."""
        survey = request.env["aftersales.survey"].sudo().browse(survey_id).exists()
        if not survey or not token or not consteq(survey.access_token, token):
            raise NotFound()
        return survey

    def _render(self, survey, token, error=False):
        env = survey.env
        dimensions = [
            (name, survey._fields[name].get_description(env)["string"]) for name in DIMENSIONS
        ]
        grades = survey._fields[DIMENSIONS[0]]._description_selection(env)
        return request.render(
            "aftersales_quality.survey_page",
            {
                "survey": survey,
                "token": token,
                "dimensions": dimensions,
                "grades": grades,
                "error": error,
            },
        )

    @http.route(
        "/aftersales/survey/<int:survey_id>/<string:token>",
        type="http",
        auth="public",
        methods=["GET"],
        website=True,
    )
    def survey_form(self, survey_id, token, **kwargs):
        return self._render(self._get_survey(survey_id, token), token)

    @http.route(
        "/aftersales/survey/<int:survey_id>/<string:token>/submit",
        type="http",
        auth="public",
        methods=["POST"],
        website=True,
    )
    def survey_submit(self, survey_id, token, **post):
        survey = self._get_survey(survey_id, token)
        try:
            survey._submit_answers(post)
        except UserError as error:
            return self._render(survey, token, error=str(error))
        return request.render("aftersales_quality.survey_thanks", {"survey": survey})
