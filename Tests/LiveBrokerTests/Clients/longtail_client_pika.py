"""pika clients that misuse a connection the way applications do, for the client-threading and
client-recovery guides (Tests/Fixtures/lab/capture-long-tail-clients.sh and LongTailClientRun).

  threads       several threads publish through one BlockingConnection and channel
  ack-thread    a consumer whose callback hands each ack to a new thread
  fork          a connection opened before os.fork() and used by the children and the parent
  reconnect     an application's own reconnect loop against a port (pika has no recovery)
  server-named  a consumer of a server-named exclusive queue that reconnects after its
                connection is closed and consumes again from the name it remembered

Each prints what the library raised, one line per error, as `<who>: <module>.<Type>: <text>`,
and pika's own log lines at ERROR with logging's default layout. It never prints a Python
stack trace of its own and exits 0 unless the arguments are wrong.
"""

import argparse
import logging
import os
import sys
import threading
import time

import pika


def describe(who, error):
    kind = type(error)
    print(f"{who}: {kind.__module__}.{kind.__name__}: {error}", file=sys.stderr, flush=True)


def connect(args, name):
    return pika.BlockingConnection(pika.ConnectionParameters(
        host=args.host, port=args.port, connection_attempts=1,
        client_properties={"connection_name": name}))


def threads(args):
    connection = connect(args, args.name)
    channel = connection.channel()
    channel.queue_declare(args.queue)
    print("ready", flush=True)

    def publish(number):
        try:
            for _ in range(args.count):
                channel.basic_publish("", args.queue, b"x" * 300)
        except Exception as error:  # what each thread gets is the point
            describe(f"thread {number}", error)

    workers = [threading.Thread(target=publish, args=(n,)) for n in range(args.threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    try:
        connection.close()
    except Exception as error:
        describe("close", error)


def ack_thread(args):
    connection = connect(args, args.name)
    channel = connection.channel()
    channel.queue_declare(args.queue)
    for _ in range(args.count):
        channel.basic_publish("", args.queue, b"job")
    channel.basic_qos(prefetch_count=50)
    print("ready", flush=True)

    def ack(tag):
        try:
            channel.basic_ack(tag)
        except Exception as error:
            describe("worker", error)

    def on_message(_channel, method, _properties, _body):
        threading.Thread(target=ack, args=(method.delivery_tag,)).start()

    channel.basic_consume(args.queue, on_message)
    deadline = time.time() + args.seconds
    try:
        while time.time() < deadline:
            connection.process_data_events(time_limit=0.1)
    except Exception as error:
        describe("main", error)


def fork(args):
    connection = connect(args, args.name)
    channel = connection.channel()
    channel.queue_declare(args.queue)
    print("ready", flush=True)
    children = []
    for number in range(args.threads):
        pid = os.fork()
        if pid == 0:
            try:
                for i in range(args.count):
                    channel.basic_publish("", args.queue, f"child {number} message {i}".encode())
                print(f"child {number}: published {args.count}", file=sys.stderr, flush=True)
            except Exception as error:
                describe(f"child {number}", error)
            os._exit(0)
        children.append(pid)
    try:
        for _ in range(args.count):
            channel.basic_publish("", args.queue, b"parent")
        time.sleep(1)
        channel.queue_declare(args.queue, passive=True)
        print("parent: connection still usable", file=sys.stderr, flush=True)
    except Exception as error:
        describe("parent", error)
    for pid in children:
        os.waitpid(pid, 0)


def reconnect(args):
    """The loop applications write around pika: connect, and on failure wait and try again."""
    for attempt in range(1, args.attempts + 1):
        try:
            connection = connect(args, args.name)
            print(f"attempt {attempt}: connected", file=sys.stderr, flush=True)
            connection.close()
            return
        except pika.exceptions.AMQPConnectionError as error:
            describe(f"attempt {attempt}", error)
            time.sleep(args.interval)


def server_named(args):
    """Declares a server-named exclusive queue, consumes, and after the broker closes the
    connection reconnects and consumes again from the remembered name (the bug); then does what
    works: declares a new server-named queue."""
    connection = connect(args, args.name)
    channel = connection.channel()
    queue = channel.queue_declare("", exclusive=True).method.queue
    channel.basic_consume(queue, lambda *_: None, auto_ack=True)
    print(f"ready {queue}", flush=True)
    try:
        connection.process_data_events(time_limit=args.seconds)
        print("not closed within the wait", flush=True)
        return
    except pika.exceptions.AMQPConnectionError as error:
        describe("first connection", error)
    for attempt in range(1, args.attempts + 1):
        time.sleep(args.interval)
        try:
            connection = connect(args, args.name)
            break
        except pika.exceptions.AMQPConnectionError as error:
            describe(f"reconnect attempt {attempt}", error)
    else:
        return
    print(f"reconnected; consuming again from {queue}", file=sys.stderr, flush=True)
    channel = connection.channel()
    try:
        channel.basic_consume(queue, lambda *_: None, auto_ack=True)
        print("consumer registered", file=sys.stderr, flush=True)
    except pika.exceptions.ChannelClosedByBroker as error:
        describe("basic_consume on the remembered name", error)
    channel = connection.channel()
    fresh = channel.queue_declare("", exclusive=True).method.queue
    channel.basic_consume(fresh, lambda *_: None, auto_ack=True)
    print(f"declared a new server-named queue {fresh} and consumed from it", file=sys.stderr, flush=True)
    connection.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("mode", choices=["threads", "ack-thread", "fork", "reconnect", "server-named"])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=5672)
    parser.add_argument("--name", default="app-long-tail")
    parser.add_argument("--queue", default="long-tail-jobs")
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--count", type=int, default=20000)
    parser.add_argument("--seconds", type=float, default=8)
    parser.add_argument("--attempts", type=int, default=4)
    parser.add_argument("--interval", type=float, default=2)
    args = parser.parse_args()
    logging.basicConfig(level=logging.ERROR, format="%(levelname)s %(name)s %(message)s")
    mode = {"threads": threads, "ack-thread": ack_thread, "fork": fork, "reconnect": reconnect,
            "server-named": server_named}[args.mode]
    try:
        mode(args)
    except Exception as error:  # a failure outside the misuse itself: one line, no stack trace
        describe("client", error)
        sys.exit(1)


if __name__ == "__main__":
    main()
