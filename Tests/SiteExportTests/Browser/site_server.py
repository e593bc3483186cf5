"""The exported site served on loopback for site_check.py, as `python3 -m http.server -d site`
serves it in the README: the 404 page's links start at the base URL `/`, which only a server
resolves, and every other page works the same from a server as from disk.
"""

import functools
import http.server
import os
import threading
import urllib.parse


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site's files and logs nothing (the report is the only output).

    The browser asks every server for /favicon.ico on its own, whatever the page says; a site
    without one gets an empty answer instead of a 404 that the console would put on the page.
    """

    def do_GET(self):
        if self.path == "/favicon.ico" and not os.path.isfile(self.translate_path(self.path)):
            self.send_response(204)
            self.end_headers()
            return
        super().do_GET()

    def log_message(self, format, *args):
        pass


class SiteServer:
    """The folder `site` on http://127.0.0.1:PORT/ (a free port) while the `with` block runs."""

    def __init__(self, site):
        handler = functools.partial(QuietHandler, directory=site)
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, kind, error, trace):
        self.server.shutdown()
        self.server.server_close()
        return False

    def url(self, rel, fragment=""):
        """The address of page `rel` of the site."""
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}/{urllib.parse.quote(rel)}{fragment}"
