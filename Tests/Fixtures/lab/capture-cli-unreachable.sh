#!/usr/bin/env bash
# Captures what the RabbitMQ CLI tools (rabbitmqctl, rabbitmq-diagnostics, rabbitmq-plugins) print
# when they cannot reach a node, and what the node logs when it rejects a CLI, into
# Tests/Fixtures/captures/cli-*.txt. Each capture file: a header line saying how, each command as
# "## $ command" with its output (stdout and stderr) and exit status, then the bytes the node
# appended to its log meanwhile; nothing edited.
#
# Works only against its own node rabbit3@localhost (AMQP 127.0.0.1:5676, distribution port 25676,
# data, logs and configuration under /tmp/cli-node-unreachable/), never against rabbit@localhost or
# rabbit2@localhost. Needs root and nft. Everything it changes is undone on exit, also on failure:
# the node is stopped (SIGCONT first if it was paused), the nftables table it adds is deleted, and
# /tmp/cli-node-unreachable/ (node data, logs, temporary HOME directories) is removed.
set -euo pipefail
cd "$(dirname "$0")/../../.."
source Tests/Fixtures/lab/capture-lib.sh   # shown, node_env, remove_lab
out=Tests/Fixtures/captures
dir=/tmp/cli-node-unreachable
node=rabbit3@localhost
amqp=5676
dist=25676
log="$dir/log/$node.log"
table=cli_node_unreachable
versions="RabbitMQ $(rabbitmqctl -q version 2>/dev/null) (Debian package $(dpkg-query -W -f '${Version}' rabbitmq-server)), Erlang $(dpkg-query -W -f '${Version}' erlang-base), $(nft --version)"
# The CLI escript itself, for the runs that must not go through Debian's root wrapper
# (/usr/sbin/rabbitmqctl switches root to the rabbitmq user, whose HOME holds the cookie).
escripts=/usr/lib/rabbitmq/bin

node_env() {
  env RABBITMQ_NODENAME=$node RABBITMQ_NODE_PORT=$amqp RABBITMQ_DIST_PORT=$dist \
    RABBITMQ_MNESIA_BASE=$dir/mnesia RABBITMQ_LOG_BASE=$dir/log \
    RABBITMQ_CONFIG_FILE=$dir/node.conf RABBITMQ_PID_FILE=$dir/node.pid \
    RABBITMQ_ENABLED_PLUGINS_FILE=$dir/enabled_plugins "$@"
}

beam_pid() {  # the node's Erlang VM (beam.smp), from its pid file, if it runs
  local pid
  pid=$(cat "$dir/node.pid" 2>/dev/null || true)
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && echo "$pid" || true
}

undo() {
  local pid
  pid=$(beam_pid)
  [ -n "$pid" ] && kill -CONT "$pid" 2>/dev/null || true
  nft delete table inet "$table" >/dev/null 2>&1 || true
  if [ -n "$(beam_pid)" ]; then
    timeout 60 rabbitmqctl -n "$node" shutdown >/dev/null 2>&1 || true
  fi
  pid=$(beam_pid)
  [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  rm -rf "$dir"
}
trap undo EXIT

# shown (capture-lib.sh) gives every command at most 90 seconds.
CAPTURE_TIMEOUT=90

# capture NAME HOW FUNCTION: FUNCTION's output as the capture's body, then the node log bytes
# written meanwhile.
capture() {
  local name=$1 how=$2 run=$3
  local file="$out/$name.txt" start=0
  [ -f "$log" ] && start=$(stat -c %s "$log")
  {
    echo "# Produced by Tests/Fixtures/lab/capture-cli-unreachable.sh against the extra node $node (distribution port $dist, AMQP $amqp, loopback only) on host $(hostname) ($how). $versions; $(date -u +%Y-%m-%dT%H:%M:%SZ). Sections: each command's output (stdout and stderr) and exit status (each command run under timeout 90, so 124 means timeout killed it), in the order they ran, then the bytes the node appended to its log meanwhile; nothing edited."
    "$run"
    sleep 1
    echo "## node log ($log)"
    [ -f "$log" ] && tail -c +"$((start + 1))" "$log" || echo "(no log file)"
  } > "$file"
  echo "captured $file" >&2
}

# ---------------------------------------------------------------- the extra node
install -d -o rabbitmq -g rabbitmq "$dir" "$dir/mnesia" "$dir/log"
printf '%s\n' "listeners.tcp.default = 127.0.0.1:$amqp" > "$dir/node.conf"
echo "[]." > "$dir/enabled_plugins"
chown rabbitmq:rabbitmq "$dir/node.conf" "$dir/enabled_plugins"
node_env rabbitmq-server -detached
for _ in $(seq 1 60); do rabbitmq-diagnostics -n "$node" -q ping >/dev/null 2>&1 && break; sleep 1; done
rabbitmqctl -n "$node" -q await_startup --timeout 90 >/dev/null

# ---------------------------------------------------------------- wrong cookie
wrong_cookie() {
  shown rabbitmq-diagnostics -n "$node" erlang_cookie_hash
  shown rabbitmq-diagnostics -n "$node" erlang_cookie_sources
  shown rabbitmqctl -n "$node" --erlang-cookie WRONG status
  shown rabbitmq-diagnostics -n "$node" --erlang-cookie WRONG check_running
  shown rabbitmq-diagnostics -n "$node" --erlang-cookie WRONG erlang_cookie_hash
  shown rabbitmq-diagnostics -n "$node" --erlang-cookie WRONG erlang_cookie_sources
  shown rabbitmq-plugins -n "$node" --erlang-cookie WRONG list
}
capture cli-wrong-cookie "the CLI given --erlang-cookie WRONG, after the same commands with the cookie of the rabbitmq user's HOME" wrong_cookie

# ---------------------------------------------------------------- HOME without the cookie
# The CLI run as root straight from the escript directory (no Debian wrapper) with a HOME that
# holds no .erlang.cookie: Erlang creates a new random cookie there, as under sudo -E or in a
# container whose HOME differs from the server's.
home_cookie() {
  install -d -m 700 "$dir/root-home"
  shown env HOME="$dir/root-home" "$escripts/rabbitmq-diagnostics" -n "$node" erlang_cookie_sources
  shown env HOME="$dir/root-home" "$escripts/rabbitmqctl" -n "$node" status
  shown env HOME="$dir/root-home" "$escripts/rabbitmq-diagnostics" -n "$node" erlang_cookie_hash
  shown env HOME=/var/lib/rabbitmq "$escripts/rabbitmq-diagnostics" -n "$node" erlang_cookie_hash
}
capture cli-home-cookie "the CLI escripts run as root with HOME=$dir/root-home, which has no .erlang.cookie, then with HOME=/var/lib/rabbitmq" home_cookie

# ---------------------------------------------------------------- wrong node name, long names
wrong_name() {
  shown rabbitmqctl -n rabbit33@localhost status
  shown rabbitmq-diagnostics -n rabbit33@localhost check_running
  shown rabbitmqctl -n rabbit3 status
  shown rabbitmq-diagnostics -n "$node" --longnames check_running
  shown rabbitmq-diagnostics -n "$node" check_running
}
capture cli-wrong-node-name "-n rabbit33@localhost (no such node), -n rabbit3 (no host part, so the local host name is appended), and --longnames against a node that uses short names" wrong_name

# ---------------------------------------------------------------- unresolvable host
unresolvable() {
  shown rabbitmqctl -n rabbit@no-such-host.invalid status
  shown rabbitmq-diagnostics -n rabbit@no-such-host.invalid check_running
  shown rabbitmq-plugins -n rabbit@no-such-host.invalid list
  shown rabbitmq-diagnostics -n rabbit@no-such-host.invalid --longnames check_running
}
capture cli-unresolvable-host "-n rabbit@no-such-host.invalid: the .invalid top-level domain never resolves" unresolvable

# ---------------------------------------------------------------- distribution port dropped
dist_blocked() {
  nft add table inet "$table"
  nft add chain inet "$table" input '{ type filter hook input priority -10 ; policy accept ; }'
  nft add rule inet "$table" input tcp dport "$dist" drop
  shown nft list table inet "$table"
  shown rabbitmqctl -n "$node" status
  shown rabbitmq-diagnostics -n "$node" check_running
  shown rabbitmq-diagnostics -n "$node" erlang_cookie_hash
  shown rabbitmq-plugins -n "$node" list
  nft delete table inet "$table"
  echo "## nft delete table inet $table"
  shown rabbitmq-diagnostics -n "$node" check_running
}
capture cli-dist-port-blocked "an nftables rule of its own dropped every TCP packet to the node's distribution port $dist; epmd on 4369 kept answering; the rule was deleted before the last command" dist_blocked

# ---------------------------------------------------------------- epmd port dropped, for one user only
# Port 4369 is shared by every node on the host, so the rule drops only packets sent by processes of
# the user nobody, and the CLI runs as nobody; every other user's tools keep reaching epmd. The CLI
# registers its own short-lived node with the local epmd before it contacts the target, so this shows
# what a CLI prints when the epmd of its own host does not answer.
epmd_blocked() {
  install -d -o nobody -m 700 "$dir/nobody-home"
  nft add table inet "$table"
  nft add chain inet "$table" output '{ type filter hook output priority -10 ; policy accept ; }'
  nft add rule inet "$table" output meta skuid nobody tcp dport 4369 drop
  shown nft list table inet "$table"
  shown setpriv --reuid=nobody --regid=nogroup --clear-groups env HOME="$dir/nobody-home" "$escripts/rabbitmq-diagnostics" -n "$node" check_running
  nft delete table inet "$table"
  echo "## nft delete table inet $table"
}
capture cli-epmd-blocked "an nftables rule of its own dropped TCP packets to epmd's port 4369 sent by the user nobody, and the CLI escripts ran as nobody with HOME=$dir/nobody-home; the rule was deleted afterwards" epmd_blocked

# ---------------------------------------------------------------- node paused (port open, silent)
paused() {
  local pid
  pid=$(beam_pid)
  echo "## kill -STOP <beam.smp of $node>"
  kill -STOP "$pid"
  shown rabbitmq-diagnostics -n "$node" check_running
  echo "## kill -CONT <beam.smp of $node>"
  kill -CONT "$pid"
  shown rabbitmq-diagnostics -n "$node" check_running
}
capture cli-node-paused "the node's beam.smp stopped with SIGSTOP, so epmd still lists it and its distribution port accepts connections but nothing answers; SIGCONT afterwards" paused

# ---------------------------------------------------------------- node stopped
stopped() {
  shown rabbitmqctl -n "$node" shutdown
  shown rabbitmqctl -n "$node" status
  shown rabbitmq-diagnostics -n "$node" check_running
  shown rabbitmq-diagnostics -n "$node" erlang_cookie_hash
  shown rabbitmq-diagnostics -n "$node" erlang_cookie_sources
  shown rabbitmq-plugins -n "$node" list
  shown rabbitmq-queues -n "$node" check_if_node_is_quorum_critical
}
capture cli-node-stopped "rabbitmqctl shutdown, then the CLI against the stopped node" stopped
