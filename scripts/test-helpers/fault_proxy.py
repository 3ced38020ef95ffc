"""A loopback HTTP proxy that answers the first N requests with a fault, then forwards
every request unchanged to the upstream server.

    python3 fault_proxy.py PORT UPSTREAM_URL FAILURES [STATUS] [CODE]

PORT 0 lets the system choose; the port in use is printed as the first line.
"""

import http.client
import sys
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

port, upstream, failures = int(sys.argv[1]), urllib.parse.urlsplit(sys.argv[2]), int(sys.argv[3])
status = int(sys.argv[4]) if len(sys.argv) > 4 else 503
code = sys.argv[5] if len(sys.argv) > 5 else "SlowDown"
seen = {"count": 0}


class Handler(BaseHTTPRequestHandler):
    def handle_any(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length)
        seen["count"] += 1
        if seen["count"] <= failures:
            payload = (f"<Error><Code>{code}</Code><Message>injected fault {seen['count']}"
                       f"</Message><RequestId>fault-{seen['count']}</RequestId></Error>").encode()
            self.send_response(status)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)
            return
        connection = http.client.HTTPConnection(upstream.hostname, upstream.port, timeout=30)
        headers = {name: value for name, value in self.headers.items()}
        connection.request(self.command, self.path, body=body, headers=headers)
        response = connection.getresponse()
        data = response.read()
        self.send_response(response.status)
        for name, value in response.getheaders():
            if name.lower() not in ("transfer-encoding", "connection", "content-length"):
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_PUT = do_POST = do_HEAD = do_DELETE = handle_any

    def log_message(self, *args):
        sys.stderr.write("fault_proxy: %s\n" % (args,))


server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
# The first line of stdout is the port, so that callers can pass 0 and let the system
# choose one that is free.
print(server.server_address[1], flush=True)
server.serve_forever()
