#!/usr/bin/env bash
# Captures what two clustered RabbitMQ nodes log and what rabbitmq-diagnostics cluster_status
# prints when they lose sight of each other, into Tests/Fixtures/captures/partition-*.txt:
#
#   partition-ignore.txt    cluster_partition_handling = ignore; the distribution traffic between
#                           the two nodes is dropped with iptables for longer than net_ticktime,
#                           then let through again; cluster_status on both nodes during the cut
#                           and after, then the recovery (the node of the untrusted side is
#                           restarted) and cluster_status after it.
#   partition-autoheal.txt  cluster_partition_handling = autoheal; one node's beam.smp is
#                           suspended with SIGSTOP for longer than net_ticktime, then resumed with
#                           SIGCONT; autoheal picks a winner and restarts the loser by itself.
#   partition-pause-minority.txt
#                           cluster_partition_handling = pause_minority with two nodes: neither
#                           side is a majority, so both pause until they see each other again.
#
# Each capture file: a header line saying how, each command as "## $ command" with its output and
# exit status, then the bytes each node appended to its log meanwhile; nothing edited.
#
# Two extra nodes, loopback only, with data, logs and configuration under /tmp/network-partition:
# rabbit5@localhost (AMQP 5680, distribution 25680) and rabbit6@localhost (AMQP 5681, distribution
# 25681), started with net_ticktime 10. To cut the link between them and not the CLI's, each node
# opens its outgoing distribution connections from an address of its own (rabbit5 from 127.0.0.3,
# rabbit6 from 127.0.0.2, with inet_dist_connect_options), and the DROP rules match only those
# source addresses; the CLI still reaches both nodes from 127.0.0.1.
#
# Needs root, iptables (apt-get install iptables) and Debian's rabbitmq-server; leaves
# rabbit@localhost and rabbit2@localhost alone. Everything it changes is undone on exit, also on
# failure: a suspended node is resumed, the iptables rules are deleted, both nodes are stopped and
# their directories (/tmp/network-partition/r5 and r6) are removed.
set -euo pipefail
cd "$(dirname "$0")/../../.."
source Tests/Fixtures/lab/capture-lib.sh   # shown, node_env, remove_lab
out=Tests/Fixtures/captures
base=/tmp/network-partition
n5=rabbit5@localhost
n6=rabbit6@localhost
versions="RabbitMQ $(rabbitmqctl -q version 2>/dev/null) (Debian package $(dpkg-query -W -f '${Version}' rabbitmq-server)), Erlang $(dpkg-query -W -f '${Version}' erlang-base), $(iptables --version 2>/dev/null || echo 'iptables missing')"

# The DROP rules: distribution traffic from rabbit6 (127.0.0.2) to rabbit5's port, from rabbit5
# (127.0.0.3) to rabbit6's port, and the replies of both.
rules=(
  "-s 127.0.0.2 -p tcp --dport 25680"
  "-d 127.0.0.2 -p tcp --sport 25680"
  "-s 127.0.0.3 -p tcp --dport 25681"
  "-d 127.0.0.3 -p tcp --sport 25681"
)
cut_on() {
  local r
  for r in "${rules[@]}"; do
    # shellcheck disable=SC2086
    iptables -I INPUT -i lo $r -m comment --comment rmq-doctor-network-partition -j DROP
  done
}
cut_off() {
  local r
  for r in "${rules[@]}"; do
    # shellcheck disable=SC2086
    while iptables -D INPUT -i lo $r -m comment --comment rmq-doctor-network-partition -j DROP 2>/dev/null; do :; done
  done
}

node_pid() { cat "$base/$1/node.pid" 2>/dev/null || true; }

undo() {
  local d p
  for d in r5 r6; do
    p=$(node_pid $d)
    [ -n "$p" ] && kill -CONT "$p" 2>/dev/null || true
  done
  cut_off
  for n in $n6 $n5; do
    timeout 60 rabbitmqctl -q -n "$n" shutdown >/dev/null 2>&1 || true
  done
  for d in r5 r6; do
    p=$(node_pid $d)
    if [ -n "$p" ] && kill -0 "$p" 2>/dev/null; then kill "$p" 2>/dev/null || true; fi
  done
  rm -rf "$base/r5" "$base/r6"
  rmdir "$base" 2>/dev/null || true
}
trap undo EXIT


# start_node DIR NODE AMQP DIST CONNECT-ADDRESS HANDLING
start_node() {
  local dir=$base/$1 node=$2 amqp=$3 dist=$4 from=$5 handling=$6
  install -d -o rabbitmq -g rabbitmq "$dir" "$dir/mnesia" "$dir/log"
  printf '%s\n' "listeners.tcp.default = 127.0.0.1:$amqp" "cluster_partition_handling = $handling" \
    > "$dir/node.conf"
  echo '[].' > "$dir/enabled_plugins"
  chown rabbitmq:rabbitmq "$dir/node.conf" "$dir/enabled_plugins"
  RABBITMQ_NODENAME=$node RABBITMQ_NODE_PORT=$amqp RABBITMQ_DIST_PORT=$dist \
    RABBITMQ_MNESIA_BASE=$dir/mnesia RABBITMQ_LOG_BASE=$dir/log RABBITMQ_CONFIG_FILE=$dir/node.conf \
    RABBITMQ_PID_FILE=$dir/node.pid RABBITMQ_ENABLED_PLUGINS_FILE=$dir/enabled_plugins \
    RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1} -kernel inet_dist_connect_options [{ip,{$from}}] -kernel net_ticktime 10" \
    rabbitmq-server -detached
  local _
  for _ in $(seq 1 60); do rabbitmq-diagnostics -q -n "$node" ping >/dev/null 2>&1 && break; sleep 1; done
  rabbitmqctl -q -n "$node" await_startup --timeout 90 >/dev/null
}
start_both() {  # start_both HANDLING: rabbit5 first, then rabbit6
  start_node r5 $n5 5680 25680 127,0,0,3 "$1"
  start_node r6 $n6 5681 25681 127,0,0,2 "$1"
}
stop_both() {
  timeout 60 rabbitmqctl -q -n $n6 shutdown >/dev/null 2>&1 || true
  timeout 60 rabbitmqctl -q -n $n5 shutdown >/dev/null 2>&1 || true
}

log5=$base/r5/log/$n5.log
log6=$base/r6/log/$n6.log

# capture NAME HOW FUNCTION: runs FUNCTION with its output as the capture's body, then appends
# the bytes each node's log gained meanwhile.
capture() {
  local name=$1 how=$2 run=$3
  local file="$out/$name.txt" s5 s6
  s5=$(stat -c %s "$log5"); s6=$(stat -c %s "$log6")
  {
    echo "# Produced by Tests/Fixtures/lab/capture-partition.sh with two extra loopback nodes, $n5 and $n6, clustered, both with -kernel net_ticktime 10 ($how). $versions; $(date -u +%Y-%m-%dT%H:%M:%SZ). Sections: each command's output, in the order they ran, then the bytes each node appended to its log during the run; nothing edited."
    "$run"
    sleep 1
    echo "## log of $n5 ($log5)"
    tail -c +"$((s5 + 1))" "$log5"
    echo "## log of $n6 ($log6)"
    tail -c +"$((s6 + 1))" "$log6"
  } > "$file"
  echo "captured $file" >&2
}

status_both() {
  shown rabbitmq-diagnostics -n $n5 cluster_status
  shown rabbitmq-diagnostics -n $n6 cluster_status
}

# ---------------------------------------------------------------- the cluster
rm -rf "$base/r5" "$base/r6"
install -d -o rabbitmq -g rabbitmq "$base"
start_both ignore
rabbitmqctl -q -n $n6 stop_app
rabbitmqctl -q -n $n6 reset
rabbitmqctl -q -n $n6 join_cluster $n5
rabbitmqctl -q -n $n6 start_app
rabbitmqctl -q -n $n6 await_startup --timeout 90 >/dev/null
sleep 3

# ---------------------------------------------------------------- ignore, network cut
ignore_run() {
  shown rabbitmq-diagnostics -n $n5 cluster_status
  local r
  for r in "${rules[@]}"; do
    echo "## \$ iptables -I INPUT -i lo $r -m comment --comment rmq-doctor-network-partition -j DROP"
  done
  cut_on
  echo "(exit status 0)"
  shown iptables -S INPUT
  sleep 25
  echo "## cut for 25 s; both nodes during the cut"
  status_both
  echo "## \$ iptables -D INPUT ... (every rule above)"
  cut_off
  echo "(exit status 0)"
  sleep 15
  echo "## link restored 15 s ago"
  status_both
  shown rabbitmqctl -n $n5 list_queues name type state
  echo "## recovery: $n5 is the trusted side; restart the app of $n6"
  shown rabbitmqctl -n $n6 stop_app
  shown rabbitmqctl -n $n6 start_app
  sleep 3
  status_both
}
capture partition-ignore "cluster_partition_handling = ignore; iptables DROP rules on loopback cut the distribution link between the two nodes for 25 s, then were deleted; then the app of $n6 was restarted" ignore_run

# ---------------------------------------------------------------- autoheal, suspended node
stop_both
start_both autoheal
sleep 3
autoheal_run() {
  shown rabbitmq-diagnostics -n $n5 cluster_status
  local p
  p=$(node_pid r6)
  echo "## \$ kill -STOP <beam.smp of $n6>"
  kill -STOP "$p"
  echo "(exit status 0)"
  sleep 25
  echo "## $n6 suspended for 25 s; $n5 during the pause"
  shown rabbitmq-diagnostics -n $n5 cluster_status
  echo "## \$ kill -CONT <beam.smp of $n6>"
  kill -CONT "$p"
  echo "(exit status 0)"
  sleep 30
  echo "## resumed 30 s ago"
  status_both
}
capture partition-autoheal "cluster_partition_handling = autoheal; the beam.smp of $n6 was suspended with SIGSTOP for 25 s, then resumed with SIGCONT" autoheal_run

# ---------------------------------------------------------------- pause_minority, two nodes
stop_both
start_both pause_minority
sleep 3
pause_run() {
  shown rabbitmq-diagnostics -n $n5 cluster_status
  echo "## \$ iptables -I INPUT -i lo <rule> -j DROP (the same rules as in partition-ignore.txt)"
  cut_on
  echo "(exit status 0)"
  sleep 25
  echo "## cut for 25 s; both nodes during the cut"
  status_both
  shown rabbitmq-diagnostics -n $n5 check_running
  echo "## \$ iptables -D INPUT ... (every rule)"
  cut_off
  echo "(exit status 0)"
  sleep 30
  echo "## link restored 30 s ago"
  status_both
}
capture partition-pause-minority "cluster_partition_handling = pause_minority with two nodes; the same iptables DROP rules for 25 s, then deleted" pause_run
