"""A container-credentials endpoint like the one ECS serves on 169.254.170.2.

    python3 credentials_server.py PORT MODE TOKEN

PORT 0 lets the system choose; the port in use is printed as the first line.
MODE good serves AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY/AWS_SESSION_TOKEN from this
process's environment to requests whose Authorization header equals TOKEN; slow waits
60 s before answering; garbage answers with a body that is not JSON.
"""

import json
import os
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

port, mode, token = int(sys.argv[1]), sys.argv[2], sys.argv[3]


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        if mode == "slow":
            time.sleep(60)
        if self.headers.get("Authorization") != token:
            self.send_response(401)
            self.end_headers()
            return
        if mode == "garbage":
            body = b"<html>not credentials</html>"
        else:
            body = json.dumps({
                "AccessKeyId": os.environ["AWS_ACCESS_KEY_ID"],
                "SecretAccessKey": os.environ["AWS_SECRET_ACCESS_KEY"],
                "Token": os.environ.get("AWS_SESSION_TOKEN", ""),
                "Expiration": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() + 3600)),
            }).encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
# The first line of stdout is the port, so that callers can pass 0 and let the system
# choose one that is free.
print(server.server_address[1], flush=True)
server.serve_forever()
