# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Odoo's server for bench/load.py.

In multi-worker mode Odoo re-executes its command line with ``gevent`` for the live channel
(chatter and discuss notifications over the websocket). The load benchmark calls JSON-RPC
only, and gevent need not be installed: that process just waits here until it is stopped,
instead of failing and being spawned again every second.
"""

import signal
import sys
import time

if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "gevent":
        signal.signal(signal.SIGTERM, lambda *_args: sys.exit(0))
        while True:
            time.sleep(3600)
    import odoo.cli

    sys.exit(odoo.cli.main())
