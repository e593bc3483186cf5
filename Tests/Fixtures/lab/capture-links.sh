#!/usr/bin/env bash
# Captures what federation links and shovels log and report when they cannot connect, into
# Tests/Fixtures/captures/link-*.txt: the CLI before the plugins are enabled; dynamic shovels whose
# destination port is closed (AMQP 0-9-1 and AMQP 1.0), whose credentials are wrong, whose vhost
# does not exist, whose source exchange does not exist, whose URI asks for TLS against a plain
# port or names a CA file that does not exist; a federation upstream (applied by a policy) on a
# closed port, with wrong credentials and with a missing upstream exchange; working links; static
# shovels from advanced.config. Each capture file: a header line saying how, then each command as
# "## $ command" with its output (stdout and stderr) and exit status, then the bytes the node
# appended to its log meanwhile; nothing edited.
#
# Uses only the extra node rabbit14@localhost (AMQP 5704, distribution 25704, loopback), with its
# data, log, config and enabled_plugins file under /tmp/federation-shovel-link/lab/. Links point
# at rabbit14 itself (vhost "up" plays the upstream) or at 127.0.0.1:5799, where nothing listens.
# It never touches rabbit@localhost or rabbit2@localhost. Needs root. Everything it changes is
# undone on exit, also on failure: rabbit14 is stopped (by its pid file) and
# /tmp/federation-shovel-link/lab is removed.
set -euo pipefail
cd "$(dirname "$0")/../../.."
source Tests/Fixtures/lab/capture-lib.sh   # shown, node_env, remove_lab
out=Tests/Fixtures/captures
base=/tmp/federation-shovel-link/lab
d=$base/node
node=rabbit14@localhost
closed=5799
versions="RabbitMQ $(dpkg-query -W -f '${Version}' rabbitmq-server) (Debian package), Erlang $(dpkg-query -W -f '${Version}' erlang-base)"
python=$(bash .ci/live-python)

undo() {
  set +e
  remove_lab "$base" "$node" "$d/node.pid"
}
trap undo EXIT

export CAPTURE_TIMEOUT=90

install -d -o rabbitmq -g rabbitmq "${base%/*}" "$base" "$d" "$d/mnesia" "$d/log"
printf '%s\n' "listeners.tcp.default = 127.0.0.1:5704" "log.file.level = info" > "$d/node.conf"
printf '%s\n' "[]." > "$d/enabled_plugins"
chown rabbitmq:rabbitmq "$d/node.conf" "$d/enabled_plugins"
node_env "$d" "$node" 5704 25704
unset RABBITMQ_LOGS RABBITMQ_ADVANCED_CONFIG_FILE
log=$d/log/$node.log

ctl() { rabbitmqctl -n "$node" "$@"; }

start_node() {
  rabbitmq-server -detached
  local i
  for i in $(seq 1 90); do
    rabbitmq-diagnostics -n "$node" -q ping >/dev/null 2>&1 && break
    sleep 1
  done
  timeout 120 rabbitmqctl -n "$node" -q await_startup --timeout 90
}

# declare VHOST KIND NAME: an exchange (topic) or a durable queue, by pika on 5704.
declare_on() {
  "$python" - "$@" <<'EOF'
import sys, pika
vhost, kind, name = sys.argv[1:4]
c = pika.BlockingConnection(pika.ConnectionParameters("127.0.0.1", 5704, vhost, pika.PlainCredentials("guest", "guest")))
ch = c.channel()
if kind == "exchange":
    ch.exchange_declare(name, "topic", durable=True)
else:
    ch.queue_declare(name, durable=True)
print("declared", kind, name, "in vhost", vhost)
c.close()
EOF
}

capture() {  # capture NAME HOW FUNCTION
  local name=$1 how=$2 run=$3 offset
  offset=$(stat -c %s "$log" 2>/dev/null || echo 0)
  {
    echo "# Produced by Tests/Fixtures/lab/capture-links.sh with the extra node $node under $base ($how). $versions; $(date -u +%Y-%m-%dT%H:%M:%SZ). Sections: each command's output (stdout and stderr) and exit status in the order they ran, then the bytes the node appended to its log file meanwhile; nothing edited."
    "$run"
    echo "## node log: $log (the bytes appended during this capture)"
    tail -c +"$((offset + 1))" "$log"
  } > "$out/$name.txt"
  echo "captured $out/$name.txt ($(stat -c %s "$out/$name.txt") bytes)" >&2
}

# shovel NAME JSON / upstream NAME JSON: set, wait, show the status twice, then remove it.
shovel_case() {
  local name=$1 def=$2 wait=${3:-6}
  shown rabbitmqctl -n "$node" set_parameter shovel "$name" "$def"
  sleep 3
  shown rabbitmqctl -n "$node" shovel_status
  sleep "$wait"
  shown rabbitmqctl -n "$node" shovel_status
  shown rabbitmqctl -n "$node" clear_parameter shovel "$name"
  sleep 2
}

start_node
sleep 3   # let the boot lines reach the log file before the first capture measures it

# ---------------------------------------------------------------- plugins not enabled
plugins_off() {
  shown rabbitmq-plugins -n "$node" list -e
  shown rabbitmqctl -n "$node" shovel_status
  shown rabbitmqctl -n "$node" federation_status
  shown rabbitmqctl -n "$node" set_parameter shovel s1 '{"src-uri":"amqp://","src-queue":"src.q","dest-uri":"amqp://","dest-queue":"dst.q"}'
  shown rabbitmqctl -n "$node" set_parameter federation-upstream up1 '{"uri":"amqp://127.0.0.1:5799"}'
  shown rabbitmq-plugins -n "$node" enable rabbitmq_shovel rabbitmq_federation
  sleep 3
  shown rabbitmq-plugins -n "$node" list -e
  shown rabbitmqctl -n "$node" shovel_status
  shown rabbitmqctl -n "$node" federation_status
}
capture link-plugins-off "a fresh node without plugins: the shovel and federation commands and parameters, then rabbitmq-plugins enable rabbitmq_shovel rabbitmq_federation" plugins_off

ctl -q add_vhost up >/dev/null
ctl -q set_permissions -p up guest '.*' '.*' '.*' >/dev/null
declare_on / queue src.q >/dev/null

# ---------------------------------------------------------------- shovels
shovel_closed_port() {
  echo "## nothing listens on 127.0.0.1:$closed"
  ss -ltn "sport = :$closed" | tail -n +2
  shovel_case closed-port "{\"src-protocol\":\"amqp091\",\"src-uri\":\"amqp://\",\"src-queue\":\"src.q\",\"dest-protocol\":\"amqp091\",\"dest-uri\":\"amqp://guest:guest@127.0.0.1:$closed\",\"dest-queue\":\"dst.q\",\"reconnect-delay\":5}"
  echo "## the same with an AMQP 1.0 destination"
  shovel_case closed-port-amqp10 "{\"src-protocol\":\"amqp091\",\"src-uri\":\"amqp://\",\"src-queue\":\"src.q\",\"dest-protocol\":\"amqp10\",\"dest-uri\":\"amqp://guest:guest@127.0.0.1:$closed\",\"dest-address\":\"dst.q\",\"reconnect-delay\":5}"
  echo "## a source on a closed port"
  shovel_case closed-source "{\"src-uri\":\"amqp://guest:guest@127.0.0.1:$closed\",\"src-queue\":\"src.q\",\"dest-uri\":\"amqp://\",\"dest-queue\":\"dst.q\",\"reconnect-delay\":5}"
}
capture link-shovel-closed-port "dynamic shovels whose destination (AMQP 0-9-1, then AMQP 1.0) or source URI names 127.0.0.1:$closed, where nothing listens; reconnect-delay 5" shovel_closed_port

shovel_bad_credentials() {
  shovel_case bad-credentials '{"src-uri":"amqp://","src-queue":"src.q","dest-uri":"amqp://guest:wrong-password@127.0.0.1:5704","dest-queue":"dst.q","reconnect-delay":5}'
}
capture link-shovel-bad-credentials "a dynamic shovel whose destination URI has the wrong password for guest on this node's own port 5704" shovel_bad_credentials

shovel_vhost() {
  shovel_case missing-vhost '{"src-uri":"amqp://","src-queue":"src.q","dest-uri":"amqp://guest:guest@127.0.0.1:5704/no-such-vhost","dest-queue":"dst.q","reconnect-delay":5}'
  echo "## the default vhost / written unencoded in the URI path (amqp://host:port//)"
  shovel_case raw-slash '{"src-uri":"amqp://","src-queue":"src.q","dest-uri":"amqp://guest:guest@127.0.0.1:5704//","dest-queue":"dst.q","reconnect-delay":5}'
  echo "## the default vhost written %2F"
  shovel_case encoded-slash '{"src-uri":"amqp://","src-queue":"src.q","dest-uri":"amqp://guest:guest@127.0.0.1:5704/%2F","dest-queue":"dst.q","reconnect-delay":5}' 5
}
capture link-shovel-vhost "dynamic shovels whose destination URI names a vhost that does not exist, then / unencoded (//), then %2F" shovel_vhost

shovel_missing_source() {
  shovel_case missing-exchange '{"src-uri":"amqp://","src-exchange":"no-such-exchange","src-exchange-key":"#","dest-uri":"amqp://guest:guest@127.0.0.1:5704/up","dest-queue":"dst.q","reconnect-delay":5}'
  echo "## a source queue in the upstream vhost that the shovel declares itself (it exists afterwards)"
  shovel_case declares-queue '{"src-uri":"amqp://guest:guest@127.0.0.1:5704/up","src-queue":"made-by-shovel","dest-uri":"amqp://","dest-queue":"dst.q","reconnect-delay":5}' 5
  shown rabbitmqctl -n "$node" list_queues -p up name durable
}
capture link-shovel-missing-source "a dynamic shovel whose src-exchange does not exist, then one whose src-queue does not exist yet" shovel_missing_source

shovel_tls() {
  shovel_case tls-plain-port '{"src-uri":"amqp://","src-queue":"src.q","dest-uri":"amqps://guest:guest@127.0.0.1:5704?verify=verify_none","dest-queue":"dst.q","reconnect-delay":5}'
  echo "## a CA file that does not exist, with verify_peer"
  shovel_case tls-missing-cacert '{"src-uri":"amqp://","src-queue":"src.q","dest-uri":"amqps://guest:guest@127.0.0.1:5704?cacertfile=/tmp/federation-shovel-link/lab/no-such-ca.pem&verify=verify_peer","dest-queue":"dst.q","reconnect-delay":5}'
}
capture link-shovel-tls "dynamic shovels whose destination URI is amqps:// against the plain port 5704 (verify_none), then names a cacertfile that does not exist" shovel_tls

# ---------------------------------------------------------------- federation
federation_case() {
  local uri=$1
  shown rabbitmqctl -n "$node" set_parameter federation-upstream up1 "{\"uri\":\"$uri\",\"reconnect-delay\":5}"
  shown rabbitmqctl -n "$node" set_policy --apply-to exchanges federate-fed '^fed\.' '{"federation-upstream-set":"all"}'
  shown "$python" -c 'import pika
c = pika.BlockingConnection(pika.ConnectionParameters("127.0.0.1", 5704, "/", pika.PlainCredentials("guest", "guest")))
c.channel().exchange_declare("fed.x", "topic", durable=True); print("declared exchange fed.x in vhost /"); c.close()'
  sleep 3
  shown rabbitmqctl -n "$node" federation_status
  sleep 6
  shown rabbitmqctl -n "$node" federation_status
  shown rabbitmqctl -n "$node" clear_policy federate-fed
  shown rabbitmqctl -n "$node" clear_parameter federation-upstream up1
  ctl -q delete_exchange fed.x >/dev/null 2>&1 || true
  sleep 2
}

federation_closed_port() { federation_case "amqp://guest:guest@127.0.0.1:$closed"; }
capture link-federation-closed-port "a federation upstream on 127.0.0.1:$closed, where nothing listens, applied to exchange fed.x by a policy" federation_closed_port

federation_bad_credentials() { federation_case "amqp://guest:wrong-password@127.0.0.1:5704/up"; }
capture link-federation-bad-credentials "a federation upstream with the wrong password for guest on this node's own port 5704, vhost up, applied to exchange fed.x by a policy" federation_bad_credentials

federation_missing_exchange() { federation_case "amqp://guest:guest@127.0.0.1:5704/up"; }
capture link-federation-missing-exchange "a federation upstream in vhost up of this node, where exchange fed.x does not exist, applied to exchange fed.x by a policy" federation_missing_exchange

# ---------------------------------------------------------------- working links
running() {
  declare_on up exchange fed.x
  federation_case "amqp://guest:guest@127.0.0.1:5704/up"
  shovel_case working '{"src-uri":"amqp://","src-queue":"src.q","dest-uri":"amqp://guest:guest@127.0.0.1:5704/up","dest-queue":"dst.q"}' 3
}
capture link-running "a federation upstream to vhost up of this node, whose exchange fed.x exists, and a dynamic shovel from / to vhost up: both work" running

# ---------------------------------------------------------------- static shovels
static_shovels() {
  shown rabbitmqctl -n "$node" shutdown
  cat > "$d/advanced.config" <<EOF
[
 {rabbitmq_shovel,
  [{shovels,
    [{static_closed_port,
      [{source, [{protocol, amqp091}, {uris, ["amqp://"]},
                 {declarations, [{'queue.declare', [{queue, <<"static.src">>}, durable]}]},
                 {queue, <<"static.src">>}]},
       {destination, [{protocol, amqp091}, {uris, ["amqp://guest:guest@127.0.0.1:$closed"]}]},
       {reconnect_delay, 5}]},
     {static_missing_queue,
      [{source, [{protocol, amqp091}, {uris, ["amqp://"]}, {queue, <<"no-such-queue">>}]},
       {destination, [{protocol, amqp091}, {uris, ["amqp://"]}]},
       {reconnect_delay, 5}]}
    ]}
  ]}
].
EOF
  chown rabbitmq:rabbitmq "$d/advanced.config"
  export RABBITMQ_ADVANCED_CONFIG_FILE=$d/advanced.config
  echo "## $d/advanced.config:"
  cat "$d/advanced.config"
  echo "## rabbitmq-server -detached, then await_startup"
  start_node
  sleep 8
  shown rabbitmqctl -n "$node" shovel_status
}
capture link-static-shovels "the node restarted with two static shovels in advanced.config: one whose destination is 127.0.0.1:$closed, one whose source queue does not exist" static_shovels
