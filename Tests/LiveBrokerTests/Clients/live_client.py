#!/usr/bin/env python3
"""AMQP clients that put a live RabbitMQ on 127.0.0.1 into the situations the guides describe.

Run by LiveBrokerTests; each mode can also be run by hand. Every mode prints `port=<local port>`
on standard output as soon as its TCP connection exists (except wrong-password, whose connection
fails before pika exposes it), then progress and the exception an application would see on
standard error. Modes:

  hold             connect, service the connection (heartbeats) until stdin closes, close cleanly;
                   with --publish, first publish one message under a routing key no queue has
                   (nothing is stored; while a resource alarm holds, the publish blocks it)
  reset            connect, then close the socket with SO_LINGER 0: the kernel sends a RST
  drop             connect, then close the socket without AMQP Connection.Close: a plain FIN
  silent           open a TCP connection and send nothing until the broker gives up on it
  stop-heartbeats  connect, then stop servicing the connection: no heartbeats go out
  wrong-password   log in with a password the broker refuses
"""
import argparse
import os
import select
import socket
import struct
import sys
import time

HOST = "127.0.0.1"   # loopback only


def say(message):
    print(f"{time.strftime('%H:%M:%S')} [{os.getpid()}] {message}", file=sys.stderr, flush=True)


def announce(sock):
    print(f"port={sock.getsockname()[1]}", flush=True)


def parameters(args, password="guest"):
    import pika
    return pika.ConnectionParameters(
        host=HOST, port=args.port, credentials=pika.PlainCredentials("guest", password),
        heartbeat=args.heartbeat, client_properties={"connection_name": args.name},
        connection_attempts=1, retry_delay=0)


def connect(args, password="guest"):
    import pika
    connection = pika.BlockingConnection(parameters(args, password))
    connection.channel()
    sock = connection._impl._transport._sock   # the socket under pika (private API)
    announce(sock)
    return connection, sock


def hold(args):
    connection, _ = connect(args)
    if args.publish:
        connection.add_on_connection_blocked_callback(lambda conn, frame: say(f"connection blocked: {frame.method}"))
        connection.add_on_connection_unblocked_callback(lambda conn, frame: say("connection unblocked"))
        connection.channel().basic_publish("", "rmq-doctor-nowhere", b"x")
        say("published one message")
    deadline = time.monotonic() + args.seconds
    while time.monotonic() < deadline:
        connection.process_data_events(time_limit=0.2)
        readable, _, _ = select.select([sys.stdin], [], [], 0)
        if readable and not sys.stdin.readline():
            break
    connection.close()
    say("closed cleanly")


def abandon(args, linger_zero):
    connection, sock = connect(args)
    connection.process_data_events(time_limit=args.before)
    if linger_zero:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    say("closing the socket " + ("with SO_LINGER 0 (RST)" if linger_zero else "without Connection.Close (FIN)"))
    sock.close()
    os._exit(0)   # pika never gets to close anything


def silent(args):
    sock = socket.create_connection((HOST, args.port))
    announce(sock)
    sock.settimeout(args.seconds)
    try:
        while sock.recv(65536):
            pass
        say("the broker closed the connection")
    except OSError as error:
        say(f"the broker ended the connection: {error!r}")


def stop_heartbeats(args):
    connection, _ = connect(args)
    say(f"negotiated heartbeat {connection._impl.params.heartbeat}; no longer servicing the connection")
    time.sleep(args.seconds)
    try:
        connection.process_data_events(time_limit=0.5)
        say("the connection is still open")
    except Exception as error:   # what the application sees once it looks again
        say(f"{type(error).__module__}.{type(error).__name__}: {error}")


def wrong_password(args):
    try:
        connect(args, password="not-the-password")
        say("the broker accepted the wrong password")
        sys.exit(1)
    except Exception as error:
        say(f"{type(error).__module__}.{type(error).__name__}: {error}")


parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
parser.add_argument("mode", choices=["hold", "reset", "drop", "silent", "stop-heartbeats", "wrong-password"])
parser.add_argument("--port", type=int, default=5672)
parser.add_argument("--name", default="rmq-doctor-live", help="the connection_name client property")
parser.add_argument("--heartbeat", type=int, default=None, help="seconds; 0 turns heartbeats off")
parser.add_argument("--seconds", type=float, default=60, help="the longest the client waits")
parser.add_argument("--before", type=float, default=0.5, help="reset, drop: seconds before closing")
parser.add_argument("--publish", action="store_true", help="hold: publish one unroutable message first")
args = parser.parse_args()
{"hold": hold, "reset": lambda a: abandon(a, True), "drop": lambda a: abandon(a, False),
 "silent": silent, "stop-heartbeats": stop_heartbeats, "wrong-password": wrong_password}[args.mode](args)
