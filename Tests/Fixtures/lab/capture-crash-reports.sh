#!/usr/bin/env bash
# Captures what a RabbitMQ node logs when one of its Erlang processes dies, into
# Tests/Fixtures/captures/crash-*.txt:
#   crash-queue-kill.txt    a classic queue's and a quorum queue's process killed with
#                           rabbitmqctl eval exit(Pid, kill) while a pika client holds a channel
#   crash-channel-kill.txt  a channel's process killed the same way; what pika then raises
#   crash-json.txt          the same two kills on a node with log.file.formatter = json
#   crash-disk-full.txt     the node's data directory on a 40 MB tmpfs, the free disk limit set
#                           to 1 byte (alarm off), persistent messages published until the
#                           filesystem is full: the message store and the queue crash with enospc
#   crash-memory-dump.txt   the node started under ulimit -v (3 GB of address space; the memory
#                           watermark, computed from the host's RAM, is far above it), transient
#                           1 MB messages published until the node stops answering, then a
#                           shutdown: the VM writes erl_crash.dump
# Each file: a header line saying how, then each command as "## $ command" with its output and
# exit status, then the bytes the node appended to its log meanwhile. Long log entries (the
# server state in "** When Server state ==" runs to thousands of lines when a queue holds
# messages) are cut by the function cutlog below, which says where and how much; crash dumps are
# reduced to their first lines, the memory section, the crashing process and the ten largest
# processes, each kept line verbatim.
#
# Uses only the extra node rabbit11@localhost (AMQP 127.0.0.1:5701, distribution 25701), with all
# its files under /tmp/crash-report/lab. Never touches rabbit@localhost or rabbit2@localhost.
# Needs root (tmpfs mount, ulimit) and the live Python with pika (.ci/live-python). Everything it
# changes is undone on exit, also on failure: the node is stopped (shutdown, then its pid file's
# pid is killed), the tmpfs is unmounted, /tmp/crash-report/lab is removed.
set -euo pipefail
cd "$(dirname "$0")/../../.."
source Tests/Fixtures/lab/capture-lib.sh   # shown, node_env, remove_lab
out=Tests/Fixtures/captures
base=/tmp/crash-report/lab
node=rabbit11@localhost
python=$(bash .ci/live-python)
versions="RabbitMQ $(dpkg-query -W -f '${Version}' rabbitmq-server) (Debian package), Erlang $(dpkg-query -W -f '${Version}' erlang-base), pika $("$python" -c 'import pika; print(pika.__version__)')"

stop_node() {
  local d=$1 pid
  [ -f "$d/node.pid" ] || return 0
  pid=$(cat "$d/node.pid" 2>/dev/null || true)
  timeout 60 rabbitmqctl -n "$node" -q shutdown >/dev/null 2>&1 || true
  [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null || true
  rm -f "$d/node.pid"
}

undo() {
  set +e
  local d
  for d in "$base"/*/; do stop_node "${d%/}"; done
  for pid in $(pgrep -f "$base/py/" 2>/dev/null); do kill "$pid" 2>/dev/null; done
  sleep 1
  mountpoint -q "$base/disk/tmpfs" && umount "$base/disk/tmpfs"
  rm -rf "$base"
  rmdir /tmp/crash-report 2>/dev/null
  true
}
trap undo EXIT

# fresh NAME [conf lines...]: a new node directory $base/NAME and the environment to start it.
fresh() {
  local d=$base/$1; shift
  install -d -o rabbitmq -g rabbitmq /tmp/crash-report "$base" "$d" "$d/log"
  [ -d "$d/mnesia" ] || install -d -o rabbitmq -g rabbitmq "$d/mnesia"
  printf '%s\n' "listeners.tcp.default = 127.0.0.1:5701" "$@" > "$d/node.conf"
  printf '%s\n' "[]." > "$d/enabled_plugins"
  chown rabbitmq:rabbitmq "$d/node.conf" "$d/enabled_plugins"
  node_env "$d" "$node" 5701 25701
  nodedir=$d
  log=$d/log/$node.log
  echo "## node settings: RABBITMQ_MNESIA_BASE=$RABBITMQ_MNESIA_BASE RABBITMQ_LOG_BASE=$RABBITMQ_LOG_BASE ERL_CRASH_DUMP=$ERL_CRASH_DUMP; $RABBITMQ_CONFIG_FILE:"
  cat "$d/node.conf"
}

wait_up() {
  local i
  for i in $(seq 1 90); do
    rabbitmq-diagnostics -n "$node" -q ping >/dev/null 2>&1 && break
    sleep 1
  done
  shown timeout 120 rabbitmqctl -n "$node" await_startup --timeout 90
}

start_detached() {
  (cd /tmp && rabbitmq-server -detached)
  wait_up
}

# cutlog: log lines on stdin, long entries cut. An entry is the run of lines with one timestamp,
# level and pid. Of each entry it keeps the first 12 lines, and 12 lines from every line that
# starts a report field ("** ...", "supervisor:", "errorContext:", "reason:", "offender:",
# "crasher:", "initial call:", "exception ...", "ancestors:"...); every run of lines it drops is
# replaced by one line "[... N lines of this entry cut by the capture script ...]". Lines longer
# than 2000 characters (JSON entries) keep their first 2000 and say how many more were cut.
cutlog() {
  awk '
    function key(s) { return s ~ /^ *(\*\* |supervisor:|errorContext:|reason:|offender:|crasher:|initial call:|pid:|registered_name:|exception |in function|ancestors:|message_queue_len:|messages:|links:|neighbours:|Restarting)/ }
    function flush() { if (cut > 0) { print "[... " cut " lines of this entry cut by the capture script ...]"; cut = 0 } }
    {
      line = $0
      if (length(line) > 2000) line = substr(line, 1, 2000) " [... " (length($0) - 2000) " more characters cut by the capture script ...]"
      p = ""; rest = $0
      if (match($0, /^[0-9-]+ [0-9:.+]+ \[[a-z]+\] <[0-9.]+> /)) { p = substr($0, 1, RLENGTH); rest = substr($0, RLENGTH + 1) }
      if (p == "" || p != prev) { flush(); prev = p; budget = 12 }
      else if (key(rest)) { flush(); budget = 12 }
      if (budget > 0) { print line; budget-- } else cut++
    }
    END { flush() }'
}

# log_since OFFSET: the bytes the node appended to its log after OFFSET, cut as above.
log_since() {
  echo "## node log: $log, bytes appended since the start of this section ($(( $(stat -c %s "$log") - $1 )) bytes before cutting)"
  tail -c +$(( $1 + 1 )) "$log" | cutlog
}

logsize() { stat -c %s "$log" 2>/dev/null || echo 0; }

mkpy() {
  install -d "$base/py"
  cat > "$base/py/hold.py" <<'EOF'
# hold.py PORT SECONDS [quorum]: open a connection and channel 1, declare queue crash-demo (durable
# classic) and crash-demo-qq (quorum) and publish one persistent message to each, then wait
# SECONDS while the channel stays open; then declare the queues passively again.
import sys, time, pika
port = int(sys.argv[1]); seconds = float(sys.argv[2])
conn = pika.BlockingConnection(pika.ConnectionParameters(host="127.0.0.1", port=port, heartbeat=0))
ch = conn.channel()
ch.queue_declare("crash-demo", durable=True)
ch.queue_declare("crash-demo-qq", durable=True, arguments={"x-queue-type": "quorum"})
for q in ("crash-demo", "crash-demo-qq"):
    ch.basic_publish("", q, b"hello", pika.BasicProperties(delivery_mode=2))
print("pika %s: connection and channel 1 open, queues crash-demo and crash-demo-qq declared, one message in each" % pika.__version__, flush=True)
try:
    end = time.time() + seconds
    while time.time() < end:
        conn.process_data_events(time_limit=1)
    for q in ("crash-demo", "crash-demo-qq"):
        print("queue_declare passive:", ch.queue_declare(q, durable=True, passive=True).method, flush=True)
except Exception as e:
    print("%s: %r" % (type(e).__name__, e), flush=True)
print("connection open:", conn.is_open, "channel open:", ch.is_open, flush=True)
EOF
  cat > "$base/py/fill.py" <<'EOF'
# fill.py PORT COUNT SIZE: publish COUNT persistent messages of SIZE bytes to the durable queue
# fill-demo with publisher confirms; print the exception that stops it.
import sys, pika
port = int(sys.argv[1]); count = int(sys.argv[2]); size = int(sys.argv[3])
conn = pika.BlockingConnection(pika.ConnectionParameters(host="127.0.0.1", port=port, heartbeat=0))
ch = conn.channel()
ch.queue_declare("fill-demo", durable=True)
ch.confirm_delivery()
print("pika %s: publishing %d persistent messages of %d bytes to fill-demo with confirms" % (pika.__version__, count, size), flush=True)
body = b"x" * size
i = 0
try:
    for i in range(count):
        ch.basic_publish("", "fill-demo", body, pika.BasicProperties(delivery_mode=2))
    print("all published and confirmed", flush=True)
except Exception as e:
    print("after %d messages: %s: %r" % (i, type(e).__name__, e), flush=True)
EOF
  cat > "$base/py/flood.py" <<'EOF'
# flood.py PORT COUNT SIZE: publish COUNT transient messages of SIZE bytes to the non-durable
# queue flood-demo, without confirms.
import sys, pika
port = int(sys.argv[1]); count = int(sys.argv[2]); size = int(sys.argv[3])
conn = pika.BlockingConnection(pika.ConnectionParameters(host="127.0.0.1", port=port, heartbeat=0))
ch = conn.channel()
ch.queue_declare("flood-demo", durable=False)
print("pika %s: publishing %d transient messages of %d bytes to flood-demo, no confirms" % (pika.__version__, count, size), flush=True)
body = b"x" * size
i = 0
try:
    for i in range(count):
        ch.basic_publish("", "flood-demo", body)
        if i % 100 == 0:
            conn.process_data_events(time_limit=0)
    conn.process_data_events(time_limit=5)
    print("all %d published" % count, flush=True)
except Exception as e:
    print("after %d messages: %s: %r" % (i, type(e).__name__, e), flush=True)
EOF
}

capture() {  # capture NAME HOW FUNCTION
  local name=$1 how=$2 run=$3
  {
    echo "# Produced by Tests/Fixtures/lab/capture-crash-reports.sh with the extra node $node under $base ($how). $versions; $(date -u +%Y-%m-%dT%H:%M:%SZ). Sections: each command with its output (stdout and stderr) and exit status in the order they ran, then the bytes the node appended to its log; long log entries and the crash dump are cut where the capture script says so, nothing else edited."
    "$run"
  } > "$out/$name.txt"
  echo "captured $out/$name.txt" >&2
}

install -d -o rabbitmq -g rabbitmq /tmp/crash-report "$base"
mkpy

kill_queue='{ok, Q} = rabbit_amqqueue:lookup(rabbit_misc:r(<<"/">>, queue, <<"crash-demo">>)), P = amqqueue:get_pid(Q), exit(P, kill), P.'
kill_qq='{ok, Q} = rabbit_amqqueue:lookup(rabbit_misc:r(<<"/">>, queue, <<"crash-demo-qq">>)), {Name, _} = amqqueue:get_pid(Q), P = whereis(Name), exit(P, kill), {Name, P}.'

# ---------------------------------------------------------------- queue and channel kills
queue_kill() {
  fresh plain
  start_detached
  local n; n=$(logsize)
  echo "## \$ $python $base/py/hold.py 5701 25   (in the background)"
  "$python" "$base/py/hold.py" 5701 25 > "$base/hold.out" 2>&1 &
  local holder=$!
  sleep 5
  shown rabbitmqctl -n "$node" list_queues name type pid messages
  shown rabbitmqctl -n "$node" eval "$kill_queue"
  sleep 3
  shown rabbitmqctl -n "$node" eval "$kill_qq"
  sleep 5
  shown rabbitmqctl -n "$node" list_queues name type pid messages
  wait "$holder" || true
  echo "## what hold.py printed"
  cat "$base/hold.out"
  log_since "$n"
}
capture crash-queue-kill "a pika client holds channel 1 open; rabbitmqctl eval kills the classic queue crash-demo's process, then the quorum queue crash-demo-qq's Ra server, with exit(Pid, kill)" queue_kill

channel_kill() {
  local n; n=$(logsize)
  echo "## \$ $python $base/py/hold.py 5701 15   (in the background)"
  "$python" "$base/py/hold.py" 5701 15 > "$base/hold.out" 2>&1 &
  local holder=$!
  sleep 5
  shown rabbitmqctl -n "$node" list_channels pid connection number
  local pid; pid=$(rabbitmqctl -n "$node" -q list_channels pid | tail -n 1)
  shown rabbitmqctl -n "$node" eval "exit(rabbit_misc:string_to_pid(\"$pid\"), kill)."
  wait "$holder" || true
  echo "## what hold.py printed"
  cat "$base/hold.out"
  sleep 1
  log_since "$n"
  stop_node "$nodedir"
}
capture crash-channel-kill "the node of crash-queue-kill; a pika client holds channel 1 open; rabbitmqctl eval kills the channel's process (pid from list_channels) with exit(Pid, kill)" channel_kill

# ---------------------------------------------------------------- JSON
json_kills() {
  fresh json "log.file.formatter = json"
  start_detached
  local n; n=$(logsize)
  "$python" "$base/py/hold.py" 5701 20 > "$base/hold.out" 2>&1 &
  local holder=$!
  sleep 5
  shown rabbitmqctl -n "$node" eval "$kill_queue"
  sleep 2
  local pid; pid=$(rabbitmqctl -n "$node" -q list_channels pid | tail -n 1)
  shown rabbitmqctl -n "$node" eval "exit(rabbit_misc:string_to_pid(\"$pid\"), kill)."
  wait "$holder" || true
  echo "## what hold.py printed"
  cat "$base/hold.out"
  sleep 1
  log_since "$n"
  stop_node "$nodedir"
}
capture crash-json "log.file.formatter = json; the classic queue kill and the channel kill of the two captures above" json_kills

# ---------------------------------------------------------------- disk full
disk_full() {
  install -d -o rabbitmq -g rabbitmq /tmp/crash-report "$base" "$base/disk" "$base/disk/tmpfs"
  shown mount -t tmpfs -o size=40m,mode=0755,uid="$(id -u rabbitmq)",gid="$(id -g rabbitmq)" tmpfs "$base/disk/tmpfs"
  install -d -o rabbitmq -g rabbitmq "$base/disk/tmpfs/mnesia"
  ln -s "$base/disk/tmpfs/mnesia" "$base/disk/mnesia"
  fresh disk "disk_free_limit.absolute = 1"
  export RABBITMQ_MNESIA_BASE=$base/disk/tmpfs/mnesia
  echo "## RABBITMQ_MNESIA_BASE=$RABBITMQ_MNESIA_BASE (the 40 MB tmpfs); the log directory is not on it"
  start_detached
  shown df -h "$base/disk/tmpfs"
  local n; n=$(logsize)
  shown timeout 120 "$python" "$base/py/fill.py" 5701 80 1000000
  sleep 20
  shown df -h "$base/disk/tmpfs"
  shown rabbitmqctl -n "$node" list_queues name messages
  shown rabbitmqctl -n "$node" eval 'rabbit_vhost_sup_sup:is_vhost_alive(<<"/">>).'
  log_since "$n"
  stop_node "$nodedir"
  umount "$base/disk/tmpfs"
}
capture crash-disk-full "data directory on a 40 MB tmpfs, disk_free_limit.absolute = 1 so that no disk alarm blocks publishers first, 1 MB persistent messages published with confirms until the filesystem is full" disk_full

# ---------------------------------------------------------------- memory: erl_crash.dump
# dump_summary FILE: the lines of an erl_crash.dump that say why and who, verbatim.
dump_summary() {
  local f=$1
  echo "## $f: $(stat -c %s "$f") bytes; below, its first 8 lines, its =memory section, the =proc section of the process named Current Process, and the =proc header, State, Name, Spawned as, Message queue length and Memory lines of the ten processes with the largest Memory"
  head -n 8 "$f"
  awk '/^=memory/{p=1; print; next} p && /^=/{exit} p' "$f"
  local cur; cur=$(awk -F': ' '/^Current Process: </{print $2; exit}' "$f")
  if [ -n "$cur" ]; then
    awk -v h="=proc:$cur" '$0 == h {p=1; print; next} p && /^=/{exit} p' "$f" | head -n 40
  fi
  echo "## the ten largest processes by Memory (bytes)"
  awk '
    /^=proc:/ { if (hdr != "") print mem "\t" hdr "\t" rest; hdr = $0; rest = ""; mem = 0; next }
    /^=/ { if (hdr != "") print mem "\t" hdr "\t" rest; hdr = ""; next }
    hdr != "" && /^(State|Name|Spawned as|Message queue length|Memory): / { rest = rest " | " $0; if ($1 == "Memory:") mem = $2 }
    END { if (hdr != "") print mem "\t" hdr "\t" rest }' "$f" | sort -rn | head -n 10 | cut -f2-
}

memory_dump() {
  fresh mem
  echo "## the node is started in the foreground, in the background of this script, under ulimit -v 3000000 (KiB): about 3 GB of address space, of which the VM reserves about 2.2 GB at start"
  ( ulimit -v 3000000; cd /tmp && exec timeout 600 rabbitmq-server ) > "$base/mem/stdout.txt" 2>&1 &
  wait_up
  shown rabbitmq-diagnostics -n "$node" -q status
  local n; n=$(logsize)
  shown timeout 90 "$python" "$base/py/flood.py" 5701 3000 1000000
  shown timeout 30 rabbitmqctl -n "$node" -q list_queues name messages
  shown timeout 60 "$python" "$base/py/flood.py" 5701 10 1000
  echo "## the node is asked to stop; shutting down needs memory too"
  shown timeout 120 rabbitmqctl -n "$node" shutdown
  sleep 5
  echo "## the node's standard output (rabbitmq-server in the foreground), last 12 lines"
  tail -n 12 "$base/mem/stdout.txt"
  log_since "$n"
  if [ -f "$base/mem/log/erl_crash.dump" ]; then
    dump_summary "$base/mem/log/erl_crash.dump"
  else
    echo "## no erl_crash.dump was written"
  fi
  stop_node "$nodedir"
}
capture crash-memory-dump "rabbitmq-server in the foreground under ulimit -v 3000000; 1 MB transient messages published to a classic queue until the node stops answering; then rabbitmqctl shutdown" memory_dump
