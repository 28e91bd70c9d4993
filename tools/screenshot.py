# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Log in to a running Odoo and save a PNG of one of its pages, in headless Chromium.

    python3 tools/screenshot.py --url http://127.0.0.1:8069 \\
        --path "/odoo/action-aftersales_service.aftersales_request_action" --out docs/requests.png
"""

import argparse
import base64
import json
import os
import shutil
import subprocess
import tempfile
import time
import urllib.request

import websocket  # websocket-client

FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
]


def login(base, login_name, password, db):
    body = json.dumps(
        {
            "jsonrpc": "2.0",
            "params": {"db": db, "login": login_name, "password": password},
        }
    ).encode()
    req = urllib.request.Request(
        f"{base}/web/session/authenticate", body, {"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(req, timeout=60) as resp:
        cookie = resp.headers.get("Set-Cookie", "")
        result = json.load(resp)
    if "error" in result:
        raise SystemExit(f"login failed: {result['error']['data']['message']}")
    return cookie.split("session_id=", 1)[1].split(";", 1)[0]


class Tab:
    def __init__(self, ws_url):
        self.ws = websocket.create_connection(ws_url, timeout=60, suppress_origin=True)
        self.seq = 0

    def call(self, method, **params):
        self.seq += 1
        self.ws.send(json.dumps({"id": self.seq, "method": method, "params": params}))
        while True:
            msg = json.loads(self.ws.recv())
            if msg.get("id") == self.seq:
                return msg.get("result", {})


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", default="http://127.0.0.1:8069")
    parser.add_argument(
        "--path", default="/odoo/action-aftersales_service.aftersales_request_action"
    )
    parser.add_argument("--db", default=os.environ.get("DB", "aftersales"))
    parser.add_argument("--login", default="admin")
    parser.add_argument("--password", default="admin")
    parser.add_argument("--out", default="docs/after-sales.png")
    parser.add_argument("--wait", type=float, default=6.0)
    args = parser.parse_args()

    session = login(args.url, args.login, args.password, args.db)
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    profile = tempfile.mkdtemp(prefix="as-chromium-")
    proc = subprocess.Popen(
        [
            browser,
            *FLAGS,
            "--remote-debugging-port=9333",
            f"--user-data-dir={profile}",
            "--window-size=1440,900",
            "about:blank",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            try:
                with urllib.request.urlopen("http://127.0.0.1:9333/json", timeout=2) as resp:
                    pages = [p for p in json.load(resp) if p["type"] == "page"]
                if pages:
                    break
            except OSError:
                pass
            time.sleep(0.2)
        tab = Tab(pages[0]["webSocketDebuggerUrl"])
        tab.call("Network.enable")
        host = args.url.split("//", 1)[1].split(":")[0].split("/")[0]
        tab.call("Network.setCookie", name="session_id", value=session, domain=host, path="/")
        tab.call(
            "Emulation.setDeviceMetricsOverride",
            width=1440,
            height=900,
            deviceScaleFactor=1,
            mobile=False,
        )
        tab.call("Page.enable")
        tab.call("Page.navigate", url=args.url + args.path)
        time.sleep(args.wait)
        shot = tab.call("Page.captureScreenshot", format="png")
        os.makedirs(os.path.dirname(args.out) or ".", exist_ok=True)
        with open(args.out, "wb") as handle:
            handle.write(base64.b64decode(shot["data"]))
        print(f"saved {args.out}")
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    main()
