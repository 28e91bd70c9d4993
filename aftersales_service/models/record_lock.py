# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Row locks that keep two users (or two workers) from applying one step twice.

Call :func:`lock_records` at the start of an action that changes the state of a
document or produces a side effect (a picking, an invoice, a mail, an activity), *before*
checking the state: the second of two concurrent clicks then gets a clear error while the
first one is still running, and a fresh state to check once it has finished.
Cron methods use :func:`lock_skip_locked` to take only the rows no other worker holds.
"""

from psycopg2 import errors

from odoo.exceptions import UserError
from odoo.tools import SQL


def lock_records(records):
    """Lock the rows of ``records`` (``FOR UPDATE NOWAIT``) and reload them from the database.

    Raises ``UserError`` when another transaction holds one of the rows.
    """
    if not records.ids:
        return records
    env = records.env
    try:
        # no savepoint: the error below ends the transaction anyway (one query less on
        # every state change)
        env.cr.execute(
            SQL(
                "SELECT id FROM %s WHERE id IN %s FOR UPDATE NOWAIT",
                SQL.identifier(records._table),
                tuple(records.ids),
            )
        )
    except errors.LockNotAvailable:
        # the transaction is aborted now: the message must not need the database
        raise UserError(
            env._(
                "This document is being changed by someone else right now. "
                "Reload the page and try again."
            )
        ) from None
    # we own the rows now: what another transaction committed meanwhile is what counts
    records.invalidate_recordset()
    return records


def lock_skip_locked(records):
    """Lock what can be locked of ``records`` and return those; skip rows others hold.

    For crons that several workers (or a manual run and the scheduler) may run at once:
    each row is handled by exactly one of them.
    """
    if not records.ids:
        return records
    env = records.env
    env.cr.execute(
        SQL(
            "SELECT id FROM %s WHERE id IN %s FOR UPDATE SKIP LOCKED",
            SQL.identifier(records._table),
            tuple(records.ids),
        )
    )
    locked = {row[0] for row in env.cr.fetchall()}
    mine = records.filtered(lambda rec: rec.id in locked)
    mine.invalidate_recordset()
    return mine


def try_advisory_lock(env, key):
    """Take the transaction-scoped advisory lock named ``key``; False when another holds it.

    For crons that only insert (snapshots, runs): no existing row to lock, so two workers
    agree on who does the work through this named lock.
    """
    env.cr.execute(SQL("SELECT pg_try_advisory_xact_lock(hashtext(%s))", key))
    return env.cr.fetchone()[0]
