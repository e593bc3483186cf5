#!/usr/bin/env bash
# Captures what RabbitMQ and pika print for each channel-error scenario of
# Tests/LiveBrokerTests/Clients/channel_client.py, into Tests/Fixtures/captures/channel-<mode>.txt:
# a header line saying how, the client's output, then the bytes the broker appended to its log
# during the run. Needs the loopback test broker (.ci/broker-start) and root. Every change it
# makes to the broker (a user, consumer_timeout, max_message_size) is undone on exit, also on
# failure.
set -euo pipefail
cd "$(dirname "$0")/../../.."
python=$(bash .ci/live-python)
log=${RMQ_DOCTOR_BROKER_LOG:-/var/log/rabbitmq/rabbit@localhost.log}
out=Tests/Fixtures/captures
client=Tests/LiveBrokerTests/Clients/channel_client.py
versions="RabbitMQ $(rabbitmqctl -q version 2>/dev/null) (Debian package $(dpkg-query -W -f '${Version}' rabbitmq-server)), Erlang $(dpkg-query -W -f '${Version}' erlang-base), pika $("$python" -c 'import pika; print(pika.__version__)'), CPython $("$python" -c 'import platform; print(platform.python_version())')"

# The broker's own values, put back exactly as they were (unset_env would leave no timeout at all).
setting() { rabbitmqctl -q eval "application:get_env(rabbit, $1)."; }
put_back() {  # put_back KEY ORIGINAL
  case "$2" in
    "{ok,"*) local value=${2#\{ok,}; rabbitmqctl -q eval "application:set_env(rabbit, $1, ${value%\}})." >/dev/null ;;
    *) rabbitmqctl -q eval "application:unset_env(rabbit, $1)." >/dev/null ;;
  esac
}
consumer_timeout=$(setting consumer_timeout)
max_message_size=$(setting max_message_size)
undo() {
  rabbitmqctl -q delete_user rmq-doctor-nowrite >/dev/null 2>&1 || true
  put_back consumer_timeout "$consumer_timeout" || true
  put_back max_message_size "$max_message_size" || true
}
trap undo EXIT

# capture MODE HOW [client arguments...]
capture() {
  local mode=$1 how=$2; shift 2
  local file="$out/channel-$mode.txt" start
  start=$(stat -c %s "$log")
  {
    echo "# Produced by '$client $mode $*' against the loopback test broker of .ci/broker-start ($how). $versions; $(date -u +%Y-%m-%dT%H:%M:%SZ). Sections: client output (stdout and stderr), then the broker log bytes appended during the run; nothing edited."
    echo "## client"
    "$python" "$client" "$mode" "$@" 2>&1 || true
    sleep 1
    echo "## broker log"
    tail -c +"$((start + 1))" "$log"
  } > "$file"
  echo "captured $file" >&2
}

capture redeclare "queue declared durable, then not durable" --name app-redeclare --queue orders
capture redeclare-type "queue declared classic, then quorum" --name app-redeclare-type --queue invoices
capture redeclare-args "queue declared with x-message-ttl 60000, then without arguments" --name app-redeclare-args --queue tasks
capture passive-missing "passive declare of a missing queue" --name app-passive --queue missing-queue
capture consume-missing "basic.consume on a missing queue" --name app-consume --queue missing-queue
capture publish-missing "basic.publish to a missing exchange" --name app-publish --queue events
capture bind-missing "queue.bind to a missing exchange" --name app-bind --queue audit
capture exclusive "exclusive queue of one connection, consumed by another" --name app-second --queue session-42
capture exclusive-consumer "exclusive consumer, then a second consumer" --name app-second --queue reports
capture reserved-name "queue named amq.*" --name app-reserved --queue reserved
rabbitmqctl -q add_user rmq-doctor-nowrite nowrite-secret >/dev/null
rabbitmqctl -q set_permissions -p / rmq-doctor-nowrite '.*' '' '.*' >/dev/null
capture publish "user rmq-doctor-nowrite with configure '.*', write '', read '.*' on vhost /" --name app-nowrite --queue orders --user rmq-doctor-nowrite --password nowrite-secret
rabbitmqctl -q delete_user rmq-doctor-nowrite >/dev/null
capture double-ack "basic.ack of the same delivery tag twice" --name app-double-ack --queue payments
capture use-closed-channel "basic.consume on a missing queue, then basic.publish on the same channel" --name app-closed-channel --queue missing-queue
capture reuse-channel "basic.consume on a missing queue, then queue.declare sent on the closed channel 1 underneath pika" --name app-stale-channel --queue missing-queue
capture publish-no-header "basic.publish sent underneath pika without its content header, followed by queue.declare" --name app-no-header --queue headers
capture frame-too-large "a 200000-byte body frame after negotiating frame_max 131072" --name app-big-frame --queue frames
rabbitmqctl -q eval 'application:set_env(rabbit, max_message_size, 4096).' >/dev/null
capture oversized "max_message_size set to 4096 with rabbitmqctl eval, then a 10000-byte message" --name app-oversized --queue uploads --size 10000
put_back max_message_size "$max_message_size"
rabbitmqctl -q eval 'application:set_env(rabbit, consumer_timeout, 5000).' >/dev/null
capture ack-never "consumer_timeout set to 5000 ms with rabbitmqctl eval, a consumer that never acks" --name app-slow-consumer --queue slow-jobs --seconds 100
