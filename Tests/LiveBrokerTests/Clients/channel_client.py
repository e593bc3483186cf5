#!/usr/bin/env python3
"""AMQP clients that make a live RabbitMQ on 127.0.0.1 raise the channel errors the guides describe.

Each mode opens a pika BlockingConnection (named with --name), does one thing the broker refuses,
and prints what the application sees: pika's own log lines (logging at WARNING) and then the
exception as `module.Class: text`, on standard error. Queues and exchanges it declares are named
from --queue and deleted again at the end where the mode can. Modes:

  redeclare           declare --queue durable, then again not durable         406 PRECONDITION_FAILED
  redeclare-type      declare --queue classic, then again as a quorum queue   406 PRECONDITION_FAILED
  redeclare-args      declare --queue with x-message-ttl, then without it     406 PRECONDITION_FAILED
  passive-missing     passive declare of a queue that does not exist          404 NOT_FOUND
  consume-missing     consume from a queue that does not exist                404 NOT_FOUND
  publish-missing     publish to an exchange that does not exist              404 NOT_FOUND
  bind-missing        bind --queue to an exchange that does not exist         404 NOT_FOUND
  exclusive           a second connection consumes from an exclusive queue    405 RESOURCE_LOCKED
  exclusive-consumer  a second consumer on a queue with an exclusive consumer 403 ACCESS_REFUSED
  reserved-name       declare a queue named amq.*                             403 ACCESS_REFUSED
  publish             publish one message to --queue as --user (permissions)  403 ACCESS_REFUSED
  double-ack          acknowledge the same delivery twice                     406 PRECONDITION_FAILED
  ack-never           consume with manual acks and never ack (consumer_timeout)
  oversized           publish a message of --size bytes (max_message_size)    406 PRECONDITION_FAILED
  frame-too-large     send a frame larger than the negotiated frame_max       501 FRAME_ERROR
  use-closed-channel  consume from a missing queue, then publish on that channel anyway
  reuse-channel       after the broker closed channel 1, send queue.declare on it regardless 504 CHANNEL_ERROR
  publish-no-header   send basic.publish without its content header, then another method   505 UNEXPECTED_FRAME
"""
import argparse
import logging
import os
import socket
import struct
import sys
import time

HOST = "127.0.0.1"   # loopback only


def say(message):
    print(f"{time.strftime('%H:%M:%S')} [{os.getpid()}] {message}", file=sys.stderr, flush=True)


def report(error):
    say(f"{type(error).__module__}.{type(error).__name__}: {error}")


def connect(args, name=None):
    import pika
    parameters = pika.ConnectionParameters(
        host=HOST, port=args.port, credentials=pika.PlainCredentials(args.user, args.password),
        client_properties={"connection_name": name or args.name}, connection_attempts=1, retry_delay=0,
        frame_max=args.frame_max)
    connection = pika.BlockingConnection(parameters)
    print(f"port={connection._impl._transport._sock.getsockname()[1]}", flush=True)
    return connection


def cleanup(args, queues=(), exchanges=()):
    """Deletes what the mode declared, on a fresh connection as guest."""
    import pika
    try:
        connection = pika.BlockingConnection(pika.ConnectionParameters(
            host=HOST, port=args.port, client_properties={"connection_name": args.name + "-cleanup"}))
        channel = connection.channel()
        for queue in queues:
            channel.queue_delete(queue)
        for exchange in exchanges:
            channel.exchange_delete(exchange)
        connection.close()
    except Exception as error:   # cleanup must not hide the scenario's own output
        say(f"cleanup failed: {error!r}")


def attempt(action):
    """Runs `action`; the broker's refusal arrives as an exception, now or on the next call."""
    try:
        action()
        say("no error")
        return False
    except Exception as error:
        report(error)
        return True


def redeclare(args):
    connection = connect(args)
    connection.channel().queue_declare(args.queue, durable=True)
    attempt(lambda: connection.channel().queue_declare(args.queue, durable=False))
    connection.close()
    cleanup(args, queues=[args.queue])


def redeclare_type(args):
    connection = connect(args)
    connection.channel().queue_declare(args.queue, durable=True, arguments={"x-queue-type": "classic"})
    attempt(lambda: connection.channel().queue_declare(
        args.queue, durable=True, arguments={"x-queue-type": "quorum"}))
    connection.close()
    cleanup(args, queues=[args.queue])


def redeclare_args(args):
    connection = connect(args)
    connection.channel().queue_declare(args.queue, durable=True, arguments={"x-message-ttl": 60000})
    attempt(lambda: connection.channel().queue_declare(args.queue, durable=True))
    connection.close()
    cleanup(args, queues=[args.queue])


def passive_missing(args):
    connection = connect(args)
    attempt(lambda: connection.channel().queue_declare(args.queue, passive=True))
    connection.close()


def consume_missing(args):
    connection = connect(args)
    attempt(lambda: connection.channel().basic_consume(args.queue, lambda *a: None))
    connection.close()


def publish_missing(args):
    connection = connect(args)
    channel = connection.channel()

    def publish_then_look():
        channel.basic_publish(args.queue + "-exchange", "key", b"hello")
        connection.process_data_events(time_limit=1)
        channel.basic_publish(args.queue + "-exchange", "key", b"hello")
    attempt(publish_then_look)
    connection.close()


def bind_missing(args):
    connection = connect(args)
    channel = connection.channel()
    channel.queue_declare(args.queue)
    attempt(lambda: channel.queue_bind(args.queue, args.queue + "-exchange", routing_key="key"))
    connection.close()
    cleanup(args, queues=[args.queue])


def exclusive(args):
    owner = connect(args, args.name + "-owner")
    owner.channel().queue_declare(args.queue, exclusive=True)
    other = connect(args)
    attempt(lambda: other.channel().basic_consume(args.queue, lambda *a: None))
    other.close()
    owner.close()


def exclusive_consumer(args):
    owner = connect(args, args.name + "-owner")
    channel = owner.channel()
    channel.queue_declare(args.queue)
    channel.basic_consume(args.queue, lambda *a: None, exclusive=True)
    other = connect(args)
    attempt(lambda: other.channel().basic_consume(args.queue, lambda *a: None))
    other.close()
    owner.close()
    cleanup(args, queues=[args.queue])


def reserved_name(args):
    connection = connect(args)
    attempt(lambda: connection.channel().queue_declare("amq." + args.queue))
    connection.close()


def publish(args):
    connection = connect(args)
    channel = connection.channel()

    def publish_then_look():
        channel.basic_publish("", args.queue, b"hello")
        connection.process_data_events(time_limit=1)
        channel.basic_publish("", args.queue, b"hello")
    attempt(publish_then_look)
    connection.close()


def double_ack(args):
    connection = connect(args)
    channel = connection.channel()
    channel.queue_declare(args.queue)
    channel.basic_publish("", args.queue, b"hello")
    method, _, _ = channel.basic_get(args.queue)
    channel.basic_ack(method.delivery_tag)
    channel.basic_ack(method.delivery_tag)
    attempt(lambda: connection.process_data_events(time_limit=1) or channel.queue_declare(args.queue, passive=True))
    connection.close()
    cleanup(args, queues=[args.queue])


def ack_never(args):
    connection = connect(args)
    channel = connection.channel()
    channel.queue_declare(args.queue)
    channel.basic_publish("", args.queue, b"hello")
    received = []
    channel.basic_consume(args.queue, lambda ch, method, props, body: received.append(method.delivery_tag))
    deadline = time.monotonic() + args.seconds
    while time.monotonic() < deadline and channel.is_open:
        connection.process_data_events(time_limit=1)
    say(f"received {len(received)} message(s), acknowledged none; channel open: {channel.is_open}")
    # What the application meets when it finally acknowledges.
    attempt(lambda: channel.basic_ack(received[0]) if received else None)
    connection.close()
    cleanup(args, queues=[args.queue])


def oversized(args):
    connection = connect(args)
    channel = connection.channel()
    channel.queue_declare(args.queue)

    def publish_then_look():
        channel.basic_publish("", args.queue, b"x" * args.size)
        connection.process_data_events(time_limit=1)
        channel.basic_publish("", args.queue, b"hello")
    attempt(publish_then_look)
    connection.close()
    cleanup(args, queues=[args.queue])


def frame_too_large(args):
    connection = connect(args)
    connection.channel()
    sock = connection._impl._transport._sock
    size = args.size
    say(f"negotiated frame_max {connection._impl.params.frame_max}; sending a {size}-byte body frame on channel 1")
    sock.sendall(struct.pack(">BHI", 3, 1, size) + b"x" * size + b"\xce")
    attempt(lambda: connection.process_data_events(time_limit=3) or connection.channel())


def use_closed_channel(args):
    connection = connect(args)
    channel = connection.channel()
    attempt(lambda: channel.basic_consume(args.queue, lambda *a: None))
    say("publishing on the same channel anyway")
    attempt(lambda: channel.basic_publish("", "anything", b"hello"))
    connection.close()


def reuse_channel(args):
    import pika
    connection = connect(args)
    channel = connection.channel()
    attempt(lambda: channel.basic_consume(args.queue, lambda *a: None))
    say(f"sending queue.declare on channel {channel.channel_number} underneath pika, as a client with a stale channel would")
    connection._impl._send_method(channel.channel_number, pika.spec.Queue.Declare(queue=args.queue + "-again"))
    attempt(lambda: connection.process_data_events(time_limit=2) or connection.channel())


def publish_no_header(args):
    import pika
    connection = connect(args)
    channel = connection.channel()
    say(f"sending basic.publish on channel {channel.channel_number} without a content header, then queue.declare")
    connection._impl._send_method(channel.channel_number, pika.spec.Basic.Publish(exchange="", routing_key=args.queue))
    connection._impl._send_method(channel.channel_number, pika.spec.Queue.Declare(queue=args.queue))
    attempt(lambda: connection.process_data_events(time_limit=2) or connection.channel())


MODES = {
    "redeclare": redeclare, "redeclare-type": redeclare_type, "redeclare-args": redeclare_args, "passive-missing": passive_missing,
    "consume-missing": consume_missing, "publish-missing": publish_missing, "bind-missing": bind_missing,
    "exclusive": exclusive, "exclusive-consumer": exclusive_consumer, "reserved-name": reserved_name,
    "publish": publish, "double-ack": double_ack, "ack-never": ack_never, "oversized": oversized,
    "frame-too-large": frame_too_large, "use-closed-channel": use_closed_channel, "reuse-channel": reuse_channel,
    "publish-no-header": publish_no_header,
}

parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
parser.add_argument("mode", choices=sorted(MODES))
parser.add_argument("--port", type=int, default=5672)
parser.add_argument("--name", default="rmq-doctor-live", help="the connection_name client property")
parser.add_argument("--queue", default="rmq-doctor-jobs")
parser.add_argument("--user", default="guest")
parser.add_argument("--password", default="guest")
parser.add_argument("--seconds", type=float, default=90, help="ack-never: the longest the consumer waits")
parser.add_argument("--size", type=int, default=200000, help="oversized, frame-too-large: bytes")
parser.add_argument("--frame-max", type=int, default=131072)
args = parser.parse_args()
logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s %(message)s")
MODES[args.mode](args)
