#!/usr/bin/env bash
# Captures what a RabbitMQ node prints when it will not boot, into
# Tests/Fixtures/captures/startup-*.txt: a port already in use (AMQP and distribution), a node of
# the same name already running, an Erlang cookie file the node may not use, a rabbitmq.conf or
# advanced.config that does not parse or validate, and plugins that do not exist or fail to
# start. Each capture file: a header line saying how, then each command as "## $ command" with
# its output (stdout and stderr) and exit status, then the files the node wrote to its own log
# directory; nothing edited.
#
# Uses only the extra node rabbit4@localhost (AMQP 5677-5679, distribution 25677-25679, loopback),
# with its data, log and config under /tmp/node-startup-failure/lab/. It never touches rabbit@localhost
# or rabbit2@localhost. Needs root. Everything it changes is undone on exit, also on failure:
# rabbit4 is stopped (by its pid file), the listeners it started are killed by pid, and
# /tmp/node-startup-failure/lab is removed. ERL_CRASH_DUMP points into that directory: without it a
# node that fails in prelaunch writes erl_crash.dump into its working directory (/var/lib/rabbitmq
# through the Debian wrapper).
set -euo pipefail
cd "$(dirname "$0")/../../.."
source Tests/Fixtures/lab/capture-lib.sh   # shown, node_env, remove_lab
out=Tests/Fixtures/captures
base=/tmp/node-startup-failure/lab
node=rabbit4@localhost
versions="RabbitMQ $(dpkg-query -W -f '${Version}' rabbitmq-server) (Debian package), Erlang $(dpkg-query -W -f '${Version}' erlang-base)"
python=python3

listeners=()
undo() {
  set +e
  for pid in "${listeners[@]}"; do kill "$pid" 2>/dev/null; done
  remove_lab "$base" "$node" "$base/node/node.pid"
}
trap undo EXIT

# fresh: a new, empty node directory (data, log, config, enabled plugins) owned by rabbitmq.
fresh() {
  local d=$base/node
  if [ -f "$d/node.pid" ]; then
    timeout 60 rabbitmqctl -n "$node" -q shutdown >/dev/null 2>&1 || true
  fi
  rm -rf "$d"
  install -d -o rabbitmq -g rabbitmq "${base%/*}" "$base" "$d" "$d/mnesia" "$d/log"
  printf '%s\n' "listeners.tcp.default = 127.0.0.1:5677" > "$d/node.conf"
  printf '%s\n' "[]." > "$d/enabled_plugins"
  chown rabbitmq:rabbitmq "$d/node.conf" "$d/enabled_plugins"
  node_env "$d" "$node" 5677 25677
  unset RABBITMQ_LOGS RABBITMQ_ADVANCED_CONFIG_FILE
}

# listen PORT: a plain TCP listener on 127.0.0.1:PORT that accepts nothing, until undo kills it.
listen() {
  "$python" -c 'import socket, sys, time
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", int(sys.argv[1]))); s.listen(); time.sleep(900)' "$1" &
  listeners+=("$!")
  sleep 1
  echo "## a python listener (pid $!) holds 127.0.0.1:$1"
  ss -ltn "sport = :$1" | tail -n +2
}

stop_listeners() {
  for pid in "${listeners[@]}"; do kill "$pid" 2>/dev/null || true; done
  listeners=()
}


# logs [DIR]: every file the node wrote to its log directory, whole; of an Erlang crash dump
# only its first three lines (the slogan says why the VM stopped; the rest is megabytes of state).
logs() {
  local f dir=${1:-$base/node/log}
  for f in "$dir"/*; do
    [ -f "$f" ] || continue
    if [ "${f##*/}" = erl_crash.dump ]; then
      echo "## node log directory: $f (first 3 lines of $(stat -c %s "$f") bytes)"
      head -n 3 "$f"
      continue
    fi
    echo "## node log: $f"
    cat "$f"
  done
}

# wait_up: until the node answers ping (at most 90 s), then await_startup.
wait_up() {
  local i
  for i in $(seq 1 90); do
    rabbitmq-diagnostics -n "$node" -q ping >/dev/null 2>&1 && break
    sleep 1
  done
  shown timeout 120 rabbitmqctl -n "$node" await_startup --timeout 90
}

settings() {
  echo "## settings: ERL_CRASH_DUMP=$ERL_CRASH_DUMP RABBITMQ_NODENAME=$RABBITMQ_NODENAME RABBITMQ_NODE_PORT=$RABBITMQ_NODE_PORT RABBITMQ_DIST_PORT=$RABBITMQ_DIST_PORT RABBITMQ_CONFIG_FILE=$RABBITMQ_CONFIG_FILE RABBITMQ_LOG_BASE=$RABBITMQ_LOG_BASE ${RABBITMQ_LOGS:+RABBITMQ_LOGS=$RABBITMQ_LOGS }${RABBITMQ_ADVANCED_CONFIG_FILE:+RABBITMQ_ADVANCED_CONFIG_FILE=$RABBITMQ_ADVANCED_CONFIG_FILE}"
  echo "## $RABBITMQ_CONFIG_FILE:"
  cat "$RABBITMQ_CONFIG_FILE"
  echo "## $RABBITMQ_ENABLED_PLUGINS_FILE:"
  cat "$RABBITMQ_ENABLED_PLUGINS_FILE"
  if [ -n "${RABBITMQ_ADVANCED_CONFIG_FILE:-}" ]; then
    echo "## $RABBITMQ_ADVANCED_CONFIG_FILE:"
    cat "$RABBITMQ_ADVANCED_CONFIG_FILE"
  fi
}

capture() {  # capture NAME HOW FUNCTION
  local name=$1 how=$2 run=$3
  {
    echo "# Produced by Tests/Fixtures/lab/capture-startup-failures.sh with the extra node $node under $base ($how). $versions; $(date -u +%Y-%m-%dT%H:%M:%SZ). Sections: the node's settings, each command's output (stdout and stderr) and exit status in the order they ran, then the files in the node's log directory; nothing edited."
    "$run"
  } > "$out/$name.txt"
  echo "captured $out/$name.txt" >&2
}

# ---------------------------------------------------------------- port in use
amqp_port_in_use() {
  fresh
  printf '%s\n' "listeners.tcp.default = 127.0.0.1:5678" > "$RABBITMQ_CONFIG_FILE"
  settings
  listen 5678
  shown timeout 120 rabbitmq-server
  logs
  stop_listeners
}
capture startup-port-amqp "AMQP listener set to 127.0.0.1:5678 while a python listener holds that port; rabbitmq-server in the foreground" amqp_port_in_use

dist_port_in_use() {
  fresh
  export RABBITMQ_DIST_PORT=25678
  settings
  listen 25678
  shown timeout 120 rabbitmq-server
  logs
  echo "## the same with -detached, then the CLI"
  fresh
  export RABBITMQ_DIST_PORT=25678
  shown timeout 120 rabbitmq-server -detached
  sleep 15
  shown timeout 60 rabbitmqctl -n "$node" await_startup --timeout 20
  shown timeout 60 rabbitmq-diagnostics -n "$node" check_running
  logs
  stop_listeners
}
capture startup-port-dist "distribution port set to 25678 (RABBITMQ_DIST_PORT) while a python listener holds it; rabbitmq-server in the foreground, then -detached" dist_port_in_use

# ---------------------------------------------------------------- same name running
same_name() {
  fresh
  settings
  shown timeout 120 rabbitmq-server -detached
  wait_up
  echo "## a second node with the same name, its own data and log directories, AMQP port 5678 and distribution port 25678"
  install -d -o rabbitmq -g rabbitmq "$base/second" "$base/second/mnesia" "$base/second/log"
  printf '%s\n' "listeners.tcp.default = 127.0.0.1:5678" > "$base/second/node.conf"
  shown env RABBITMQ_NODE_PORT=5678 RABBITMQ_DIST_PORT=25678 RABBITMQ_MNESIA_BASE="$base/second/mnesia" \
    RABBITMQ_LOG_BASE="$base/second/log" RABBITMQ_CONFIG_FILE="$base/second/node.conf" \
    RABBITMQ_PID_FILE="$base/second/node.pid" timeout 120 rabbitmq-server
  logs "$base/second/log"
  echo "## the same node started again with the first one's own settings (same distribution port 25677, same data directory)"
  shown timeout 120 rabbitmq-server
  shown timeout 60 rabbitmqctl -n "$node" shutdown
  logs
}
capture startup-same-name "rabbit4 started with -detached, then started again in the foreground under the same name" same_name

# ---------------------------------------------------------------- cookie file
cookie_file() {
  local home=$base/home
  fresh
  settings
  install -d -o rabbitmq -g rabbitmq "$home"
  echo "ABCDEFGHIJKLMNOPQRST" > "$home/.erlang.cookie"
  chown rabbitmq:rabbitmq "$home/.erlang.cookie"
  chmod 0644 "$home/.erlang.cookie"
  echo "## the cookie file: owned by rabbitmq, mode 0644"
  ls -l "$home/.erlang.cookie"
  shown timeout 120 runuser -u rabbitmq -- env HOME="$home" /usr/lib/rabbitmq/bin/rabbitmq-server
  logs
  fresh
  chown root:root "$home/.erlang.cookie"
  chmod 0600 "$home/.erlang.cookie"
  echo "## the cookie file: owned by root, mode 0600"
  ls -l "$home/.erlang.cookie"
  shown timeout 120 runuser -u rabbitmq -- env HOME="$home" /usr/lib/rabbitmq/bin/rabbitmq-server
  logs
  echo "## the CLI with the same HOME (root-owned 0600 cookie), as user rabbitmq"
  shown timeout 60 runuser -u rabbitmq -- env HOME="$home" /usr/lib/rabbitmq/bin/rabbitmqctl -n "$node" status
  chown rabbitmq:rabbitmq "$home/.erlang.cookie"
  chmod 0644 "$home/.erlang.cookie"
  echo "## the CLI with the same HOME (rabbitmq-owned 0644 cookie), as user rabbitmq"
  shown timeout 60 runuser -u rabbitmq -- env HOME="$home" /usr/lib/rabbitmq/bin/rabbitmqctl -n "$node" status
}
capture startup-cookie-file "HOME of its own whose .erlang.cookie is mode 0644, then owned by root with mode 0600; the node runs as user rabbitmq through runuser" cookie_file

# ---------------------------------------------------------------- bad configuration
bad_config() {
  fresh
  printf '%s\n' "listeners.tcp.default = 127.0.0.1:5677" "vm_memory_high_watermark.relative = lots" > "$RABBITMQ_CONFIG_FILE"
  settings
  shown timeout 120 rabbitmq-server
  logs
  fresh
  printf '%s\n' "listeners.tcp.default = 127.0.0.1:5677" "heartbeat_timeout = 30" > "$RABBITMQ_CONFIG_FILE"
  echo "## an unknown key"
  settings
  shown timeout 120 rabbitmq-server
  logs
  fresh
  printf '%s\n' "listeners.tcp.default = 127.0.0.1:5677" "log.console true" > "$RABBITMQ_CONFIG_FILE"
  echo "## a line without ="
  settings
  shown timeout 120 rabbitmq-server
  logs
}
capture startup-bad-conf "rabbitmq.conf with an invalid value, an unknown key, then a line without =" bad_config

bad_advanced() {
  fresh
  export RABBITMQ_ADVANCED_CONFIG_FILE=$base/node/advanced.config
  printf '%s\n' "[" "  {rabbit, [" "    {consumer_timeout, 3600000}" "  ]}" "]" > "$RABBITMQ_ADVANCED_CONFIG_FILE"
  chown rabbitmq:rabbitmq "$RABBITMQ_ADVANCED_CONFIG_FILE"
  echo "## advanced.config without its final full stop"
  settings
  shown timeout 120 rabbitmq-server
  logs
  fresh
  export RABBITMQ_ADVANCED_CONFIG_FILE=$base/node/advanced.config
  printf '%s\n' "[" "  {rabbit, [" "    {consumer_timeout, 3600000}," "  ]}" "]." > "$RABBITMQ_ADVANCED_CONFIG_FILE"
  chown rabbitmq:rabbitmq "$RABBITMQ_ADVANCED_CONFIG_FILE"
  echo "## advanced.config with a trailing comma"
  settings
  shown timeout 120 rabbitmq-server
  logs
}
capture startup-bad-advanced "advanced.config without its final full stop, then with a trailing comma in a list" bad_advanced

# ---------------------------------------------------------------- plugins
plugins() {
  fresh
  printf '%s\n' "[rabbitmq_managment]." > "$RABBITMQ_ENABLED_PLUGINS_FILE"
  echo "## a misspelt plugin in enabled_plugins"
  settings
  shown timeout 120 rabbitmq-server -detached
  wait_up
  shown timeout 60 rabbitmq-plugins -n "$node" list -e
  shown timeout 60 rabbitmq-plugins -n "$node" enable rabbitmq_managment
  shown timeout 60 rabbitmqctl -n "$node" shutdown
  logs
  fresh
  printf '%s\n' "[rabbitmq_management]." > "$RABBITMQ_ENABLED_PLUGINS_FILE"
  printf '%s\n' "listeners.tcp.default = 127.0.0.1:5677" "management.tcp.port = 5679" "management.tcp.ip = 127.0.0.1" > "$RABBITMQ_CONFIG_FILE"
  echo "## rabbitmq_management with its HTTP listener on a port already in use; console logging (RABBITMQ_LOGS=-)"
  export RABBITMQ_LOGS=-
  settings
  listen 5679
  shown timeout 180 rabbitmq-server
  logs
  stop_listeners
}
capture startup-plugin "enabled_plugins naming a plugin that does not exist (node started -detached, then the CLI), then rabbitmq_management whose HTTP port is held by a python listener, logged to stdout with RABBITMQ_LOGS=-" plugins
