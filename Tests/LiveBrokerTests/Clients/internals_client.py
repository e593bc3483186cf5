#!/usr/bin/env python3
"""Clients for the broker-internals scenarios of the live tests, each printing what an
application or an operator sees: exceptions as `module.Class: text` on standard error.

  consume --port P --queue Q --name N   declare classic queue Q, consume from it, print
                                        `port=N` (its local port), `ready` and the channel's
                                        number, wait up to --seconds
                                        for the broker to close the channel or connection
  resolve --host H --port P             open a connection to a host name (that does not
                                        resolve), and print the error and the one underneath
  http METHOD URL USER PASSWORD [BODY]  one request to the management API; prints the status
                                        line and the body as the server sent them
"""
import argparse
import base64
import logging
import sys
import urllib.error
import urllib.request


def report(error):
    print(f"{type(error).__module__}.{type(error).__name__}: {error}", file=sys.stderr, flush=True)


def chain(error):
    seen = []
    while error is not None and all(error is not s for s in seen):
        seen.append(error)
        report(error)
        inner = [a for a in getattr(error, "args", ()) if isinstance(a, BaseException)]
        error = error.__cause__ or error.__context__ or (inner[0] if inner else None)


def consume(args):
    import pika
    parameters = pika.ConnectionParameters(
        host="127.0.0.1", port=args.port, client_properties={"connection_name": args.name},
        connection_attempts=1, heartbeat=30)
    connection = pika.BlockingConnection(parameters)
    print(f"port={connection._impl._transport._sock.getsockname()[1]}", flush=True)
    channel = connection.channel()
    channel.queue_declare(args.queue, auto_delete=False, durable=False)
    channel.basic_consume(args.queue, lambda *_: None, auto_ack=True)
    print(f"ready channel={channel.channel_number}", flush=True)
    try:
        connection.process_data_events(time_limit=args.seconds)
        channel.basic_publish("", args.queue, b"after")
        connection.process_data_events(time_limit=5)
    except Exception as error:
        chain(error)
        return 1
    return 0


def resolve(args):
    import pika
    try:
        pika.BlockingConnection(pika.ConnectionParameters(host=args.host, port=args.port, connection_attempts=1))
    except Exception as error:
        chain(error)
        return 1
    return 0


def http(args):
    body = args.body.encode() if args.body else None
    request = urllib.request.Request(args.url, data=body, method=args.method)
    credentials = base64.b64encode(f"{args.user}:{args.password}".encode()).decode()
    request.add_header("authorization", "Basic " + credentials)
    if body:
        request.add_header("content-type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            status, text = response.status, response.read().decode(errors="replace")
            reason = response.reason
    except urllib.error.HTTPError as error:
        status, reason, text = error.code, error.reason, error.read().decode(errors="replace")
    print(f"HTTP {status} {reason}")
    print(text)
    return 0 if status < 400 else 1


def main():
    logging.basicConfig(level=logging.CRITICAL)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    modes = parser.add_subparsers(dest="mode", required=True)
    c = modes.add_parser("consume")
    c.add_argument("--port", type=int, default=5672)
    c.add_argument("--queue", required=True)
    c.add_argument("--name", default="rmq-doctor-live-internals")
    c.add_argument("--seconds", type=float, default=20)
    r = modes.add_parser("resolve")
    r.add_argument("--host", required=True)
    r.add_argument("--port", type=int, default=5672)
    h = modes.add_parser("http")
    for name in ["method", "url", "user", "password"]:
        h.add_argument(name)
    h.add_argument("body", nargs="?")
    args = parser.parse_args()
    return {"consume": consume, "resolve": resolve, "http": http}[args.mode](args)


if __name__ == "__main__":
    sys.exit(main())
