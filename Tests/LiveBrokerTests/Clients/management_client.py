#!/usr/bin/env python3
"""An AMQP client that holds one connection to a live RabbitMQ on 127.0.0.1, for the management
API scenarios of LiveBrokerTests (ManagementRun.swift).

It connects as guest with the connection_name client property --name and the heartbeat
--heartbeat (0 turns heartbeats off; omitted, the broker's proposal is taken), prints
`port=<local port>` on standard output once the connection is open, and with --publish publishes
one message to the default exchange under a routing key no queue has (nothing is stored; while a
resource alarm holds, the publish blocks the connection). It then services the connection until
standard input closes (or --seconds pass) and closes it cleanly; progress and any exception go to
standard error.
"""
import argparse
import os
import select
import sys
import time

HOST = "127.0.0.1"   # loopback only


def say(message):
    print(f"{time.strftime('%H:%M:%S')} [{os.getpid()}] {message}", file=sys.stderr, flush=True)


def main():
    import pika
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, default=5672)
    parser.add_argument("--name", required=True, help="the connection_name client property")
    parser.add_argument("--heartbeat", type=int, default=None, help="seconds; 0 turns heartbeats off")
    parser.add_argument("--publish", action="store_true", help="publish one unroutable message after connecting")
    parser.add_argument("--seconds", type=float, default=120, help="the longest the connection is held")
    args = parser.parse_args()

    connection = pika.BlockingConnection(pika.ConnectionParameters(
        host=HOST, port=args.port, credentials=pika.PlainCredentials("guest", "guest"),
        heartbeat=args.heartbeat, client_properties={"connection_name": args.name},
        connection_attempts=1, retry_delay=0))
    connection.add_on_connection_blocked_callback(lambda conn, frame: say(f"connection blocked: {frame.method}"))
    connection.add_on_connection_unblocked_callback(lambda conn, frame: say("connection unblocked"))
    channel = connection.channel()
    print(f"port={connection._impl._transport._sock.getsockname()[1]}", flush=True)
    if args.publish:
        channel.basic_publish("", "rmq-doctor-management-nowhere", b"x")
        say("published one message")
    deadline = time.monotonic() + args.seconds
    try:
        while time.monotonic() < deadline:
            connection.process_data_events(time_limit=0.2)
            readable, _, _ = select.select([sys.stdin], [], [], 0)
            if readable and not sys.stdin.readline():
                break
        connection.close()
        say("closed cleanly")
    except Exception as error:   # what the application would see
        say(f"{type(error).__module__}.{type(error).__name__}: {error}")


main()
