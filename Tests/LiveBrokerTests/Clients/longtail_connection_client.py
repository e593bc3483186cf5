#!/usr/bin/env python3
"""Clients and a fake server for the long-tail connection scenarios (a close without a reason, a
connect that times out). Each client prints what an application would: the traceback of the
exception it gets, on standard error, and exits 1; or `connected` and exits 0.

  serve --port P --behaviour B [--seconds S]   a TCP server on 127.0.0.1:P that, for each client,
                                               closes at once (close), reads the protocol header
                                               and closes (close-after-header), or says nothing
                                               (silent); prints `ready`, stops after S seconds
  pika --port P [--host H] [--vhost V] [--user U --password W] [--socket-timeout S]
       [--stack-timeout S] [--attempts N] [--log LEVEL]
                                               pika.BlockingConnection; --log turns on Python
                                               logging at LEVEL (pika's own log lines)
  pika-hold --port P [--seconds S]             a pika connection that waits for traffic; prints
                                               `ready` and the error when the peer goes away
  kombu --port P [--host H] [--vhost V] [--connect-timeout S] [--ensure]
                                               kombu.Connection(...).connect(), or
                                               ensure_connection(max_retries=1) with --ensure
  socket --port P [--host H] [--timeout S]     a bare socket.create_connection
  header-then-die --port P                     prints `port=N` (its local port), sends the AMQP
                                               0-9-1 header, then kills itself with SIGKILL,
                                               mid-handshake
"""
import argparse
import logging
import os
import signal
import socket
import sys
import threading
import time
import traceback

HEADER = b"AMQP\x00\x00\x09\x01"


def failed():
    traceback.print_exc()
    sys.stderr.flush()
    return 1


def serve(args):
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", args.port))
    listener.listen(16)
    listener.settimeout(0.5)
    held = []
    print("ready", flush=True)
    deadline = time.monotonic() + args.seconds
    while time.monotonic() < deadline:
        try:
            peer, _ = listener.accept()
        except socket.timeout:
            continue
        if args.behaviour == "close":
            peer.close()
        elif args.behaviour == "close-after-header":
            peer.settimeout(5)
            try:
                peer.recv(8)
            except OSError:
                pass
            peer.close()
        else:
            held.append(peer)
    for peer in held:
        peer.close()
    listener.close()
    return 0


def pika_connect(args):
    import pika
    if args.log:
        logging.basicConfig(level=getattr(logging, args.log.upper(), logging.INFO),
                            format="%(asctime)s %(levelname)s %(name)s %(message)s")
    parameters = pika.ConnectionParameters(
        host=args.host, port=args.port, virtual_host=args.vhost,
        credentials=pika.PlainCredentials(args.user, args.password),
        socket_timeout=args.socket_timeout, stack_timeout=args.stack_timeout,
        connection_attempts=args.attempts, retry_delay=1,
        client_properties={"connection_name": "app-longtail"})
    try:
        connection = pika.BlockingConnection(parameters)
    except Exception:
        return failed()
    print("connected", flush=True)
    connection.close()
    return 0


def pika_hold(args):
    import pika
    parameters = pika.ConnectionParameters(
        host=args.host, port=args.port, connection_attempts=1, heartbeat=60,
        client_properties={"connection_name": "app-longtail-hold"})
    try:
        connection = pika.BlockingConnection(parameters)
        print("ready", flush=True)
        connection.process_data_events(time_limit=args.seconds)
    except Exception:
        return failed()
    print("no error within the wait", flush=True)
    return 0


def kombu_connect(args):
    import kombu
    connection = kombu.Connection(
        f"amqp://guest:guest@{args.host}:{args.port}/{args.vhost.replace('/', '%2F')}",
        connect_timeout=args.connect_timeout)
    try:
        if args.ensure:
            connection.ensure_connection(max_retries=1)
        else:
            connection.connect()
    except Exception:
        return failed()
    print("connected", flush=True)
    connection.release()
    return 0


def plain_socket(args):
    try:
        socket.create_connection((args.host, args.port), timeout=args.timeout).close()
    except Exception:
        return failed()
    print("connected", flush=True)
    return 0


def header_then_die(args):
    sock = socket.create_connection((args.host, args.port), timeout=5)
    print(f"port={sock.getsockname()[1]}", flush=True)
    sock.sendall(HEADER)
    time.sleep(0.5)  # connection.start arrives and stays unread
    print("sent the header; killing myself", flush=True)
    os.kill(os.getpid(), signal.SIGKILL)
    return 0


def main():
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command", required=True)
    for name in ("serve", "pika", "pika-hold", "kombu", "socket", "header-then-die"):
        p = sub.add_parser(name)
        p.add_argument("--port", type=int, required=True)
        p.add_argument("--host", default="127.0.0.1")
        p.add_argument("--seconds", type=float, default=20)
        p.add_argument("--behaviour", choices=("close", "close-after-header", "silent"), default="close")
        p.add_argument("--vhost", default="/")
        p.add_argument("--user", default="guest")
        p.add_argument("--password", default="guest")
        p.add_argument("--socket-timeout", type=float, default=10)
        p.add_argument("--stack-timeout", type=float, default=15)
        p.add_argument("--attempts", type=int, default=1)
        p.add_argument("--connect-timeout", type=float, default=4)
        p.add_argument("--timeout", type=float, default=None)
        p.add_argument("--ensure", action="store_true")
        p.add_argument("--log", default="")
    args = parser.parse_args()
    run = {"serve": serve, "pika": pika_connect, "pika-hold": pika_hold, "kombu": kombu_connect,
           "socket": plain_socket, "header-then-die": header_then_die}[args.command]
    try:
        return run(args)
    except (OSError, OverflowError, ValueError) as error:
        # The client's own failure (a port in use or out of range), not the error it demonstrates.
        print(f"longtail_connection_client.py {args.command}: {type(error).__name__}: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
