#!/usr/bin/env python3
"""AMQP clients that meet a live RabbitMQ on 127.0.0.1 while a resource alarm or a limit holds.

Each mode opens pika BlockingConnections (named from --name), does what an application does when
the broker is short of a resource or a limit is reached, and prints what the application sees:
pika's own log lines (logging at WARNING), the connection.blocked/unblocked notifications pika
passes to its callbacks, and each exception as `module.Class: text`, on standard error. Queues
it declares are named from --queue and deleted again at the end. The broker side (the alarm or
the limit) is set up by whoever runs the client. Modes:

  publish-blocked   publish with confirms while an alarm holds; pika's blocked_connection_timeout
                    (--seconds) ends the wait with ConnectionBlockedTimeout
  consume-blocked   consume from --queue while an alarm holds (consumers are not blocked)
  connections       open --count connections and hold them --seconds (vhost/user/fd limits)
  queues            declare --count queues on one channel (vhost max-queues)
  channels          open --count channels on one connection (user max-channels)
  channel-past-max  negotiate channel_max --count, open that many channels, then one more underneath
                    pika (which itself refuses to exceed channel_max)
"""
import argparse
import logging
import os
import sys
import time

HOST = "127.0.0.1"   # loopback only


def say(message):
    print(f"{time.strftime('%H:%M:%S')} [{os.getpid()}] {message}", file=sys.stderr, flush=True)


def report(error):
    say(f"{type(error).__module__}.{type(error).__name__}: {error}")


def parameters(args, name, **extra):
    import pika
    return pika.ConnectionParameters(
        host=HOST, port=args.port, virtual_host=args.vhost,
        credentials=pika.PlainCredentials(args.user, args.password),
        client_properties={"connection_name": name}, connection_attempts=1, retry_delay=0, **extra)


def connect(args, name=None, **extra):
    import pika
    connection = pika.BlockingConnection(parameters(args, name or args.name, **extra))
    print(f"port={connection._impl._transport._sock.getsockname()[1]}", flush=True)
    return connection


def cleanup(args, queues=()):
    """Deletes what the mode declared, on a fresh connection."""
    try:
        connection = connect(args, args.name + "-cleanup")
        channel = connection.channel()
        for queue in queues:
            channel.queue_delete(queue)
        connection.close()
    except Exception as error:   # cleanup must not hide the scenario's own output
        say(f"cleanup failed: {error!r}")


def publish_blocked(args):
    import pika
    connection = connect(args, blocked_connection_timeout=args.seconds)
    connection.add_on_connection_blocked_callback(lambda conn, frame: say(f"connection blocked: {frame.method}"))
    connection.add_on_connection_unblocked_callback(lambda conn, frame: say(f"connection unblocked: {frame.method}"))
    channel = connection.channel()
    channel.queue_declare(args.queue)
    channel.confirm_delivery()
    started = time.monotonic()
    try:
        for number in range(args.count):
            channel.basic_publish("", args.queue, b"x" * 1024, pika.BasicProperties(delivery_mode=2))
        say(f"published {args.count} messages in {time.monotonic() - started:.1f} s")
    except Exception as error:
        say(f"publish {number + 1} waited {time.monotonic() - started:.1f} s")
        report(error)
    try:
        connection.close()
    except Exception as error:
        report(error)


def consume_blocked(args):
    connection = connect(args)
    connection.add_on_connection_blocked_callback(lambda conn, frame: say(f"connection blocked: {frame.method}"))
    channel = connection.channel()
    channel.queue_declare(args.queue)
    got = 0
    deadline = time.monotonic() + args.seconds
    while time.monotonic() < deadline:
        method, _, _ = channel.basic_get(args.queue, auto_ack=True)
        if method is None:
            connection.process_data_events(time_limit=0.2)
            continue
        got += 1
    say(f"consumed {got} messages in {args.seconds:.0f} s")
    connection.close()
    cleanup(args, queues=[args.queue])


def connections(args):
    opened = []
    for number in range(1, args.count + 1):
        try:
            opened.append(connect(args, f"{args.name}-{number}"))
        except Exception as error:
            say(f"connection {number} of {args.count}:")
            report(error)
            break
    say(f"{len(opened)} connection(s) open; holding them {args.seconds:.0f} s")
    deadline = time.monotonic() + args.seconds
    while time.monotonic() < deadline:
        for connection in opened:
            connection.process_data_events(time_limit=0)
        time.sleep(0.2)
    for connection in opened:
        try:
            connection.close()
        except Exception as error:
            report(error)


def queues(args):
    connection = connect(args)
    channel = connection.channel()
    declared = []
    try:
        for number in range(1, args.count + 1):
            name = f"{args.queue}-{number}"
            channel.queue_declare(name)
            declared.append(name)
    except Exception as error:
        say(f"queue {len(declared) + 1} of {args.count}:")
        report(error)
    if connection.is_open:
        connection.close()
    cleanup(args, queues=declared)


def channels(args):
    connection = connect(args)
    opened = []
    try:
        for number in range(1, args.count + 1):
            opened.append(connection.channel())
        say(f"{len(opened)} channel(s) open")
    except Exception as error:
        say(f"channel {len(opened) + 1} of {args.count}:")
        report(error)
    try:
        connection.process_data_events(time_limit=1)
        connection.close()
    except Exception as error:
        report(error)


def channel_past_max(args):
    import pika
    connection = connect(args, channel_max=args.count)
    limit = connection._impl.params.channel_max
    opened = [connection.channel() for _ in range(limit)]
    say(f"negotiated channel_max {limit}; {len(opened)} channels open; opening channel {limit + 1} underneath pika")
    connection._impl._send_method(limit + 1, pika.spec.Channel.Open())
    try:
        connection.process_data_events(time_limit=3)
        connection.channel()
        say("no error")
    except Exception as error:
        report(error)


MODES = {
    "publish-blocked": publish_blocked, "consume-blocked": consume_blocked, "connections": connections,
    "queues": queues, "channels": channels, "channel-past-max": channel_past_max,
}

parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
parser.add_argument("mode", choices=sorted(MODES))
parser.add_argument("--port", type=int, default=5672)
parser.add_argument("--name", default="rmq-doctor-live", help="the connection_name client property")
parser.add_argument("--queue", default="rmq-doctor-jobs")
parser.add_argument("--vhost", default="/")
parser.add_argument("--user", default="guest")
parser.add_argument("--password", default="guest")
parser.add_argument("--seconds", type=float, default=5, help="how long to wait or hold")
parser.add_argument("--count", type=int, default=3, help="messages, connections, queues or channels")
args = parser.parse_args()
logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s %(message)s")
MODES[args.mode](args)
