#!/usr/bin/env bash
# Captures what RabbitMQ nodes log and what the CLI prints when a node cannot form or join a
# cluster, and when feature flags differ between nodes, into
# Tests/Fixtures/captures/longtail-cluster-*.txt:
#
#   longtail-cluster-wrong-cookie.txt   lt3b, started with another Erlang cookie
#                                       (RABBITMQ_ERLANG_COOKIE), asked to join lt3a.
#   longtail-cluster-inconsistent.txt   lt3b joined lt3a, was stopped, and lt3a forgot it
#                                       (forget_cluster_node); lt3b is then started again.
#   longtail-cluster-reset-member.txt   lt3b joined lt3a, was stopped, and its data directory was
#                                       wiped (a disk or volume lost); it starts blank and is
#                                       asked to join lt3a again, which still lists it.
#   longtail-cluster-peer-down.txt      lt3a and lt3b clustered, both stopped (lt3b last), lt3a
#                                       started alone: it waits for Mnesia tables (2 tries of
#                                       5000 ms here) and fails; then forget_cluster_node --offline.
#   longtail-cluster-discovery.txt      a blank lt3c whose classic_config list names a node that
#                                       does not exist, then the same node with the Kubernetes,
#                                       Consul and etcd backends pointed at a closed port.
#   longtail-cluster-feature-flags.txt  lt3e first booted with RABBITMQ_FEATURE_FLAGS naming two
#                                       flags, lt3f with the default (all stable flags); lt3f
#                                       joins lt3e; list_feature_flags; enable_feature_flag all.
#
# Each capture file: a header line saying how, each command as "## $ command" with its output
# (stdout and stderr) and exit status, then every log file the nodes of that scenario wrote;
# nothing edited. Waits and retries are shortened in the nodes' configuration (each file's
# settings section shows it), so the failures come in seconds, not in the default 5 minutes.
#
# Arguments: the scenarios to run (cookie, inconsistent, wiped, peerdown, discovery, flags); with
# none, all of them.
#
# Uses only its own nodes lt3a..lt3f@localhost (AMQP 127.0.0.1:5731-5736, distribution
# 25731-25736), with data, logs and configuration under /tmp/lt3-cluster; never touches
# rabbit@localhost or rabbit2@localhost. Needs root and Debian's rabbitmq-server. Everything it
# changes is undone on exit, also on failure: every node it started is stopped (rabbitmqctl
# shutdown, then its pid) and /tmp/lt3-cluster is removed.
set -euo pipefail
cd "$(dirname "$0")/../../.."
source Tests/Fixtures/lab/capture-lib.sh   # shown, node_env, remove_lab
out=Tests/Fixtures/captures
base=/tmp/lt3-cluster
versions="RabbitMQ $(rabbitmqctl -q version 2>/dev/null) (Debian package $(dpkg-query -W -f '${Version}' rabbitmq-server)), Erlang $(dpkg-query -W -f '${Version}' erlang-base)"
other_cookie=LT3OTHERCOOKIEXYZ

# name letter -> node, ports
node_of() { echo "lt3$1@localhost"; }
amqp_of() { case $1 in a) echo 5731;; b) echo 5732;; c) echo 5733;; d) echo 5734;; e) echo 5735;; f) echo 5736;; esac; }
dist_of() { echo $(( $(amqp_of "$1") + 20000 )); }

stop_all() {
  local l d pid
  for l in a b c d e f; do
    for d in "$base"/*/"$l"; do
      [ -f "$d/node.pid" ] || continue
      timeout 60 rabbitmqctl -q -n "$(node_of "$l")" shutdown >/dev/null 2>&1 \
        || timeout 60 rabbitmqctl -q -n "$(node_of "$l")" --erlang-cookie "$other_cookie" shutdown >/dev/null 2>&1 || true
      pid=$(cat "$d/node.pid" 2>/dev/null || true)
      [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
    done
  done
  sleep 1
}
undo() {
  set +e
  stop_all
  rm -rf "$base"
}
trap undo EXIT

CAPTURE_TIMEOUT=150

# prepare SCENARIO LETTER [CONF-LINE...]: a fresh directory for the node, its rabbitmq.conf (the
# AMQP listener on loopback plus the lines given) and an empty enabled_plugins.
prepare() {
  local sc=$1 l=$2; shift 2
  local d=$base/$sc/$l
  rm -rf "$d"
  install -d -o rabbitmq -g rabbitmq "$base" "$base/$sc" "$d" "$d/mnesia" "$d/log"
  printf '%s\n' "listeners.tcp.default = 127.0.0.1:$(amqp_of "$l")" "$@" > "$d/node.conf"
  echo '[].' > "$d/enabled_plugins"
  chown rabbitmq:rabbitmq "$d/node.conf" "$d/enabled_plugins"
}

# nenv SCENARIO LETTER: the environment (NAME=VALUE words for env(1)) that gives rabbitmq-server
# and the CLI that node's name, ports, directories and files, as node_env exports them.
nenv() {
  local d=$base/$1/$2
  echo "RABBITMQ_NODENAME=$(node_of "$2") RABBITMQ_NODE_PORT=$(amqp_of "$2") RABBITMQ_DIST_PORT=$(dist_of "$2")" \
    "RABBITMQ_MNESIA_BASE=$d/mnesia RABBITMQ_LOG_BASE=$d/log RABBITMQ_CONFIG_FILE=$d/node.conf" \
    "RABBITMQ_PID_FILE=$d/node.pid RABBITMQ_ENABLED_PLUGINS_FILE=$d/enabled_plugins ERL_CRASH_DUMP=$d/log/erl_crash.dump"
}

# start SCENARIO LETTER [ENV=VALUE...]: starts the node detached and waits for its boot.
start() {
  local sc=$1 l=$2; shift 2
  local n _
  n=$(node_of "$l")
  # shellcheck disable=SC2046
  env $(nenv "$sc" "$l") "$@" rabbitmq-server -detached
  for _ in $(seq 1 60); do rabbitmq-diagnostics -q -n "$n" ping >/dev/null 2>&1 && break
    rabbitmq-diagnostics -q -n "$n" --erlang-cookie "$other_cookie" ping >/dev/null 2>&1 && break; sleep 1; done
  rabbitmqctl -q -n "$n" await_startup --timeout 120 >/dev/null 2>&1 \
    || rabbitmqctl -q -n "$n" --erlang-cookie "$other_cookie" await_startup --timeout 120 >/dev/null 2>&1 || true
}

# registered NODE: waits (up to 60 s) until a node started with -detached answers ping, so that
# the next command does not run before its Erlang VM has registered with epmd, and says so.
registered() {
  local i
  for i in $(seq 1 60); do
    if rabbitmq-diagnostics -q -n "$1" ping >/dev/null 2>&1; then
      echo "## (waited ${i} s until $1 answered rabbitmq-diagnostics ping)"
      return 0
    fi
    sleep 1
  done
  echo "## ($1 did not answer rabbitmq-diagnostics ping within 60 s)"
}

settings() {  # settings SCENARIO LETTER...: each node's rabbitmq.conf
  local sc=$1 l; shift
  for l in "$@"; do
    echo "## settings of $(node_of "$l"): AMQP $(amqp_of "$l"), distribution $(dist_of "$l"), $base/$sc/$l/node.conf:"
    cat "$base/$sc/$l/node.conf"
  done
}

logs() {  # logs SCENARIO: every log file of the scenario's nodes, whole
  local f
  for f in "$base/$1"/*/log/*; do
    [ -f "$f" ] || continue
    case $f in *erl_crash.dump) echo "## node log directory: $f (first 3 lines)"; head -n 3 "$f"; continue;; esac
    echo "## node log: $f"
    cat "$f"
  done
}

# capture NAME HOW SCENARIO FUNCTION
capture() {
  local name=$1 how=$2 sc=$3 run=$4
  local file="$out/$name.txt"
  {
    echo "# Produced by Tests/Fixtures/lab/capture-long-tail-cluster.sh with extra loopback nodes of its own (lt3a..lt3f@localhost, AMQP 5731-5736, distribution 25731-25736, under $base/$sc) on host $(hostname) ($how). $versions; $(date -u +%Y-%m-%dT%H:%M:%SZ). Sections: the nodes' settings, each command's output (stdout and stderr) and exit status (under timeout $CAPTURE_TIMEOUT, so 124 means it was stopped), in the order they ran, then every log file of these nodes; nothing edited."
    "$run"
    sleep 1
    logs "$sc"
  } > "$file"
  echo "captured $file" >&2
  stop_all
}

a=$(node_of a); b=$(node_of b); c=$(node_of c); e=$(node_of e); f=$(node_of f)
# Scenarios to run: the names given as arguments (cookie inconsistent wiped peerdown discovery
# flags), or all of them.
only=" $* "
want() { [ "$only" = "  " ] || [[ $only == *" $1 "* ]]; }

# ---------------------------------------------------------------- another cookie
if want cookie; then
prepare cookie a
prepare cookie b
start cookie a
start cookie b RABBITMQ_ERLANG_COOKIE=$other_cookie
wrong_cookie() {
  settings cookie a b
  echo "## $b was started with RABBITMQ_ERLANG_COOKIE=$other_cookie; $a with the rabbitmq user's cookie file"
  shown rabbitmqctl -n "$b" --erlang-cookie "$other_cookie" stop_app
  shown rabbitmqctl -n "$b" --erlang-cookie "$other_cookie" join_cluster "$a"
  shown rabbitmqctl -n "$b" --erlang-cookie "$other_cookie" start_app
  shown rabbitmqctl -n "$b" --erlang-cookie "$other_cookie" cluster_status
  shown rabbitmq-diagnostics -n "$b" --erlang-cookie "$other_cookie" erlang_cookie_hash
  shown rabbitmq-diagnostics -n "$a" erlang_cookie_hash
}
capture longtail-cluster-wrong-cookie "$b started with another Erlang cookie, then join_cluster $a" cookie wrong_cookie
fi

# ---------------------------------------------------------------- forgotten member restarts
if want inconsistent; then
prepare inconsistent a
prepare inconsistent b
start inconsistent a
start inconsistent b
inconsistent() {
  settings inconsistent a b
  shown rabbitmqctl -n "$b" stop_app
  shown rabbitmqctl -n "$b" join_cluster "$a"
  shown rabbitmqctl -n "$b" start_app
  shown rabbitmqctl -n "$a" cluster_status
  shown rabbitmqctl -n "$b" shutdown
  shown rabbitmqctl -n "$a" forget_cluster_node "$b"
  echo "## $b started again in the foreground (it still lists $a as its peer)"
  shown env $(nenv inconsistent b) rabbitmq-server
  shown rabbitmqctl -n "$a" cluster_status
}
capture longtail-cluster-inconsistent "$b joined $a and was stopped; $a forgot it with forget_cluster_node; $b was started again" inconsistent inconsistent
fi

# ---------------------------------------------------------------- member wiped, still listed
if want wiped; then
prepare wiped a
prepare wiped b
start wiped a
start wiped b
wiped() {
  settings wiped a b
  shown rabbitmqctl -n "$b" stop_app
  shown rabbitmqctl -n "$b" join_cluster "$a"
  shown rabbitmqctl -n "$b" start_app
  shown rabbitmqctl -n "$b" shutdown
  echo "## \$ rm -rf $base/wiped/b/mnesia/* (the node's data directory lost, as with a new disk or volume)"
  rm -rf "$base/wiped/b/mnesia/"*
  echo "## $b started again, blank"
  shown env $(nenv wiped b) rabbitmq-server -detached
  registered "$b"
  shown rabbitmqctl -n "$b" await_startup --timeout 120
  shown rabbitmqctl -n "$a" cluster_status
  shown rabbitmqctl -n "$b" stop_app
  shown rabbitmqctl -n "$b" join_cluster "$a"
  shown rabbitmqctl -n "$b" start_app
  shown rabbitmqctl -n "$a" cluster_status
  echo "## recovery: forget the old member on $a, reset $b, join again"
  shown rabbitmqctl -n "$b" stop_app
  shown rabbitmqctl -n "$a" forget_cluster_node "$b"
  shown rabbitmqctl -n "$b" reset
  shown rabbitmqctl -n "$b" join_cluster "$a"
  shown rabbitmqctl -n "$b" start_app
  shown rabbitmqctl -n "$a" cluster_status
}
capture longtail-cluster-reset-member "$b joined $a, was stopped, lost its data directory and started blank; then join_cluster again; then the recovery" wiped wiped
fi

# ---------------------------------------------------------------- peer down at boot
if want peerdown; then
short_wait=("mnesia_table_loading_retry_timeout = 5000" "mnesia_table_loading_retry_limit = 2")
prepare peerdown a "${short_wait[@]}"
prepare peerdown b "${short_wait[@]}"
start peerdown a
start peerdown b
peerdown() {
  settings peerdown a b
  shown rabbitmqctl -n "$b" stop_app
  shown rabbitmqctl -n "$b" join_cluster "$a"
  shown rabbitmqctl -n "$b" start_app
  shown rabbitmqctl -n "$a" shutdown
  shown rabbitmqctl -n "$b" shutdown
  echo "## $a started alone in the foreground; $b, which stopped last, stays down"
  shown env $(nenv peerdown a) rabbitmq-server
  echo "## $b is gone for good: remove it from $a's view offline, then start $a"
  shown env $(nenv peerdown a) rabbitmqctl -n "$a" forget_cluster_node --offline "$b"
  shown env $(nenv peerdown a) rabbitmq-server -detached
  registered "$a"
  shown rabbitmqctl -n "$a" await_startup --timeout 120
  shown rabbitmqctl -n "$a" cluster_status
}
capture longtail-cluster-peer-down "$a and $b clustered and stopped ($b last); $a started alone with mnesia_table_loading_retry_timeout 5000 and retry_limit 2; then forget_cluster_node --offline" peerdown peerdown
fi

# ---------------------------------------------------------------- peer discovery
if want discovery; then
retry=("cluster_formation.discovery_retry_limit = 3" "cluster_formation.discovery_retry_interval = 500")
discovery() {
  echo "## classic_config naming a node that does not exist"
  prepare discovery c "cluster_formation.peer_discovery_backend = classic_config" \
    "cluster_formation.classic_config.nodes.1 = lt3z@localhost" "${retry[@]}"
  settings discovery c
  shown env $(nenv discovery c) rabbitmq-server -detached
  registered "$c"
  shown rabbitmqctl -n "$c" await_startup --timeout 60
  shown rabbitmqctl -n "$c" cluster_status
  shown rabbitmqctl -n "$c" shutdown
  mv "$base/discovery/c/log" "$base/discovery/c-log-classic_config" 2>/dev/null || true
  local backend pid
  for backend in k8s consul etcd; do
    echo "## $backend backend pointed at 127.0.0.1:5734 (nothing listens there)"
    case $backend in
      k8s) prepare discovery c "cluster_formation.peer_discovery_backend = k8s" \
             "cluster_formation.k8s.host = 127.0.0.1" "cluster_formation.k8s.port = 5734" "${retry[@]}"
           echo '[rabbitmq_peer_discovery_k8s].' > "$base/discovery/c/enabled_plugins";;
      consul) prepare discovery c "cluster_formation.peer_discovery_backend = consul" \
             "cluster_formation.consul.host = 127.0.0.1" "cluster_formation.consul.port = 5734" "${retry[@]}"
           echo '[rabbitmq_peer_discovery_consul].' > "$base/discovery/c/enabled_plugins";;
      etcd) prepare discovery c "cluster_formation.peer_discovery_backend = etcd" \
             "cluster_formation.etcd.endpoints.1 = 127.0.0.1:5734" "${retry[@]}"
           echo '[rabbitmq_peer_discovery_etcd].' > "$base/discovery/c/enabled_plugins";;
    esac
    chown rabbitmq:rabbitmq "$base/discovery/c/enabled_plugins"
    settings discovery c
    if [ "$backend" = k8s ]; then
      # it fails its boot at once (no service account token outside Kubernetes)
      shown env $(nenv discovery c) rabbitmq-server
    else
      # these keep retrying during the boot: watch for 45 s, then stop the VM by its pid
      shown env $(nenv discovery c) rabbitmq-server -detached
      registered "$c"
      sleep 45
      pid=$(cat "$base/discovery/c/node.pid" 2>/dev/null || true)
      echo "## \$ kill <beam.smp of $c, pid ${pid:-unknown}> after 45 s of booting"
      [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
      sleep 3
    fi
    stop_all
    mv "$base/discovery/c/log" "$base/discovery/c-log-$backend" 2>/dev/null || true
  done
}
# the earlier backends' logs are moved out of the node directory before prepare wipes it
capture_discovery_logs() {
  local f
  for f in "$base"/discovery/c-log-*/* ; do
    [ -f "$f" ] || continue
    case $f in *erl_crash.dump) echo "## node log directory: $f (first 3 lines)"; head -n 3 "$f"; continue;; esac
    echo "## node log: $f"
    cat "$f"
  done
}
discovery_all() {
  discovery
  capture_discovery_logs
}
capture longtail-cluster-discovery "a blank $c with classic_config naming lt3z@localhost, which does not exist, then with the k8s, consul and etcd backends pointed at 127.0.0.1:5734, where nothing listens; discovery_retry_limit 3, interval 500 ms" discovery discovery_all
fi

# ---------------------------------------------------------------- feature flags left disabled
if want flags; then
prepare flags e
prepare flags f
start flags e RABBITMQ_FEATURE_FLAGS=quorum_queue,implicit_default_bindings
start flags f
flags() {
  settings flags e f
  echo "## $e was first started with RABBITMQ_FEATURE_FLAGS=quorum_queue,implicit_default_bindings; $f with no such variable"
  shown rabbitmqctl -n "$e" list_feature_flags
  shown rabbitmqctl -n "$f" list_feature_flags
  echo "## $f, with every flag enabled, joins $e"
  shown rabbitmqctl -n "$f" stop_app
  shown rabbitmqctl -n "$f" join_cluster "$e"
  shown rabbitmqctl -n "$f" start_app
  shown rabbitmqctl -n "$f" list_feature_flags
  shown rabbitmqctl -n "$e" cluster_status
  echo "## $e, with two flags enabled, joins $f"
  shown rabbitmqctl -n "$f" stop_app
  shown rabbitmqctl -n "$f" reset
  shown rabbitmqctl -n "$f" start_app
  shown rabbitmqctl -n "$e" stop_app
  shown rabbitmqctl -n "$e" join_cluster "$f"
  shown rabbitmqctl -n "$e" start_app
  shown rabbitmqctl -n "$e" list_feature_flags
  shown rabbitmqctl -n "$e" enable_feature_flag all
  shown rabbitmqctl -n "$e" list_feature_flags
}
capture longtail-cluster-feature-flags "$e first booted with RABBITMQ_FEATURE_FLAGS=quorum_queue,implicit_default_bindings, $f with all stable flags; joins both ways, then enable_feature_flag all" flags flags
fi

