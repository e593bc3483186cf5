#!/usr/bin/env python3
"""A misbehaving RabbitMQ management HTTP API on 127.0.0.1, for the bad-input tests of
`rmq-doctor diagnose --url` (Tests/CLITests/DiagnoseURLBadInputTests.swift).

Usage: fake_management.py MODE [--port N] [--dir DIR]

It listens on 127.0.0.1 (port N, or a free one when N is 0 or not given), prints the port on its
first stdout line, then answers every connection with MODE's misbehaviour. It exits when its
stdin closes or on SIGTERM. Every connection that ends is reported on stdout as one line
`sent BYTES` (the bytes written to that connection), so a test can check how much a client read.

Every mode but tls answers a first line that is not an HTTP request line (a TLS ClientHello sent
by an https:// client, say) with 400 Bad Request, as an HTTP server does.

Modes:
  tls            TLS with a self-signed certificate that nobody trusts (made with openssl in DIR),
                 then a valid overview; plain HTTP spoken to it gets the fatal TLS alert that
                 RabbitMQ's TLS listener sends (15 03 01 00 02 02 0a), then the connection closes
  status401      401 with the body RabbitMQ sends for a wrong password
                 (Tests/Fixtures/captures/management-bad-credentials.txt)
  status401-tag  401 {"error":"not_authorised","reason":"Not management user"}: what RabbitMQ 3.10
                 answers a user that logs in but has no management tag
                 (Tests/Fixtures/captures/management-no-management-tag.txt)
  status403      403 with the same body, as other versions or a proxy in front may answer
  status404      404 {"error":"Object Not Found","reason":"Not Found"} (management plugin off)
  html           200 with an HTML page instead of JSON
  truncated      200 with Content-Length 4096, 100 bytes of body, then the connection closes
  huge           200 with Content-Length 50 MiB, streamed until the client stops reading
  huge-chunked   200, chunked, 50 MiB of JSON streamed without a declared length
  silent         accepts, reads the request, never answers
  redirect       302 with Location: http://elsewhere.example:15672/api/overview
  paged          a healthy one-node cluster with 1234 client connections (every 10th with
                 heartbeat 0, every 100th blocked), /api/connections answered page by page with
                 the page object the management API sends; prints `GET TARGET` for each request

Only the Python standard library is used (and the openssl program in the tls mode).
"""

import os
import re
import signal
import socket
import json
import ssl
import subprocess
import sys
import threading

FIFTY_MIB = 50 * 1024 * 1024
OVERVIEW = b'{"node":"rabbit@fake","cluster_name":"fake","rabbitmq_version":"3.10.8","erlang_version":"25.2.3"}'
MODES = {
    "tls", "status401", "status401-tag", "status403", "status404", "html", "truncated", "huge", "huge-chunked",
    "silent", "redirect", "paged",
}
# The paged mode's cluster: this many connections, every 10th with heartbeat 0, every 100th
# blocked; /api/connections answers them page by page as the management API does.
PAGED_CONNECTIONS = 1234

stdout_lock = threading.Lock()


def say(line):
    with stdout_lock:
        sys.stdout.write(line + "\n")
        sys.stdout.flush()


REQUEST_LINE = re.compile(rb"^[A-Z]+ \S+ HTTP/1\.[01]\r?$")


def read_request_head(conn):
    """Reads until the end of the request head (or of the connection); returns what came, or
    None when its first line is not an HTTP request line (a TLS ClientHello, say), which an
    HTTP server such as RabbitMQ's (Cowboy) rejects as soon as it has that line."""
    data = b""
    while b"\r\n\r\n" not in data and len(data) < 65536:
        if b"\n" in data and not REQUEST_LINE.match(data.split(b"\n", 1)[0]):
            return None
        chunk = conn.recv(4096)
        if not chunk:
            break
        data += chunk
    return data


def close_after(conn):
    """Closes gracefully: stops writing, reads what the client still sends for a moment, so that
    the close is a FIN and not a reset that could overtake the answer."""
    try:
        conn.shutdown(socket.SHUT_WR)
        conn.settimeout(1)
        while conn.recv(4096):
            pass
    except OSError:
        pass


def response(status, reason, body, content_type="application/json", extra=()):
    head = [f"HTTP/1.1 {status} {reason}", f"Content-Type: {content_type}",
            f"Content-Length: {len(body)}", "Connection: close", *extra]
    return ("\r\n".join(head) + "\r\n\r\n").encode() + body


class Counter:
    def __init__(self, conn):
        self.conn = conn
        self.sent = 0

    def send(self, data):
        self.conn.sendall(data)
        self.sent += len(data)


def stream(out, total, chunked):
    """Writes `total` bytes of one JSON array of zeros, until done or the client goes away."""
    def send(data):
        out.send(data if not chunked else b"%x\r\n%s\r\n" % (len(data), data))

    piece = b"0," * 32768  # 64 KiB
    send(b"[")
    left = total - 3  # what is left after "[", the last "0" and "]"
    while left > 0:
        data = piece[: min(len(piece), left)]
        if len(data) % 2:
            data = data[:-1] + b" "  # an odd last piece ends in white space, still JSON
        send(data)
        left -= len(data)
    send(b"0]")
    if chunked:
        out.send(b"0\r\n\r\n")


def serve(mode, conn, tls_context):
    out = Counter(conn)
    try:
        if tls_context is not None:
            if conn.recv(1, socket.MSG_PEEK) != b"\x16":
                # Not a TLS handshake (plain HTTP): answer as RabbitMQ's TLS listener (Erlang's
                # ssl) does, with a fatal unexpected_message alert, after reading the request so
                # that the close is a FIN and not a reset.
                read_request_head(conn)
                out.send(b"\x15\x03\x01\x00\x02\x02\x0a")
                close_after(conn)
                return
            try:
                conn = tls_context.wrap_socket(conn, server_side=True)
            except (ssl.SSLError, OSError):
                return  # the client refused the certificate, or did not speak TLS
            out = Counter(conn)
        head = read_request_head(conn)
        if head is None:
            out.send(response(400, "Bad Request", b""))
            close_after(conn)
        elif mode == "tls":
            out.send(response(200, "OK", OVERVIEW))
        elif mode == "status401":
            out.send(response(401, "Unauthorized", b'{"error":"not_authorized","reason":"Login failed"}',
                              extra=['WWW-Authenticate: Basic realm="RabbitMQ Management"']))
        elif mode == "status401-tag":
            out.send(response(401, "Unauthorized", b'{"error":"not_authorised","reason":"Not management user"}'))
        elif mode == "status403":
            out.send(response(403, "Forbidden", b'{"error":"not_authorised","reason":"Not management user"}'))
        elif mode == "status404":
            out.send(response(404, "Not Found", b'{"error":"Object Not Found","reason":"Not Found"}'))
        elif mode == "html":
            page = b"<!DOCTYPE html>\n<html><head><title>RabbitMQ Management</title></head><body></body></html>\n"
            out.send(response(200, "OK", page, content_type="text/html"))
        elif mode == "truncated":
            head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 4096\r\n\r\n"
            out.send(head.encode() + OVERVIEW[:100])
            conn.shutdown(socket.SHUT_RDWR)
        elif mode == "huge":
            head = f"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {FIFTY_MIB}\r\n\r\n"
            out.send(head.encode())
            stream(out, FIFTY_MIB, chunked=False)
        elif mode == "huge-chunked":
            head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
            out.send(head.encode())
            stream(out, FIFTY_MIB, chunked=True)
        elif mode == "silent":
            # Holds the connection open without a byte of answer until the client leaves or
            # this script is stopped.
            while conn.recv(4096):
                pass
        elif mode == "paged":
            out.send(paged_answer(head))
        elif mode == "redirect":
            out.send(response(302, "Found", b"", extra=["Location: http://elsewhere.example:15672/api/overview"]))
    except OSError:
        pass  # the client went away: that is what the limits are for
    finally:
        try:
            conn.close()
        except OSError:
            pass
        say(f"sent {out.sent}")


def paged_answer(head):
    """The answer of the paged mode to one request: a small healthy cluster with many clients."""
    target = head.split(b"\r\n", 1)[0].split(b" ")[1].decode()
    path, _, query = target.partition("?")
    params = dict(item.partition("=")[::2] for item in query.split("&") if item)
    say(f"GET {target}")
    if path == "/api/overview":
        return response(200, "OK", OVERVIEW)
    if path == "/api/nodes":
        return response(200, "OK", b'[{"name":"rabbit@fake","running":true,"partitions":[],"mem_alarm":false,"disk_free_alarm":false}]')
    if path.startswith("/api/health/checks/"):
        return response(200, "OK", b'{"status":"ok"}')
    if path == "/api/connections":
        page, size = int(params.get("page", "1")), int(params.get("page_size", "100"))
        first = (page - 1) * size
        items = [
            {"name": f"10.0.0.{n % 250}:{40000 + n} -> 10.0.0.1:5672", "node": "rabbit@fake",
             "timeout": 0 if n % 10 == 0 else 60, "state": "blocked" if n % 100 == 0 else "running",
             "peer_host": f"10.0.0.{n % 250}", "peer_port": 40000 + n,
             "client_properties": {"product": "fake client", "version": "1.0"}}
            for n in range(first, min(first + size, PAGED_CONNECTIONS))
        ]
        pages = (PAGED_CONNECTIONS + size - 1) // size
        body = json.dumps({"total_count": PAGED_CONNECTIONS, "item_count": len(items), "filtered_count": PAGED_CONNECTIONS,
                           "page": page, "page_size": size, "page_count": pages, "items": items})
        return response(200, "OK", body.encode())
    return response(404, "Not Found", b'{"error":"Object Not Found","reason":"Not Found"}')


def make_tls_context(directory):
    os.makedirs(directory, exist_ok=True)
    key = os.path.join(directory, "key.pem")
    cert = os.path.join(directory, "cert.pem")
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert,
         "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    return context


def main(argv):
    if not argv or argv[0] not in MODES:
        sys.stderr.write(f"usage: fake_management.py {{{'|'.join(sorted(MODES))}}} [--port N] [--dir DIR]\n")
        return 2
    mode, port, directory = argv[0], 0, None
    rest = argv[1:]
    while rest:
        if rest[0] == "--port" and len(rest) > 1:
            port = int(rest[1])
        elif rest[0] == "--dir" and len(rest) > 1:
            directory = rest[1]
        else:
            sys.stderr.write(f"fake_management.py: unknown argument {rest[0]}\n")
            return 2
        rest = rest[2:]
    if mode == "tls" and directory is None:
        sys.stderr.write("fake_management.py: the tls mode needs --dir DIR for its certificate\n")
        return 2
    tls_context = make_tls_context(directory) if mode == "tls" else None

    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", port))
    listener.listen(16)
    say(str(listener.getsockname()[1]))

    # Exit at once, whatever the serving threads are doing, when stdin closes or on SIGTERM.
    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))

    def watch_stdin():
        while sys.stdin.buffer.read(4096):
            pass
        os._exit(0)

    threading.Thread(target=watch_stdin, daemon=True).start()
    while True:
        conn, _ = listener.accept()
        threading.Thread(target=serve, args=(mode, conn, tls_context), daemon=True).start()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
