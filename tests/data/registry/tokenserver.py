#!/usr/bin/env python3
"""A token endpoint for a docker-registry configured with `auth: token:` in tests.

It hands out JWTs signed (RS256, via the openssl command) with the key whose self-signed
certificate the registry trusts, granting what the scope asks for. With TOKEN_USER and
TOKEN_PASS set it wants those as basic credentials. Prints "PORT n" once listening, then one
"TOKEN <scope> <user>" line per token given."""
import base64, http.server, json, os, subprocess, sys, time, uuid
from urllib.parse import urlparse, parse_qs

KEY, CERT, ISSUER = sys.argv[1], sys.argv[2], sys.argv[3]


def b64(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def cert_der():
    pem = open(CERT).read()
    body = "".join(l for l in pem.splitlines() if "-----" not in l)
    return body  # x5c holds standard base64 DER


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        url = urlparse(self.path)
        if url.path != "/token":
            self.send_error(404)
            return
        q = parse_qs(url.query)
        user = ""
        want_user, want_pass = os.environ.get("TOKEN_USER"), os.environ.get("TOKEN_PASS")
        auth = self.headers.get("Authorization", "")
        if auth.startswith("Basic "):
            user, _, password = base64.b64decode(auth[6:]).decode().partition(":")
            if want_user and (user, password) != (want_user, want_pass):
                self.send_response(401)
                self.end_headers()
                return
        elif want_user:
            self.send_response(401)
            self.end_headers()
            return
        access = []
        for scope in q.get("scope", []):
            kind, _, rest = scope.partition(":")
            name, _, actions = rest.rpartition(":")
            access.append({"type": kind, "name": name, "actions": actions.split(",")})
        now = int(time.time())
        header = {"typ": "JWT", "alg": "RS256", "x5c": [cert_der()]}
        claims = {"iss": ISSUER, "sub": user, "aud": q.get("service", [""])[0], "exp": now + 600, "nbf": now - 60,
                  "iat": now, "jti": str(uuid.uuid4()), "access": access}
        signing_input = (b64(json.dumps(header).encode()) + "." + b64(json.dumps(claims).encode())).encode()
        sig = subprocess.run(["openssl", "dgst", "-sha256", "-sign", KEY], input=signing_input, capture_output=True, check=True).stdout
        token = signing_input.decode() + "." + b64(sig)
        print("TOKEN", " ".join(q.get("scope", [])), user, flush=True)
        body = json.dumps({"token": token, "expires_in": 600}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print("PORT", server.server_address[1], flush=True)
server.serve_forever()
