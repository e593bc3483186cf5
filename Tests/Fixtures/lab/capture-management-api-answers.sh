#!/usr/bin/env bash
# Captures real answers of the RabbitMQ management HTTP API into Tests/Fixtures/management-api/,
# one file per answer, the body exactly as curl received it (nothing reformatted), for the
# management-* parsers of Content/diagnostics/api-*.yaml. Each URL is the catalogue's own
# `http_get:` (read from the YAML file, so the fixtures follow the catalogue), with
# `&page=1&page_size=500` added for /api/connections as the client asks for it.
#
#   overview.json                  GET api-overview, from rabbit@localhost (15672)
#   nodes.json                     GET api-nodes, from rabbit@localhost, both members running
#   nodes-rabbit2.json             GET api-nodes, from rabbit2@localhost (15673), both running
#   health-ok.json                 GET api-health-alarms, no alarm (HTTP 200)
#   connections-heartbeat-zero.json  GET api-connections (page 1, 500 a page) with three pika
#                                  BlockingConnections open: two with heartbeat=0 (one named
#                                  amqp://app:s3cret@example/ in client_properties.connection_name,
#                                  so that a test can check that the password is scrubbed) and
#                                  one with pika's default heartbeat (the server's 60 s), on rabbit2
#   connections-page2.json         the same URL with page=2&page_size=1, same three connections
#   connections-blocked.json       GET api-connections during a memory alarm, after a pika client
#                                  published (blocked) beside an idle one (blocking)
#   nodes-memory-alarm.json        GET api-nodes during that alarm
#   health-alarms-failed.json      GET api-health-alarms during that alarm (HTTP 503)
#   nodes-partition-a.json, nodes-partition-b.json
#                                  NOT captured: nodes.json and nodes-rabbit2.json with `running`
#                                  set to false (jq) for the member the answering node does not
#                                  see in a partition; the cluster is not partitioned for real.
#   *.status                       the HTTP status of each answer
#
# Needs the loopback test cluster (rabbit@localhost: AMQP 5672, management 15672; rabbit2@localhost:
# AMQP 5673, management 15673; user guest), root for rabbitmqctl, jq, and the pika of
# .ci/live-python. It changes only the memory watermark of rabbit@localhost (0.0000001 during the
# alarm) and opens client connections; on exit, also on failure, the watermark is put back to the
# exact value it had and the clients this script started are stopped (by their pids).
set -euo pipefail
cd "$(dirname "$0")/../../.."
out=Tests/Fixtures/management-api
api=http://127.0.0.1:15672
api2=http://127.0.0.1:15673
python=$(bash .ci/live-python)
versions="RabbitMQ $(rabbitmqctl -q version 2>/dev/null) (Debian package $(dpkg-query -W -f '${Version}' rabbitmq-server)), Erlang $(dpkg-query -W -f '${Version}' erlang-base), pika $("$python" -c 'import pika; print(pika.__version__)'), $(curl --version | head -n 1 | cut -d' ' -f1-2)"

watermark=$(rabbitmqctl -q eval 'vm_memory_monitor:get_vm_memory_high_watermark().')
work=$(mktemp -d /tmp/rmq-doctor-management-api.XXXXXX)
clients=()
lowered=no
undo() {
  set +e
  if [ "$lowered" = yes ]; then
    rabbitmqctl -q eval "vm_memory_monitor:set_vm_memory_high_watermark($watermark)." >/dev/null 2>&1 \
      || rabbitmqctl -q set_vm_memory_high_watermark 0.4 >/dev/null 2>&1
  fi
  local pid
  for pid in "${clients[@]}"; do kill -TERM "$pid" 2>/dev/null; done
  for pid in "${clients[@]}"; do
    for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$pid" 2>/dev/null
  done
  rm -rf "$work"
  true
}
trap undo EXIT
trap 'exit 130' INT TERM

# The catalogue's URL of diagnostic ID.
target() { sed -n 's/^http_get: *//p' "Content/diagnostics/$1.yaml"; }

# get NAME BASE TARGET EXPECTED-STATUS: the answer's body into NAME.json, its status into
# NAME.status; fails unless the status is the expected one and the body is JSON.
get() {
  local name=$1 base=$2 path=$3 expected=$4 status
  status=$(curl -sS -u guest:guest -o "$out/$name.json" -w '%{http_code}' "$base$path")
  printf '%s\n' "$status" > "$out/$name.status"
  [ "$status" = "$expected" ] || { echo "$name: HTTP $status, expected $expected" >&2; exit 1; }
  jq -e . "$out/$name.json" >/dev/null || { echo "$name: not JSON" >&2; exit 1; }
  echo "captured $out/$name.json (HTTP $status, $(stat -c %s "$out/$name.json") bytes, $base$path)" >&2
}

# until_true SECONDS COMMAND...: runs COMMAND every second until it succeeds; fails after SECONDS.
until_true() {
  local seconds=$1; shift
  for _ in $(seq 1 "$seconds"); do "$@" && return 0; sleep 1; done
  echo "gave up waiting for: $*" >&2
  exit 1
}

# A pika client holding the connections of its JSON argument open ([{port, heartbeat?, name?}]),
# processing their I/O, until SIGTERM, when it closes them. With a second argument (a file
# path) its last connection publishes one message to the default exchange (routing key
# rmq-doctor-nowhere: no queue, so it is dropped) as soon as that file exists.
client_code='
import json, os, signal, sys, time, pika
specs, trigger = json.loads(sys.argv[1]), (sys.argv[2] if len(sys.argv) > 2 else None)
def stop(*_): raise SystemExit(0)
signal.signal(signal.SIGTERM, stop)
connections = []
try:
    for spec in specs:
        extra = {"heartbeat": spec["heartbeat"]} if "heartbeat" in spec else {}
        if "name" in spec: extra["client_properties"] = {"connection_name": spec["name"]}
        connections.append(pika.BlockingConnection(pika.ConnectionParameters(
            "127.0.0.1", spec["port"], credentials=pika.PlainCredentials("guest", "guest"), **extra)))
    channel = connections[-1].channel()
    print("open", flush=True)
    published = False
    while True:
        for connection in connections: connection.process_data_events(time_limit=0)
        if trigger and not published and os.path.exists(trigger):
            channel.basic_publish("", "rmq-doctor-nowhere", b"blocked?")
            published = True
            print("published", flush=True)
        time.sleep(0.5)
finally:
    for connection in connections:
        try: connection.close()
        except Exception: pass
'
# start_client NAME JSON [TRIGGER]: starts the client in the background, its output in $work/NAME.
start_client() {
  "$python" -c "$client_code" "${@:2}" > "$work/$1" 2>&1 &
  clients+=("$!")
  until_true 30 grep -q '^open' "$work/$1"
}

# Connections whose peer port is one of our clients' (pika's product name), at least N of them.
pika_count() { curl -sS -u guest:guest "$api/api/connections?columns=client_properties.product" \
  | jq '[.[] | select(.client_properties.product == "Pika Python Client Library")] | length'; }
at_least_pika() { [ "$(pika_count)" -ge "$1" ]; }
state_count() { curl -sS -u guest:guest "$api/api/connections?columns=state" | jq --arg s "$1" '[.[] | select(.state == $s)] | length'; }
at_least_state() { [ "$(state_count "$1")" -ge "$2" ]; }
mem_alarm() { curl -sS -u guest:guest "$api/api/nodes?columns=name,mem_alarm" | jq -e 'any(.[]; .mem_alarm == true)' >/dev/null; }
health_status() { curl -sS -u guest:guest -o /dev/null -w '%{http_code}' "$api$(target api-health-alarms)"; }
health_is() { [ "$(health_status)" = "$1" ]; }

mkdir -p "$out"
echo "$versions; $(date -u +%Y-%m-%dT%H:%M:%SZ)" > "$work/versions"
existing=$(curl -sS -u guest:guest "$api/api/connections?columns=name" | jq length)
[ "$existing" = 0 ] || echo "note: $existing connection(s) were already open and will be in the answers" >&2

# ---------------------------------------------------------------- the quiet cluster
health_is 200 || { echo "a resource alarm is already in effect; not capturing" >&2; exit 1; }
get overview "$api" "$(target api-overview)" 200
get nodes "$api" "$(target api-nodes)" 200
get nodes-rabbit2 "$api2" "$(target api-nodes)" 200
jq -e 'length == 2 and all(.[]; .running == true)' "$out/nodes.json" >/dev/null
jq -e 'length == 2 and all(.[]; .running == true)' "$out/nodes-rabbit2.json" >/dev/null
get health-ok "$api" "$(target api-health-alarms)" 200

# The partition views, derived (see the header).
jq -c 'map(if .name == "rabbit2@localhost" then .running = false else . end)' "$out/nodes.json" > "$out/nodes-partition-a.json"
jq -c 'map(if .name == "rabbit@localhost" then .running = false else . end)' "$out/nodes-rabbit2.json" > "$out/nodes-partition-b.json"

# ---------------------------------------------------------------- heartbeat 0 and pages
connections=$(target api-connections)
start_client heartbeat '[{"port": 5672, "heartbeat": 0, "name": "amqp://app:s3cret@example/"}, {"port": 5672, "heartbeat": 0}, {"port": 5673}]'
until_true 30 at_least_pika 3
sleep 6   # one statistics interval (5 s), so that state and the client properties are filled in
get connections-heartbeat-zero "$api" "$connections&page=1&page_size=500" 200
get connections-page2 "$api" "$connections&page=2&page_size=1" 200
jq -e '[.items[] | select(.timeout == 0)] | length >= 2' "$out/connections-heartbeat-zero.json" >/dev/null
jq -e '.page == 2 and .page_size == 1 and (.items | length) == 1' "$out/connections-page2.json" >/dev/null
kill -TERM "${clients[0]}"; wait "${clients[0]}" || true
clients=()
until_true 30 sh -c "[ \"\$(curl -sS -u guest:guest '$api/api/connections?columns=name' | jq length)\" -le $existing ]"

# ---------------------------------------------------------------- a memory alarm
start_client blocked '[{"port": 5673}, {"port": 5672, "name": "rmq-doctor-blocked-publisher"}]' "$work/publish-now"
until_true 30 at_least_pika 2
lowered=yes
rabbitmqctl set_vm_memory_high_watermark 0.0000001 >&2
until_true 30 mem_alarm
touch "$work/publish-now"
until_true 30 grep -q '^published' "$work/blocked"
until_true 30 at_least_state blocked 1
until_true 30 at_least_state blocking 1
get connections-blocked "$api" "$connections&page=1&page_size=500" 200
get nodes-memory-alarm "$api" "$(target api-nodes)" 200
get health-alarms-failed "$api" "$(target api-health-alarms)" 503
rabbitmqctl -q eval "vm_memory_monitor:set_vm_memory_high_watermark($watermark)." >&2
lowered=no
until_true 60 health_is 200
echo "watermark put back to $watermark; alarm cleared" >&2

echo "done: $(cat "$work/versions")" >&2
