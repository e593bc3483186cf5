#!/usr/bin/env python3
"""A pika client that opens one AMQP connection over TLS (or plain TCP) and reports what it sees.

Used by Tests/Fixtures/lab/capture-tls.sh. It builds an ssl.SSLContext from the given files (the
CA the client trusts, and optionally a client certificate and key), connects to 127.0.0.1 (or
--host) with pika's BlockingConnection, and prints either `connected` with the negotiated TLS
version and cipher, or each exception as `module.Class: text` (the exception pika raises, then
the chain of exceptions inside it, which holds what the ssl module said). pika's own log lines
(logging at WARNING) go to standard error as well. Nothing is declared or published.

  --ca FILE            the CA bundle the client trusts (omit: no CA, so verification fails)
  --cert/--key FILE    the client certificate and its key (omit: no client certificate)
  --server-hostname N  the name to send as SNI and to check against the server certificate
                       (default: --host)
  --no-check-hostname  verify the chain but not the name
  --min-version V      TLSv1_2 or TLSv1_3: the lowest version the client offers
  --max-version V      the highest version the client offers
  --plain              no TLS at all: speak plain AMQP (for the TLS port)
"""
import argparse
import logging
import ssl
import sys


def describe(error):
    return f"{type(error).__module__}.{type(error).__name__}: {error}"


def chain(error):
    """The exception and what it wraps: pika keeps the socket's exception in args."""
    seen = []
    todo = [error]
    while todo:
        current = todo.pop(0)
        if current is None or any(current is s for s in seen):
            continue
        seen.append(current)
        todo.append(current.__cause__)
        todo.append(current.__context__)
        for arg in getattr(current, "args", ()):
            if isinstance(arg, BaseException):
                todo.append(arg)
    return seen


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--ca")
    parser.add_argument("--cert")
    parser.add_argument("--key")
    parser.add_argument("--server-hostname")
    parser.add_argument("--no-check-hostname", action="store_true")
    parser.add_argument("--min-version", choices=["TLSv1_2", "TLSv1_3"])
    parser.add_argument("--max-version", choices=["TLSv1_2", "TLSv1_3"])
    parser.add_argument("--plain", action="store_true")
    args = parser.parse_args()

    logging.basicConfig(level=logging.WARNING, stream=sys.stderr,
                        format="%(levelname)s %(name)s %(message)s")
    import pika

    ssl_options = None
    if not args.plain:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)   # verify_mode CERT_REQUIRED, check_hostname on
        if args.no_check_hostname:
            context.check_hostname = False
        if args.ca:
            context.load_verify_locations(cafile=args.ca)
        if args.cert:
            context.load_cert_chain(certfile=args.cert, keyfile=args.key)
        if args.min_version:
            context.minimum_version = getattr(ssl.TLSVersion, args.min_version)
        if args.max_version:
            context.maximum_version = getattr(ssl.TLSVersion, args.max_version)
        ssl_options = pika.SSLOptions(context, args.server_hostname or args.host)

    parameters = pika.ConnectionParameters(
        host=args.host, port=args.port, ssl_options=ssl_options,
        connection_attempts=1, retry_delay=0, socket_timeout=5, blocked_connection_timeout=5,
        client_properties={"connection_name": "tls-client"})
    try:
        connection = pika.BlockingConnection(parameters)
    except BaseException as error:
        for number, item in enumerate(chain(error)):
            print(("" if number == 0 else "  inside: ") + describe(item), flush=True)
        return 1
    sock = connection._impl._transport._sock
    if isinstance(sock, ssl.SSLSocket):
        print(f"connected: {sock.version()} {sock.cipher()[0]}", flush=True)
    else:
        print("connected: plain TCP", flush=True)
    connection.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
