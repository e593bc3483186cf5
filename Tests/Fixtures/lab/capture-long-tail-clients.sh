#!/usr/bin/env bash
# Captures what clients and the broker print when an application shares one connection between
# threads or processes, and when clients reconnect (or fail to recover) after the broker goes away,
# into Tests/Fixtures/captures/longtail-client-*.txt: four threads publishing through one pika
# BlockingConnection (run three times: what breaks differs from run to run), a pika consumer that
# acks from worker threads, a pika connection used by forked children, Celery's worker and kombu's
# ConsumerMixin while the node's application is stopped and started again, an application's own
# reconnect loop around pika, and a consumer of a server-named exclusive queue that reconnects and
# consumes again from the name it remembered. Each capture file: a header line saying how, each
# command as "## $ command" with its output (stdout and stderr) and exit status, each client's
# output, then the bytes the node appended to its log meanwhile; nothing edited.
#
# Uses only the extra node lt2a@localhost (AMQP 127.0.0.1:5721, distribution 25721), with its data,
# log and config under /tmp/long-tail-clients/lab/. It never touches rabbit@localhost or
# rabbit2@localhost. Needs root and the live Python with pika (.ci/live-python); for the kombu and
# Celery captures a venv with kombu and celery: LONGTAIL_VENV if set, else one made under the lab
# folder with pip (the captures are skipped when that fails). Everything it changes is undone on
# exit, also on failure: background clients are killed by pid, lt2a is stopped (by its pid file as
# a last resort), and /tmp/long-tail-clients/lab (with the venv it made) is removed.
set -euo pipefail
cd "$(dirname "$0")/../../.."
source Tests/Fixtures/lab/capture-lib.sh   # shown, node_env, remove_lab
out=Tests/Fixtures/captures
base=/tmp/long-tail-clients/lab
node=lt2a@localhost
port=5721
python=$(bash .ci/live-python)
client=Tests/LiveBrokerTests/Clients/longtail_client_pika.py
kombu_lab=Tests/Fixtures/lab/longtail_kombu_lab.py
versions="RabbitMQ $(dpkg-query -W -f '${Version}' rabbitmq-server) (Debian package), Erlang $(dpkg-query -W -f '${Version}' erlang-base), pika $("$python" -c 'import pika; print(pika.__version__)'), CPython $("$python" -c 'import platform; print(platform.python_version())')"

clients=()
undo() {
  set +e
  for pid in "${clients[@]}"; do kill "$pid" 2>/dev/null; done
  remove_lab "$base" "$node" "$base/node/node.pid"
}
trap undo EXIT

d=$base/node
log=$d/log/$node.log
install -d -o rabbitmq -g rabbitmq "${base%/*}" "$base" "$d" "$d/mnesia" "$d/log"
printf '%s\n' "listeners.tcp.default = 127.0.0.1:$port" > "$d/node.conf"
printf '%s\n' "[]." > "$d/enabled_plugins"
chown rabbitmq:rabbitmq "$d/node.conf" "$d/enabled_plugins"
node_env "$d" "$node" $port 25721
unset RABBITMQ_LOGS RABBITMQ_ADVANCED_CONFIG_FILE
rabbitmq-server -detached
for _ in $(seq 1 90); do rabbitmq-diagnostics -n "$node" -q ping >/dev/null 2>&1 && break; sleep 1; done
timeout 120 rabbitmqctl -n "$node" -q await_startup --timeout 90

# capture NAME HOW FUNCTION: the function's output as the capture's body, then the log bytes the
# node appended meanwhile.
capture() {
  local name=$1 how=$2 run=$3 start
  start=$(stat -c %s "$log")
  {
    echo "# Produced by Tests/Fixtures/lab/capture-long-tail-clients.sh with the extra node $node (AMQP 127.0.0.1:$port) under $base ($how). $versions${extra:-}; $(date -u +%Y-%m-%dT%H:%M:%SZ). Sections: each command's output (stdout and stderr) and exit status and each client's output, in the order they ran, then the bytes the node appended to its log during the run; nothing edited."
    "$run"
    sleep 2
    echo "## node log: $log (bytes appended during the run)"
    tail -c +"$((start + 1))" "$log"
  } > "$out/$name.txt"
  echo "captured $out/$name.txt" >&2
}

# run_client ARGS...: the pika client in the foreground, as a section.
run_client() {
  echo "## client: $client $* (stdout and stderr)"
  timeout 60 "$python" "$client" "$@" --port "$port" 2>&1 || echo "(exit status $?)"
}
ctl() { rabbitmqctl -n "$node" "$@"; }

# ---------------------------------------------------------------- threads sharing a connection
pika_threads() {
  for run in 1 2 3; do
    run_client threads --name "app-threads-$run" --queue long-tail-jobs --threads 4 --count 20000
  done
  shown rabbitmqctl -n "$node" list_queues name messages
}
capture longtail-client-pika-threads "four threads publishing 300-byte messages through one pika BlockingConnection and channel, three runs" pika_threads

pika_ack_thread() {
  run_client ack-thread --name app-ack-thread --queue long-tail-work --count 2000 --seconds 8
  run_client ack-thread --name app-ack-thread-2 --queue long-tail-work-2 --count 2000 --seconds 8
  shown rabbitmqctl -n "$node" list_queues name messages messages_unacknowledged
}
capture longtail-client-pika-ack-thread "a pika consumer (prefetch 50) whose on_message callback acks each delivery from a new thread, two runs" pika_ack_thread

pika_fork() {
  run_client fork --name app-forked --queue long-tail-fork --threads 3 --count 3000
  run_client fork --name app-forked-2 --queue long-tail-fork --threads 3 --count 3000
}
capture longtail-client-pika-fork "a pika BlockingConnection opened before os.fork(); three children and the parent publish through it, two runs" pika_fork

# ---------------------------------------------------------------- reconnecting
stop_start() {
  sleep "$1"
  shown rabbitmqctl -n "$node" stop_app
  sleep "$2"
  shown rabbitmqctl -n "$node" start_app
}

pika_reconnect() {
  shown rabbitmqctl -n "$node" stop_app
  (sleep 9; shown rabbitmqctl -n "$node" start_app) > "$base/ctl.out" 2>&1 &
  local ctl_pid=$!
  clients+=("$ctl_pid")
  run_client reconnect --name app-reconnect --attempts 10 --interval 2
  wait "$ctl_pid" || true
  echo "## meanwhile (9 seconds after the loop started)"
  cat "$base/ctl.out"
}
capture longtail-client-pika-reconnect "an application's reconnect loop around pika (AMQPConnectionError caught, 2 seconds between attempts) while the node's application is stopped with rabbitmqctl stop_app and started again 9 seconds later" pika_reconnect

pika_server_named() {
  echo "## client: $client server-named --name app-server-named --seconds 20 --port $port (in the background)"
  timeout 60 "$python" "$client" server-named --port "$port" --name app-server-named --seconds 20 --interval 2 > "$base/sn.out" 2>&1 &
  clients+=("$!")
  for _ in $(seq 1 30); do grep -q '^ready' "$base/sn.out" 2>/dev/null && break; sleep 0.5; done
  shown rabbitmqctl -n "$node" list_queues name exclusive consumers
  local pid
  pid=$(ctl -q list_connections pid client_properties | awk '/app-server-named/ { print $1; exit }')
  shown rabbitmqctl -n "$node" close_connection "$pid" "node maintenance"
  wait "${clients[-1]}" || true
  echo "## client output ($client server-named)"
  cat "$base/sn.out"
  shown rabbitmqctl -n "$node" list_queues name exclusive consumers
}
capture longtail-client-server-named "a pika consumer of a server-named exclusive queue whose connection is closed with rabbitmqctl close_connection; the application reconnects and consumes again from the amq.gen- name it remembered, then declares a new server-named queue" pika_server_named

# ---------------------------------------------------------------- kombu and Celery
venv=${LONGTAIL_VENV:-}
if [ -z "$venv" ]; then
  venv=$base/venv
  python3 -m venv "$venv" >/dev/null 2>&1 && "$venv/bin/pip" install -q kombu celery >/dev/null 2>&1 || venv=""
fi
if [ -n "$venv" ] && "$venv/bin/python" -c 'import kombu, celery' 2>/dev/null; then
  extra=", kombu $("$venv/bin/python" -c 'import kombu; print(kombu.__version__)'), py-amqp $("$venv/bin/python" -c 'import amqp; print(amqp.__version__)'), Celery $("$venv/bin/python" -c 'import celery; print(celery.__version__)')"
  url="amqp://guest:guest@127.0.0.1:$port//"

  celery_worker() {
    (stop_start 8 12) > "$base/ctl.out" 2>&1 &
    local ctl_pid=$!
    clients+=("$ctl_pid")
    echo "## client: celery -A longtail_kombu_lab worker --pool solo --without-heartbeat --without-gossip --without-mingle -l INFO (LONGTAIL_BROKER=$url, for 40 seconds; stdout and stderr)"
    (cd Tests/Fixtures/lab && LONGTAIL_BROKER=$url timeout 40 "$venv/bin/celery" -A longtail_kombu_lab worker --pool solo \
      --without-heartbeat --without-gossip --without-mingle -l INFO 2>&1) || echo "(exit status $?)"
    wait "$ctl_pid" || true
    echo "## meanwhile (stop_app 8 seconds after the worker started, start_app 12 seconds later)"
    cat "$base/ctl.out"
  }
  capture longtail-client-celery-reconnect "a Celery worker (solo pool) consuming from the node while its application is stopped with rabbitmqctl stop_app and started again 12 seconds later" celery_worker

  kombu_mixin() {
    (stop_start 4 10) > "$base/ctl.out" 2>&1 &
    local ctl_pid=$!
    clients+=("$ctl_pid")
    echo "## client: $kombu_lab mixin $url 25 (stdout and stderr)"
    timeout 40 "$venv/bin/python" "$kombu_lab" mixin "$url" 25 2>&1 || echo "(exit status $?)"
    wait "$ctl_pid" || true
    echo "## meanwhile (stop_app 4 seconds after the consumer started, start_app 10 seconds later)"
    cat "$base/ctl.out"
  }
  capture longtail-client-kombu-reconnect "a kombu ConsumerMixin consuming from the node while its application is stopped with rabbitmqctl stop_app and started again 10 seconds later" kombu_mixin
  extra=""
else
  echo "skipped the kombu and Celery captures: no venv with kombu and celery (set LONGTAIL_VENV, or let pip install them)" >&2
fi
