#!/usr/bin/env bash
# Captures what rabbitmq-plugins and a node print when a plugin cannot be enabled, disabled or
# started, and what the MQTT and STOMP plugins log for clients they refuse, into
# Tests/Fixtures/captures/plugin-*.txt:
#   plugin-cli-errors.txt      enable of an unknown plugin, of a plugin whose dependency is not
#                              installed, disable with a read-only enabled_plugins file, a missing
#                              plugin named in that file, the node down, --offline; list -e each time
#   plugin-listener-port.txt   rabbitmq_management and rabbitmq_mqtt enabled while their ports are
#                              taken by a listener of our own; management with TLS files that do
#                              not exist; list -e each time
#   plugin-mqtt-stomp-clients.txt  paho-mqtt and a raw STOMP socket client with bad credentials, an
#                              unknown virtual host, an invalid client id and malformed frames
# Each capture file: a header line saying how, then each command as "## $ command" with its output
# (stdout and stderr) and exit status, then the bytes the node appended to its log meanwhile;
# nothing edited.
#
# Uses only the extra node rabbit13@localhost (AMQP 5703, distribution 25703, management 15703,
# MQTT 1903, STOMP 61703, all on 127.0.0.1), with its data, log, config, enabled_plugins file and
# crash dump under /tmp/plugin-failure/lab/. It never touches rabbit@localhost or rabbit2@localhost.
# Needs root and PyPI (paho-mqtt goes into a virtualenv under the lab directory). Everything it
# changes is undone on exit, also on failure: rabbit13 is stopped, the port holders it started are
# killed by pid, and /tmp/plugin-failure/lab is removed.
set -euo pipefail
cd "$(dirname "$0")/../../.."
source Tests/Fixtures/lab/capture-lib.sh   # shown, node_env, remove_lab
out=Tests/Fixtures/captures
base=/tmp/plugin-failure/lab
node=rabbit13@localhost
dist_plugins=$(ls -d /usr/lib/rabbitmq/lib/rabbitmq_server-*/plugins | head -n 1)
versions="RabbitMQ $(dpkg-query -W -f '${Version}' rabbitmq-server) (Debian package), Erlang $(dpkg-query -W -f '${Version}' erlang-base)"
client=Tests/Fixtures/lab/mqtt_stomp_client.py

holders=()
undo() {
  set +e
  for pid in "${holders[@]}"; do kill "$pid" 2>/dev/null; done
  remove_lab "$base" "$node" "$base/node/node.pid"
}
trap undo EXIT


install -d -o rabbitmq -g rabbitmq "${base%/*}" "$base"
python3 -m venv "$base/venv" >/dev/null
"$base/venv/bin/pip" install -q paho-mqtt >/dev/null
python="$base/venv/bin/python"
paho="paho-mqtt $("$python" -c 'import importlib.metadata as m; print(m.version("paho-mqtt"))')"

conf_lines=(
  "listeners.tcp.default = 127.0.0.1:5703"
  "management.tcp.port = 15703"
  "management.tcp.ip = 127.0.0.1"
  "mqtt.listeners.tcp.default = 127.0.0.1:1903"
  "stomp.listeners.tcp.1 = 127.0.0.1:61703"
)

# fresh [EXTRA CONF LINE...]: a new, empty node directory owned by rabbitmq, with the loopback
# listeners above plus the extra lines.
fresh() {
  local d=$base/node
  stop_node
  rm -rf "$d"
  install -d -o rabbitmq -g rabbitmq "$d" "$d/mnesia" "$d/log"
  printf '%s\n' "${conf_lines[@]}" "$@" > "$d/node.conf"
  printf '%s\n' "[]." > "$d/enabled_plugins"
  chown rabbitmq:rabbitmq "$d/node.conf" "$d/enabled_plugins"
  node_env "$d" "$node" 5703 25703
  unset RABBITMQ_LOGS RABBITMQ_ADVANCED_CONFIG_FILE RABBITMQ_PLUGINS_DIR
  log=$d/log/$node.log
}

stop_node() {
  if [ -f "$base/node/node.pid" ] && rabbitmq-diagnostics -n "$node" -q ping >/dev/null 2>&1; then
    timeout 60 rabbitmqctl -n "$node" -q shutdown >/dev/null 2>&1 || true
  fi
}

start_node() {
  shown timeout 60 rabbitmq-server -detached
  local i
  for i in $(seq 1 90); do
    rabbitmq-diagnostics -n "$node" -q ping >/dev/null 2>&1 && break
    sleep 1
  done
  shown timeout 120 rabbitmqctl -n "$node" await_startup --timeout 90
}

# hold PORT: a plain TCP listener on 127.0.0.1:PORT that accepts nothing, until release.
hold() {
  python3 -c 'import socket, sys, time
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", int(sys.argv[1]))); s.listen(); time.sleep(900)' "$1" &
  holders+=("$!")
  sleep 1
  echo "## a python listener (pid $!) holds 127.0.0.1:$1"
  ss -ltn "sport = :$1" | tail -n +2
}
release() {
  for pid in "${holders[@]}"; do kill "$pid" 2>/dev/null || true; done
  holders=()
  sleep 1
}

# mark: remember the log size; since: print what the node appended to its log after the mark.
mark() { logpos=$(stat -c %s "$log" 2>/dev/null || echo 0); }
since() {
  local n
  n=$(tail -c +"$((logpos + 1))" "$log" 2>/dev/null | wc -l)
  if [ "$n" -le 60 ]; then
    echo "## node log: bytes appended to $log since the previous command (from byte $logpos)"
    tail -c +"$((logpos + 1))" "$log" 2>/dev/null || true
  else
    echo "## node log: bytes appended to $log since the previous command (from byte $logpos), $n lines: the first 60, then of the rest only the lines whose message does not start with a space (the continuation lines of crash reports are left out)"
    tail -c +"$((logpos + 1))" "$log" 2>/dev/null | head -n 60 || true
    echo "## ... (continuation lines left out)"
    tail -c +"$((logpos + 1))" "$log" 2>/dev/null | tail -n +61 | grep -E '^[^ ]+ [^ ]+ \[[a-z]+\] <[0-9.]+> [^ ]' || true
  fi
}
# step COMMAND...: shown, then the node's log lines it caused.
step() { mark; shown "$@"; sleep 1; since; }

settings() {
  echo "## settings: ERL_CRASH_DUMP=$ERL_CRASH_DUMP RABBITMQ_NODENAME=$RABBITMQ_NODENAME RABBITMQ_NODE_PORT=$RABBITMQ_NODE_PORT RABBITMQ_DIST_PORT=$RABBITMQ_DIST_PORT RABBITMQ_CONFIG_FILE=$RABBITMQ_CONFIG_FILE RABBITMQ_LOG_BASE=$RABBITMQ_LOG_BASE RABBITMQ_ENABLED_PLUGINS_FILE=$RABBITMQ_ENABLED_PLUGINS_FILE${RABBITMQ_PLUGINS_DIR:+ RABBITMQ_PLUGINS_DIR=$RABBITMQ_PLUGINS_DIR}"
  echo "## $RABBITMQ_CONFIG_FILE:"
  cat "$RABBITMQ_CONFIG_FILE"
  echo "## $RABBITMQ_ENABLED_PLUGINS_FILE:"
  cat "$RABBITMQ_ENABLED_PLUGINS_FILE"
}

show_file() { echo "## $1 ($(stat -c '%U:%G %a' "$1")):"; cat "$1"; }

capture() {  # capture NAME HOW FUNCTION
  local name=$1 how=$2 run=$3
  {
    echo "# Produced by Tests/Fixtures/lab/capture-plugin-failures.sh with the extra node $node under $base ($how). $versions; $4$(date -u +%Y-%m-%dT%H:%M:%SZ). Sections: the node's settings, each command as '## \$ command' with its output (stdout and stderr) and exit status, then the bytes the node appended to its log file meanwhile (where longer than 60 lines, the first 60 and then only the lines that start a log message, as the section heading says: what is left out is the indented rest of crash reports); nothing else edited."
    "$run"
  } > "$out/$name.txt"
  echo "captured $out/$name.txt" >&2
}

# ---------------------------------------------------------------- rabbitmq-plugins errors
cli_errors() {
  fresh
  settings
  start_node
  step timeout 60 rabbitmq-plugins -n "$node" list -e
  echo "## an unknown plugin name"
  step timeout 60 rabbitmq-plugins -n "$node" enable rabbitmq_mqqt
  step timeout 120 rabbitmq-plugins -n "$node" enable rabbitmq_stomp
  step timeout 60 rabbitmq-plugins -n "$node" list -e
  show_file "$RABBITMQ_ENABLED_PLUGINS_FILE"

  echo "## the same CLI run as user rabbitmq (the Debian wrapper runs rabbitmq-plugins as the caller, here root, which left the file owned by root)"
  step timeout 120 runuser -u rabbitmq -- env HOME=/var/lib/rabbitmq /usr/lib/rabbitmq/bin/rabbitmq-plugins -n "$node" enable rabbitmq_mqtt
  step timeout 120 runuser -u rabbitmq -- env HOME=/var/lib/rabbitmq /usr/lib/rabbitmq/bin/rabbitmq-plugins -n "$node" list -e
  echo "## the enabled_plugins file given to rabbitmq, then made read-only (mode 0444)"
  chown rabbitmq:rabbitmq "$RABBITMQ_ENABLED_PLUGINS_FILE"
  chmod 0444 "$RABBITMQ_ENABLED_PLUGINS_FILE"
  show_file "$RABBITMQ_ENABLED_PLUGINS_FILE"
  step timeout 120 runuser -u rabbitmq -- env HOME=/var/lib/rabbitmq /usr/lib/rabbitmq/bin/rabbitmq-plugins -n "$node" disable rabbitmq_stomp
  step timeout 120 runuser -u rabbitmq -- env HOME=/var/lib/rabbitmq /usr/lib/rabbitmq/bin/rabbitmq-plugins -n "$node" list -e
  chmod 0644 "$RABBITMQ_ENABLED_PLUGINS_FILE"

  echo "## the enabled_plugins file missing, in a directory user rabbitmq may not write"
  local rodir=$base/node/ro
  install -d -o root -g root -m 0755 "$rodir"
  step timeout 120 runuser -u rabbitmq -- env HOME=/var/lib/rabbitmq RABBITMQ_ENABLED_PLUGINS_FILE="$rodir/enabled_plugins" /usr/lib/rabbitmq/bin/rabbitmq-plugins -n "$node" enable --offline rabbitmq_mqtt

  echo "## a plugin name added to enabled_plugins by hand that no installed plugin has"
  printf '%s\n' "[rabbitmq_stomp,rabbitmq_mqqt]." > "$RABBITMQ_ENABLED_PLUGINS_FILE"
  show_file "$RABBITMQ_ENABLED_PLUGINS_FILE"
  step timeout 60 rabbitmq-plugins -n "$node" list -e
  step timeout 60 rabbitmq-plugins -n "$node" list
  printf '%s\n' "[rabbitmq_stomp]." > "$RABBITMQ_ENABLED_PLUGINS_FILE"

  echo "## a plugin whose .app file lists an application that is not installed, in a second plugins directory"
  local p=$base/plugins/rabbitmq_capture_needs_dep-0.1.0/ebin
  install -d -o rabbitmq -g rabbitmq "$base/plugins" "${p%/ebin}" "$p"
  printf '%s\n' '{application,rabbitmq_capture_needs_dep,[{vsn,"0.1.0"},{description,"A plugin that needs an application nobody installed"},{modules,[]},{registered,[]},{applications,[kernel,stdlib,rabbit,rabbitmq_capture_absent_dep]}]}.' > "$p/rabbitmq_capture_needs_dep.app"
  show_file "$p/rabbitmq_capture_needs_dep.app"
  step env RABBITMQ_PLUGINS_DIR="$dist_plugins:$base/plugins" timeout 60 rabbitmq-plugins -n "$node" enable rabbitmq_capture_needs_dep
  step env RABBITMQ_PLUGINS_DIR="$dist_plugins:$base/plugins" timeout 60 rabbitmq-plugins -n "$node" list -e

  echo "## the node stopped: online commands, then --offline"
  mark
  shown timeout 60 rabbitmqctl -n "$node" shutdown
  since
  shown timeout 60 rabbitmq-plugins -n "$node" enable rabbitmq_mqtt
  shown timeout 60 rabbitmq-plugins -n "$node" list -e
  shown timeout 60 rabbitmq-plugins -n "$node" enable --offline rabbitmq_mqtt
  show_file "$RABBITMQ_ENABLED_PLUGINS_FILE"
  echo "## the node started again: it starts the plugins the file names"
  mark
  start_node
  step timeout 60 rabbitmq-plugins -n "$node" list -e
  echo "## disable --offline on a running node: the file changes, the plugin keeps running"
  step timeout 60 rabbitmq-plugins -n "$node" disable --offline rabbitmq_mqtt
  step timeout 60 rabbitmq-plugins -n "$node" list -e
  show_file "$RABBITMQ_ENABLED_PLUGINS_FILE"
  stop_node
}
capture plugin-cli-errors "rabbitmq-plugins enable/disable/list -e against a running node, then a stopped one; enabled_plugins made read-only with chmod 0444; a hand-edited file naming rabbitmq_mqqt; a dummy plugin directory whose .app needs an absent application, given with RABBITMQ_PLUGINS_DIR" cli_errors ""

# ---------------------------------------------------------------- listeners
listener_ports() {
  fresh
  settings
  start_node
  echo "## rabbitmq_management while 127.0.0.1:15703 (management.tcp.port) is taken"
  hold 15703
  step timeout 120 rabbitmq-plugins -n "$node" enable rabbitmq_management
  step timeout 60 rabbitmq-plugins -n "$node" list -e
  show_file "$RABBITMQ_ENABLED_PLUGINS_FILE"
  release
  echo "## rabbitmq_mqtt while 127.0.0.1:1903 (mqtt.listeners.tcp.default) is taken"
  hold 1903
  step timeout 120 rabbitmq-plugins -n "$node" enable rabbitmq_mqtt
  step timeout 60 rabbitmq-plugins -n "$node" list -e
  step timeout 60 rabbitmq-diagnostics -n "$node" listeners
  release
  echo "## the ports free again: enable the same plugins once more"
  step timeout 120 rabbitmq-plugins -n "$node" enable rabbitmq_management rabbitmq_mqtt
  step timeout 60 rabbitmq-plugins -n "$node" list -e
  step timeout 60 rabbitmq-diagnostics -n "$node" listeners
  stop_node

  echo "## rabbitmq_stomp with a TLS listener whose certificate and key files exist but hold no PEM data"
  fresh "stomp.listeners.ssl.default = 127.0.0.1:61704" \
    "ssl_options.cacertfile = $base/node/not-a-cert.pem" \
    "ssl_options.certfile = $base/node/not-a-cert.pem" \
    "ssl_options.keyfile = $base/node/not-a-cert.pem"
  sed -i 's/^stomp.listeners.tcp.1 = .*/stomp.listeners.tcp = none/' "$RABBITMQ_CONFIG_FILE"
  echo "this is not a certificate" > "$base/node/not-a-cert.pem"
  chown rabbitmq:rabbitmq "$base/node/not-a-cert.pem"
  settings
  start_node
  step timeout 120 rabbitmq-plugins -n "$node" enable rabbitmq_stomp
  step timeout 60 rabbitmq-plugins -n "$node" list -e
  step timeout 60 rabbitmq-diagnostics -n "$node" listeners
  step timeout 10 openssl s_client -connect 127.0.0.1:61704 -brief </dev/null
  sleep 2
  since
  stop_node
}
capture plugin-listener-port "rabbitmq-plugins enable rabbitmq_management, then rabbitmq_mqtt, each while a python listener holds its port; then rabbitmq_stomp with a TLS listener (stomp.listeners.ssl.default = 127.0.0.1:61704) whose ssl_options files do not exist" listener_ports ""

# ---------------------------------------------------------------- MQTT and STOMP clients
clients() {
  fresh "log.connection.level = debug"
  settings
  start_node
  step timeout 120 rabbitmq-plugins -n "$node" enable rabbitmq_mqtt rabbitmq_stomp
  local c
  for c in ok bad-credentials unknown-vhost invalid-client-id malformed-frame; do
    echo "## MQTT client: $c"
    step timeout 30 "$python" "$client" mqtt 127.0.0.1 1903 "$c"
  done
  shown timeout 60 rabbitmqctl -n "$node" add_user capture capture-pw
  shown timeout 60 rabbitmqctl -n "$node" set_permissions -p / capture "^$" "^$" "^$"
  for c in ok bad-credentials unknown-vhost no-permission unknown-command malformed-frame; do
    echo "## STOMP client: $c"
    step timeout 30 "$python" "$client" stomp 127.0.0.1 61703 "$c"
  done
  stop_node
}
capture plugin-mqtt-stomp-clients "rabbitmq_mqtt (1903) and rabbitmq_stomp (61703) enabled, log.connection.level = debug; Tests/Fixtures/lab/mqtt_stomp_client.py: paho-mqtt with MQTT 3.1.1 and a raw STOMP 1.2 socket client, each case once" clients "$paho; "
