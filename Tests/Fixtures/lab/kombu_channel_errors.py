#!/usr/bin/env python3
"""Channel errors as kombu (over py-amqp, as Celery uses it) reports them, against the loopback
test broker: a queue declared again with another durable flag, and a passive declare of a
missing queue. Prints each exception as `module.Class: text`; deletes what it declared."""
import sys
from kombu import Connection, Exchange, Queue

URL = "amqp://guest:guest@127.0.0.1:5672//"


def report(error):
    print(f"{type(error).__module__}.{type(error).__name__}: {error}", flush=True)


with Connection(URL, transport_options={"client_properties": {"connection_name": "app-kombu-redeclare"}}) as connection:
    channel = connection.channel()
    Queue("kombu-orders", durable=True, channel=channel).declare()
    try:
        Queue("kombu-orders", durable=False, channel=connection.channel()).declare()
    except Exception as error:
        report(error)
    try:
        connection.channel().queue_declare("kombu-missing", passive=True)
    except Exception as error:
        report(error)
    connection.channel().queue_delete("kombu-orders")
