# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime

from freezegun import freeze_time

from .common import QualityCommon


class TestTechnicianKpi(QualityCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Employee = cls.env["hr.employee"]
        cls.team = cls.env["hr.department"].create({"name": "Field Service Seoul"})
        cls.technician.department_id = cls.team
        cls.other_tech = Employee.create({"name": "Wang Lei"})
        cls._certify(cls.other_tech)
        WorkLog = cls.env["aftersales.work.log"]
        with freeze_time("2026-02-27 09:00:00"):
            cls.february = cls._done_request()
            cls.february.action_log_callback()
        with freeze_time("2026-03-10 09:00:00"):
            cls.r1 = cls._done_request(diagnosis_review="confirmed")
            cls.r2 = cls._done_request(diagnosis_review="confirmed", revisit_count=1)
            # requested weeks ago: every SLA promise is broken when it is done
            cls.r3 = cls._done_request(
                diagnosis_review="wrong", date_request=datetime(2026, 2, 2, 9, 0)
            )
            cls.r4 = cls._done_request()
            cls.other = cls._done_request(technician=cls.other_tech)
            cls.open_request = cls.env["aftersales.request"].create(
                {"partner_id": cls.customer.id, "technician_id": cls.technician.id}
            )
        with freeze_time("2026-03-10 20:00:00"):
            cls.r1.action_log_callback()  # 11 h after completion: in time
        with freeze_time("2026-03-13 09:00:00"):
            cls.r2.action_log_callback()  # 3 days later: late
        log = {"employee_id": cls.technician.id, "description": "Work"}
        cls.logs = WorkLog.create(
            [
                dict(log, request_id=cls.r1.id, category="A", hours=2, date="2026-03-10"),
                dict(log, request_id=cls.r2.id, category="C", hours=1.5, date="2026-03-10"),
                dict(log, request_id=cls.r3.id, category="C", hours=1, date="2026-03-11"),
                dict(log, category="D", hours=3, date="2026-03-20"),
            ]
        )
        cls.february_log = WorkLog.create(
            dict(log, request_id=cls.february.id, category="B", hours=4, date="2026-02-27")
        )
        with freeze_time("2026-03-12 09:00:00"):
            cls.r1.survey_ids._submit_answers(cls._grades("4", "4", "4", "4"))
            cls.r2.survey_ids._submit_answers(cls._grades("3", "3", "2", "2"))
            Complaint = cls.env["aftersales.complaint"]
            cls.founded = Complaint.create(
                {
                    "partner_id": cls.customer.id,
                    "request_id": cls.r3.id,
                    "category": "staff",
                    "content": "<p>Late</p>",
                    "decision": "founded",
                }
            )
            cls.unfounded = Complaint.create(
                {
                    "partner_id": cls.customer.id,
                    "request_id": cls.r4.id,
                    "category": "staff",
                    "content": "<p>Noise</p>",
                    "decision": "unfounded",
                }
            )
        cls.kpis = cls.env["aftersales.technician.kpi"]._compute_month(2026, 3)
        cls.kpi = cls.kpis.filtered(lambda k: k.employee_id == cls.technician)

    @staticmethod
    def _grades(attitude, skill, punctuality, promise):
        return {
            "grade_attitude": attitude,
            "grade_skill": skill,
            "grade_punctuality": punctuality,
            "grade_promise": promise,
        }

    def _records(self, action):
        return self.env[action["res_model"]].search(action["domain"])

    def test_one_snapshot_per_technician_of_the_month(self):
        """Only technicians with figures in the month get a snapshot, with their team."""
        self.assertEqual(self.kpis.employee_id, self.technician | self.other_tech)
        self.assertEqual(self.kpi.date_month, date(2026, 3, 1))
        self.assertEqual(self.kpi.department_id, self.team)

    def test_figures_equal_hand_counts(self):
        """Requests done, first-time fix, diagnosis accuracy, satisfaction and founded
        complaints equal the counts made from this test's records."""
        kpi = self.kpi
        # r1..r4 done in March; the February one and the open one do not count
        self.assertEqual(kpi.requests_done, 4)
        # r2 needed a revisit
        self.assertEqual(kpi.first_fix_count, 3)
        self.assertEqual(kpi.first_fix_rate, 75.0)
        # r1, r2 confirmed; r3 wrong; r4 not checked
        self.assertEqual(kpi.diagnosis_checked, 3)
        self.assertEqual(kpi.diagnosis_confirmed, 2)
        self.assertEqual(kpi.diagnosis_rate, 66.7)
        # 100 and (80 + 80 + 60 + 60) / 4 = 70
        self.assertEqual(kpi.survey_count, 2)
        self.assertEqual(kpi.satisfaction_avg, 85.0)
        self.assertEqual(kpi.complaint_founded, 1)
        # r3 broke its promises; r1, r2, r4 kept them
        self.assertEqual(kpi.sla_breached, 1)
        self.assertEqual(kpi.sla_rate, 75.0)
        # r1 called back in 11 h, r2 after 3 days, r3 and r4 not at all
        self.assertEqual(kpi.callback_in_time, 1)
        self.assertEqual(kpi.callback_rate, 25.0)
        self.assertEqual(
            (kpi.hours_a, kpi.hours_b, kpi.hours_c, kpi.hours_d, kpi.hours_total),
            (2.0, 0.0, 2.5, 3.0, 7.5),
        )
        other = self.kpis - kpi
        self.assertEqual(other.requests_done, 1)
        self.assertEqual(other.complaint_founded, 0)

    def test_figures_against_targets(self):
        """Each rate is judged against the target from the settings."""
        self.assertFalse(self.kpi.is_first_fix_ok)
        self.env.company.aftersales_kpi_first_fix_target = 75
        self.kpi.invalidate_recordset(["is_first_fix_ok", "target_first_fix"])
        self.assertTrue(self.kpi.is_first_fix_ok)

    def test_every_figure_drills_down_to_its_records(self):
        """The buttons open exactly the records each figure counted."""
        kpi = self.kpi
        self.assertEqual(
            self._records(kpi.action_view_requests_done()), self.r1 | self.r2 | self.r3 | self.r4
        )
        self.assertEqual(self._records(kpi.action_view_first_fix()), self.r1 | self.r3 | self.r4)
        self.assertEqual(
            self._records(kpi.action_view_diagnosis_checked()), self.r1 | self.r2 | self.r3
        )
        self.assertEqual(self._records(kpi.action_view_diagnosis_confirmed()), self.r1 | self.r2)
        self.assertEqual(self._records(kpi.action_view_surveys()), (self.r1 | self.r2).survey_ids)
        self.assertEqual(self._records(kpi.action_view_complaints()), self.founded)
        self.assertEqual(self._records(kpi.action_view_sla_breached()), self.r3)
        self.assertEqual(self._records(kpi.action_view_callbacks()), self.r1)
        self.assertEqual(self._records(kpi.action_view_work_logs()), self.logs)

    def test_recomputing_updates_the_snapshot(self):
        """Computing the month again updates the same snapshot instead of adding one."""
        self.r4.diagnosis_review = "confirmed"
        kpis = self.env["aftersales.technician.kpi"]._compute_month(2026, 3)
        self.assertEqual(len(kpis), 2)
        self.assertIn(self.kpi, kpis)
        self.assertEqual(self.kpi.diagnosis_confirmed, 3)

    def test_employee_smart_button_lists_kpis(self):
        """The employee form shows the technician's KPI snapshots."""
        self.assertEqual(self.technician.aftersales_kpi_count, 1)
        action = self.technician.action_view_aftersales_kpis()
        self.assertEqual(self._records(action), self.kpi)

    def test_appraisal_sheet_renders(self):
        """The monthly appraisal sheet prints the technician's figures."""
        html = self.env["ir.actions.report"]._render_qweb_html(
            "aftersales_quality.report_technician_kpi", self.kpi.ids
        )[0]
        self.assertIn(b"Kim Min-jun", html)
        self.assertIn(b"Monthly Appraisal Sheet", html)

    def test_compute_is_set_based(self):
        """The number of queries does not grow with the number of technicians' requests."""
        Kpi = self.env["aftersales.technician.kpi"]
        Kpi._compute_month(2026, 3)
        self.env.invalidate_all()
        with self.assertQueryCount(60):
            Kpi._compute_month(2026, 3)
