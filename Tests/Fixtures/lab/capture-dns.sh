#!/usr/bin/env bash
# Captures what clients, CLI tools and a RabbitMQ node print when a host name does not resolve,
# into Tests/Fixtures/captures/dns-*.txt:
#   dns-client.txt         getent, Python's socket.getaddrinfo and pika (BlockingConnection) for a
#                          name that does not exist (no-such-host.invalid: .invalid never resolves),
#                          then the same inside a private network namespace (unshare -n, loopback
#                          only) where the configured nameserver cannot be reached, which makes
#                          the resolver fail temporarily (EAI_AGAIN, Errno -3). No file is edited.
#   dns-node.txt           rabbitmq-diagnostics resolve_hostname / resolver_info on a node of our
#                          own, then join_cluster towards peers whose host does not resolve.
#   dns-peer-discovery.txt a blank node whose classic_config peer list names a host that does not
#                          resolve.
#   dns-node-name.txt      a node whose own host part does not resolve (long name, then short name),
#                          started in the foreground.
# Each capture file: a header line saying how, then each command as "## $ command" with its output
# (stdout and stderr) and exit status, then the node's log files; nothing edited (of an Erlang crash
# dump only its first three lines are kept).
#
# Uses only the extra node rabbit16@localhost (AMQP 5706, distribution 25706, loopback only), with
# its data, log, config and crash dump under /tmp/dns-resolution/lab/. It never touches
# rabbit@localhost or rabbit2@localhost. Needs root (the RabbitMQ CLI wrapper, unshare). Everything
# it changes is undone on exit, also on failure: the node is stopped (rabbitmqctl shutdown, then its
# pid file), processes started with our data directory are killed by pid, and /tmp/dns-resolution/lab
# is removed.
set -euo pipefail
cd "$(dirname "$0")/../../.."
source Tests/Fixtures/lab/capture-lib.sh   # shown, node_env, remove_lab
out=Tests/Fixtures/captures
base=/tmp/dns-resolution/lab
node=rabbit16@localhost
python=$(bash .ci/live-python)
pika_version=$("$python" -c 'import pika; print(pika.__version__)')
versions="RabbitMQ $(dpkg-query -W -f '${Version}' rabbitmq-server) (Debian package), Erlang $(dpkg-query -W -f '${Version}' erlang-base), $("$python" -V 2>&1), pika $pika_version, glibc $(dpkg-query -W -f '${Version}' libc6)"

undo() {
  set +e
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
  printf '%s\n' "listeners.tcp.default = 127.0.0.1:5706" > "$d/node.conf"
  printf '%s\n' "[]." > "$d/enabled_plugins"
  chown rabbitmq:rabbitmq "$d/node.conf" "$d/enabled_plugins"
  node_env "$d" "$node" 5706 25706
  unset RABBITMQ_LOGS RABBITMQ_ADVANCED_CONFIG_FILE RABBITMQ_USE_LONGNAME
}


# logs: every file the node wrote to its log directory, whole; of an Erlang crash dump only its
# first three lines (the slogan says why the VM stopped; the rest is megabytes of state).
logs() {
  local f dir=$base/node/log
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

settings() {
  echo "## settings: RABBITMQ_NODENAME=$RABBITMQ_NODENAME ${RABBITMQ_USE_LONGNAME:+RABBITMQ_USE_LONGNAME=$RABBITMQ_USE_LONGNAME }RABBITMQ_NODE_PORT=$RABBITMQ_NODE_PORT RABBITMQ_DIST_PORT=$RABBITMQ_DIST_PORT RABBITMQ_CONFIG_FILE=$RABBITMQ_CONFIG_FILE RABBITMQ_LOG_BASE=$RABBITMQ_LOG_BASE ERL_CRASH_DUMP=$ERL_CRASH_DUMP"
  echo "## $RABBITMQ_CONFIG_FILE:"
  cat "$RABBITMQ_CONFIG_FILE"
}

start_node() {
  shown timeout 120 rabbitmq-server -detached
  local i
  for i in $(seq 1 90); do
    rabbitmq-diagnostics -n "$node" -q ping >/dev/null 2>&1 && break
    sleep 1
  done
  shown timeout 300 rabbitmqctl -n "$node" await_startup --timeout 280
}

capture() {  # capture NAME HOW FUNCTION
  local name=$1 how=$2 run=$3
  {
    echo "# Produced by Tests/Fixtures/lab/capture-dns.sh ($how). $versions; host $(hostname), /etc/resolv.conf nameserver $(awk '/^nameserver/ {print $2; exit}' /etc/resolv.conf); $(date -u +%Y-%m-%dT%H:%M:%SZ). Sections: each command's output (stdout and stderr) and exit status in the order they ran, then the files in the node's log directory where a node ran; nothing edited."
    "$run"
  } > "$out/$name.txt"
  echo "captured $out/$name.txt" >&2
}

# ---------------------------------------------------------------- clients
gai='import socket, sys
print(socket.getaddrinfo(sys.argv[1], 5706, proto=socket.IPPROTO_TCP))'
pika_connect='import logging, sys, pika
logging.basicConfig(level=logging.ERROR, format="%(levelname)s:%(name)s:%(message)s")
try:
    pika.BlockingConnection(pika.ConnectionParameters(host=sys.argv[1], port=5706, connection_attempts=1))
except Exception as e:
    print("raised:", type(e).__module__ + "." + type(e).__qualname__, "repr:", repr(e), "__cause__:", repr(e.__cause__), flush=True)
    raise'

clients() {
  echo "## a name that does not exist: the resolver answers, with NXDOMAIN (glibc EAI_NONAME)"
  shown getent hosts no-such-host.invalid
  shown "$python" -c "$gai" no-such-host.invalid
  shown "$python" -c "$pika_connect" no-such-host.invalid
  echo "## the same client, host name given as an AMQP URI"
  shown "$python" -c 'import sys, pika
pika.BlockingConnection(pika.URLParameters(sys.argv[1]))' "amqp://guest:guest@no-such-host.invalid:5706/%2F"
  echo "## a private network namespace (unshare -n, loopback brought up, no route to the nameserver): the resolver cannot be asked (glibc EAI_AGAIN); rabbitmq.example.com is any name not in /etc/hosts"
  shown unshare -n sh -c 'ip link set lo up && exec "$@"' sh getent hosts rabbitmq.example.com
  shown unshare -n sh -c 'ip link set lo up && exec "$@"' sh "$python" -c "$gai" rabbitmq.example.com
  shown unshare -n sh -c 'ip link set lo up && exec "$@"' sh "$python" -c "$pika_connect" rabbitmq.example.com
  echo "## in the same namespace a name from /etc/hosts still resolves (files come before dns in nsswitch.conf)"
  shown unshare -n sh -c 'ip link set lo up && exec "$@"' sh "$python" -c "$gai" localhost
  shown grep -E '^hosts:' /etc/nsswitch.conf
}
capture dns-client "getent, socket.getaddrinfo and pika against no-such-host.invalid, then in a private network namespace made with unshare -n where the nameserver is unreachable; no node involved" clients

# ---------------------------------------------------------------- resolve_hostname, join_cluster
node_checks() {
  fresh
  settings
  start_node
  shown timeout 60 rabbitmq-diagnostics -n "$node" resolve_hostname no-such-host.invalid
  shown timeout 60 rabbitmq-diagnostics -n "$node" resolve_hostname localhost
  shown timeout 60 rabbitmq-diagnostics -n "$node" resolve_hostname localhost --address-family ipv6
  shown timeout 60 rabbitmq-diagnostics resolve_hostname no-such-host.invalid --offline
  shown timeout 60 rabbitmq-diagnostics -n "$node" resolver_info
  shown timeout 60 rabbitmqctl -n "$node" stop_app
  echo "## join_cluster towards a short node name whose host does not resolve"
  shown timeout 180 rabbitmqctl -n "$node" join_cluster rabbit@no-such-host
  echo "## join_cluster towards a host name with dots, from a node that uses short names"
  shown timeout 180 rabbitmqctl -n "$node" join_cluster rabbit@no-such-host.invalid
  shown timeout 60 rabbitmqctl -n "$node" start_app
  shown timeout 60 rabbitmqctl -n "$node" cluster_status
  shown timeout 60 rabbitmqctl -n "$node" shutdown
  logs
}
capture dns-node "the extra node $node under $base: resolve_hostname and resolver_info, then stop_app and join_cluster towards rabbit@no-such-host and rabbit@no-such-host.invalid" node_checks

# ---------------------------------------------------------------- peer discovery
peer_discovery() {
  fresh
  printf '%s\n' "listeners.tcp.default = 127.0.0.1:5706" \
    "cluster_formation.peer_discovery_backend = classic_config" \
    "cluster_formation.classic_config.nodes.1 = rabbit@no-such-host" > "$RABBITMQ_CONFIG_FILE"
  settings
  start_node
  shown timeout 60 rabbitmqctl -n "$node" cluster_status
  shown timeout 60 rabbitmqctl -n "$node" shutdown
  logs
}
capture dns-peer-discovery "the extra node $node under $base, blank, with classic_config peer discovery listing rabbit@no-such-host" peer_discovery

# ---------------------------------------------------------------- the node's own host part
own_name() {
  fresh
  export RABBITMQ_NODENAME=rabbit16@no-such-host.invalid RABBITMQ_USE_LONGNAME=true
  echo "## the node's own name has a host part that does not resolve (long names)"
  settings
  shown timeout 150 rabbitmq-server
  logs
  fresh
  export RABBITMQ_NODENAME=rabbit16@no-such-host
  echo "## the same with a short name (no RABBITMQ_USE_LONGNAME)"
  settings
  shown timeout 150 rabbitmq-server
  logs
}
capture dns-node-name "the extra node's data directories under $base, started in the foreground as rabbit16@no-such-host.invalid with RABBITMQ_USE_LONGNAME=true, then as rabbit16@no-such-host; ports 5706/25706" own_name
