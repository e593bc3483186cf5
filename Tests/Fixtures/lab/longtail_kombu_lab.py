"""kombu and Celery reconnecting to a node that goes away, for the client-recovery guide
(run by capture-long-tail-clients.sh from a venv of its own with kombu and celery).

  mixin URL SECONDS    a kombu ConsumerMixin consuming from a queue for SECONDS; kombu logs its
                       own reconnect lines (logging's default layout, at INFO and above)
  celery               the Celery app of `celery -A longtail_kombu_lab worker`, broker from
                       LONGTAIL_BROKER

It never prints a Python stack trace of its own.
"""

import logging
import os
import sys
import threading

from kombu import Connection, Exchange, Queue
from kombu.mixins import ConsumerMixin

try:
    from celery import Celery
    app = Celery("longtail", broker=os.environ.get("LONGTAIL_BROKER", "amqp://guest:guest@127.0.0.1:5721//"))
    app.conf.broker_connection_retry_on_startup = True

    @app.task
    def noop():
        return 1
except ImportError:  # the mixin mode needs only kombu
    app = None


class Worker(ConsumerMixin):
    def __init__(self, connection):
        self.connection = connection

    def get_consumers(self, consumer_cls, channel):
        queue = Queue("long-tail-kombu", Exchange("long-tail-kombu", type="direct"), "jobs")
        return [consumer_cls(queues=[queue], callbacks=[lambda body, message: message.ack()])]


def mixin(url, seconds):
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s %(message)s")
    worker = Worker(Connection(url))
    threading.Timer(seconds, lambda: setattr(worker, "should_stop", True)).start()
    try:
        worker.run()
    except Exception as error:
        kind = type(error)
        print(f"mixin: {kind.__module__}.{kind.__name__}: {error}", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) != 4 or sys.argv[1] != "mixin":
        print("usage: longtail_kombu_lab.py mixin URL SECONDS", file=sys.stderr)
        sys.exit(2)
    mixin(sys.argv[2], float(sys.argv[3]))
