#!/usr/bin/env python3
"""A registry that misbehaves, one way per repository name, for the hostile-server tests.

Each repository serves manifest tag "1" naming a one-layer image. Prints "PORT n" once
listening, then "REQ <method> <path> <range>" per request."""
import gzip, hashlib, http.server, io, json, sys, tarfile, time

counts = {}
KNOWN = {"wrongdigest", "truncated", "cut", "norange", "endless", "endless404", "redirect", "stall", "unauthorized", "flaky",
         "baddigest", "oversize", "plain", "leaky", "slow"}
TOKEN = "Bearer not-a-real-token"


def layer():
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT) as t:
        data = b"hello from a hostile registry\n" * 1000
        info = tarfile.TarInfo("hello.txt")
        info.size, info.mtime = len(data), 0
        t.addfile(info, io.BytesIO(data))
    raw = buf.getvalue()
    return raw, gzip.compress(raw, mtime=0)


RAW, LAYER = layer()
CONFIG = json.dumps({"architecture": "amd64", "os": "linux", "config": {},
                     "rootfs": {"type": "layers", "diff_ids": ["sha256:" + hashlib.sha256(RAW).hexdigest()]}}).encode()


def digest(b):
    return "sha256:" + hashlib.sha256(b).hexdigest()


def manifest(layer_digest=None, layer_size=None):
    return json.dumps({"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
                       "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": digest(CONFIG), "size": len(CONFIG)},
                       "layers": [{"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip",
                                   "digest": layer_digest or digest(LAYER), "size": layer_size or len(LAYER)}]}).encode()


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send(self, status, body=b"", ctype="application/json", headers=()):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in headers:
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def do_PUT(self):
        print("REQ PUT", self.path, flush=True)
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        if self.path.startswith("/steal"):
            print("STEAL auth=" + self.headers.get("Authorization", "none"), flush=True)
            return self.send(201, headers=[("Location", "/v2/leaky/blobs/x")])
        if self.headers.get("Authorization") != TOKEN:
            return self.challenge()
        return self.send(201)

    def do_POST(self):
        print("REQ POST", self.path, flush=True)
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        if self.headers.get("Authorization") != TOKEN:
            return self.challenge()
        # The upload goes to "another host": the same server under another name.
        return self.send(202, headers=[("Location", "http://localhost:%d/steal/upload?session=1" % self.server.server_address[1])])

    def challenge(self):
        return self.send(401, b'{"errors":[{"code":"UNAUTHORIZED","message":"token needed"}]}',
                         headers=[("WWW-Authenticate", 'Bearer realm="http://127.0.0.1:%d/token",service="hostile"' % self.server.server_address[1])])

    def do_GET(self):
        print("REQ %s %s %s" % (self.command, self.path, self.headers.get("Range", "-")), flush=True)
        counts[self.path] = counts.get(self.path, 0) + 1
        parts = self.path.split("/")
        if self.path == "/v2/":
            return self.send(200, b"{}")
        if self.path.startswith("/token"):
            return self.send(200, json.dumps({"token": "not-a-real-token"}).encode())
        if len(parts) < 5:
            return self.send(404)
        repo, kind, ref = parts[2], parts[3], parts[4]
        if repo not in KNOWN:
            return self.send(404, b'{"errors":[{"code":"NAME_UNKNOWN","message":"repository name not known to registry"}]}')
        if repo == "leaky":
            if self.headers.get("Authorization") != TOKEN:
                return self.challenge()
            return self.send(404, b'{"errors":[{"code":"BLOB_UNKNOWN","message":"no"}]}')
        if repo == "endless404":
            self.send_response(404)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            try:
                while True:
                    self.wfile.write(b"x" * 65536)
            except OSError:
                return
        if repo == "unauthorized":
            return self.send(401, b'{"errors":[{"code":"UNAUTHORIZED","message":"no"}]}',
                             headers=[("WWW-Authenticate", 'Bearer realm="http://127.0.0.1:%d/token",service="hostile"' % self.server.server_address[1])])
        if repo == "redirect":
            return self.send(302, headers=[("Location", self.path)])
        if repo == "stall":
            time.sleep(60)
            return self.send(200)
        if repo == "flaky" and counts[self.path] <= 2:
            return self.send(503, b'{"errors":[{"code":"UNAVAILABLE","message":"try later"}]}')
        if kind == "manifests":
            if repo == "endless":
                self.send_response(200)
                self.send_header("Content-Type", "application/vnd.oci.image.manifest.v1+json")
                self.end_headers()
                try:
                    while True:
                        self.wfile.write(b" " * 65536)
                except OSError:
                    return
            if repo == "baddigest":
                body = manifest(layer_digest="sha256:../../../../../tmp/layerlens-escape")
            elif repo == "oversize":
                body = manifest(layer_size=100)
            else:
                body = manifest()
            return self.send(200, body, "application/vnd.oci.image.manifest.v1+json", [("Docker-Content-Digest", digest(body))])
        if kind == "blobs":
            if ref == digest(CONFIG):
                return self.send(200, CONFIG, "application/octet-stream")
            if ref != digest(LAYER):
                return self.send(404)
            data = LAYER
            if repo == "slow":  # the layer takes a while to come: a window shows the image meanwhile
                time.sleep(float(self.headers.get("X-Delay", "2")))
            if repo == "wrongdigest":
                data = bytes([LAYER[0] ^ 1]) + LAYER[1:]
            start = 0
            rng = self.headers.get("Range")
            if rng and rng.startswith("bytes="):
                start = int(rng[6:].split("-")[0])
            if repo == "norange":
                if counts[self.path] == 1:  # cut the first answer, then ignore Range (a full 200)
                    self.send_response(200)
                    self.send_header("Content-Type", "application/octet-stream")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data[:len(data) // 2])
                    self.wfile.flush()
                    self.close_connection = True
                    return
                return self.send(200, data, "application/octet-stream")
            if repo in ("truncated", "cut") and not (repo == "cut" and start > 0):
                # Promise the whole blob, send half of what is left, hang up.
                self.send_response(206 if start else 200)
                self.send_header("Content-Type", "application/octet-stream")
                if start:
                    self.send_header("Content-Range", "bytes %d-%d/%d" % (start, len(data) - 1, len(data)))
                self.send_header("Content-Length", str(len(data) - start))
                self.end_headers()
                self.wfile.write(data[start:start + max(1, (len(data) - start) // 2)])
                self.wfile.flush()
                self.close_connection = True
                return
            if start:
                return self.send(206, data[start:], "application/octet-stream", [("Content-Range", "bytes %d-%d/%d" % (start, len(data) - 1, len(data)))])
            return self.send(200, data, "application/octet-stream")
        self.send(404)

    do_HEAD = do_GET


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
print("PORT", server.server_address[1], flush=True)
server.serve_forever()
