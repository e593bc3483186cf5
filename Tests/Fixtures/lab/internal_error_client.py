#!/usr/bin/env python3
"""A small pika client for Tests/Fixtures/lab/capture-internal-error.sh. It prints what an
application sees when the broker closes its connection: every exception as `module.Class: text`
on standard error, and its own progress on standard output.

  hold --port P --queue Q --name N --seconds S
      one connection, channel 1 open and idle, channel 2 consuming from classic queue Q
      (declared non-durable); prints `ready`, then waits up to S seconds for the broker to
      close something, then tries one more operation on each channel
  op --port P --queue Q --name N --what WHAT
      one connection and channel; runs one operation on queue Q: declare (passive), get,
      publish (with publisher confirms), purge, delete
"""
import argparse
import logging
import sys
import time


def report(error):
    print(f"{type(error).__module__}.{type(error).__name__}: {error}", file=sys.stderr, flush=True)


def connect(args):
    import pika
    parameters = pika.ConnectionParameters(
        host="127.0.0.1", port=args.port, client_properties={"connection_name": args.name},
        connection_attempts=1, heartbeat=30, blocked_connection_timeout=30)
    return pika.BlockingConnection(parameters)


def hold(args):
    connection = connect(args)
    idle = connection.channel()
    consumer = connection.channel()
    consumer.queue_declare(args.queue, durable=False, auto_delete=False)

    def on_cancel(frame):
        print(f"consumer cancelled by the broker: {frame.method}", flush=True)

    consumer.add_on_cancel_callback(on_cancel)
    consumer.basic_consume(args.queue, lambda ch, m, p, body: print(f"delivery {body!r}", flush=True),
                           auto_ack=True)
    print(f"ready: channel {idle.channel_number} idle, channel {consumer.channel_number} consuming from {args.queue}", flush=True)
    status = 0
    try:
        connection.process_data_events(time_limit=args.seconds)
        print("no close within the wait", flush=True)
    except Exception as error:
        report(error)
        status = 1
    for channel in (idle, consumer):
        try:
            channel.queue_declare(args.queue, passive=True)
            print(f"channel {channel.channel_number}: queue.declare (passive) ok", flush=True)
        except Exception as error:
            report(error)
            status = 1
    try:
        connection.close()
    except Exception as error:
        report(error)
    return status


def op(args):
    connection = connect(args)
    channel = connection.channel()
    print(f"ready: channel {channel.channel_number}, {args.what} on {args.queue}", flush=True)
    try:
        if args.what == "declare":
            result = channel.queue_declare(args.queue, passive=True)
            print(f"queue.declare-ok {result.method.message_count} messages", flush=True)
        elif args.what == "get":
            print(f"basic.get: {channel.basic_get(args.queue, auto_ack=True)[0]}", flush=True)
        elif args.what == "publish":
            channel.confirm_delivery()
            channel.basic_publish("", args.queue, b"payload", mandatory=True)
            print("basic.publish confirmed", flush=True)
        elif args.what == "purge":
            channel.queue_purge(args.queue)
            print("queue.purge-ok", flush=True)
        elif args.what == "delete":
            channel.queue_delete(args.queue)
            print("queue.delete-ok", flush=True)
        connection.close()
        return 0
    except Exception as error:
        report(error)
        if connection.is_open:
            connection.close()
        return 1


def main():
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr,
                        format="%(levelname)s %(name)s %(message)s")
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["hold", "op"])
    parser.add_argument("--port", type=int, default=5702)
    parser.add_argument("--queue", default="internal-error-jobs")
    parser.add_argument("--name", default="internal-error-client")
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--what", default="declare")
    args = parser.parse_args()
    return hold(args) if args.mode == "hold" else op(args)


if __name__ == "__main__":
    sys.exit(main())
