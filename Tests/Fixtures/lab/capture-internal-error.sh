#!/usr/bin/env bash
# Captures what clients and the broker print when RabbitMQ closes a connection with
# 541 INTERNAL_ERROR, into Tests/Fixtures/captures/internal-error-*.txt: a channel process killed by
# an operator (exit(Pid, kill)), a channel process that crashes (a message it has no clause for,
# which fails the way a bug does), the same kill seen by a Go client (amqp091-go), a classic queue process
# killed (restarted; then killed until its supervisor gives up, and what operations on it get), a
# quorum queue whose Ra server does not answer a basic.get in time, and a connection to a virtual
# host whose supervisor is stopped. Each capture file: a header line saying how, each command as
# "## $ command" with its output (stdout and stderr) and exit status, each client's output, then the
# bytes the node appended to its log meanwhile; nothing edited.
#
# Uses only the extra node rabbit12@localhost (AMQP 127.0.0.1:5702, distribution 25702), with its
# data, log, config and crash dump under /tmp/internal-error/lab/. It never touches
# rabbit@localhost or rabbit2@localhost. Needs root, the live Python with pika (.ci/live-python)
# and, for the Go capture, Debian's golang-go and golang-github-rabbitmq-amqp091-go-dev (the
# capture is skipped without them). Everything it changes is undone on exit, also on failure:
# background clients are killed by pid, rabbit12 is stopped (by its pid file as a last resort), and
# /tmp/internal-error/lab is removed.
set -euo pipefail
cd "$(dirname "$0")/../../.."
source Tests/Fixtures/lab/capture-lib.sh   # shown, node_env, remove_lab
out=Tests/Fixtures/captures
base=/tmp/internal-error/lab
node=rabbit12@localhost
port=5702
python=$(bash .ci/live-python)
client=Tests/Fixtures/lab/internal_error_client.py
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
node_env "$d" "$node" $port 25702
unset RABBITMQ_LOGS RABBITMQ_ADVANCED_CONFIG_FILE
rabbitmq-server -detached
for _ in $(seq 1 90); do rabbitmq-diagnostics -n "$node" -q ping >/dev/null 2>&1 && break; sleep 1; done
timeout 120 rabbitmqctl -n "$node" -q await_startup --timeout 90

ctl() { rabbitmqctl -n "$node" "$@"; }

# capture NAME HOW FUNCTION: the function's output as the capture's body, then the log bytes the
# node appended meanwhile.
capture() {
  local name=$1 how=$2 run=$3 start
  start=$(stat -c %s "$log")
  {
    echo "# Produced by Tests/Fixtures/lab/capture-internal-error.sh with the extra node $node (AMQP 127.0.0.1:$port) under $base ($how). $versions; $(date -u +%Y-%m-%dT%H:%M:%SZ). Sections: each command's output (stdout and stderr) and exit status and each client's output, in the order they ran, then the bytes the node appended to its log during the run; nothing edited."
    "$run"
    sleep 2
    echo "## node log: $log (bytes appended during the run)"
    tail -c +"$((start + 1))" "$log"
  } > "$out/$name.txt"
  echo "captured $out/$name.txt" >&2
}

# hold NAME SECONDS: the hold client in the background (one idle channel, one consumer), until it
# prints ready. Its output goes to $base/NAME.out.
hold() {
  "$python" "$client" hold --port "$port" --name "$1" --seconds "$2" > "$base/$1.out" 2>&1 &
  clients+=("$!")
  for _ in $(seq 1 30); do grep -q '^ready' "$base/$1.out" 2>/dev/null && return 0; sleep 0.5; done
  cat "$base/$1.out"; return 1
}
# held NAME: waits for the hold client and prints its output as a section.
held() {
  wait "${clients[-1]}" || true
  echo "## client: $client hold --port $port --name $1 (stdout and stderr)"
  cat "$base/$1.out"
}
# channel_pid NUMBER: the pid of the only connection's channel NUMBER, as list_channels prints it.
channel_pid() { ctl -q list_channels pid number | awk -v n="$1" '$2 == n { print $1 }'; }
queue_pid() { ctl -q list_queues name pid | awk -v q="$1" '$1 == q { print $2 }'; }
# op WHAT QUEUE: one operation by the op client, as a section.
op() {
  echo "## client: $client op --port $port --what $1 --queue $2 (stdout and stderr)"
  "$python" "$client" op --port "$port" --what "$1" --queue "$2" --name "app-$1" 2>&1 || echo "(exit status $?)"
}

# ---------------------------------------------------------------- channel killed by an operator
channel_killed() {
  hold app-channel-killed 8
  shown rabbitmqctl -n "$node" list_channels pid name number
  local ch; ch=$(channel_pid 1)
  shown rabbitmqctl -n "$node" eval "exit(rabbit_misc:string_to_pid(\"$ch\"), kill)."
  held app-channel-killed
}
capture internal-error-channel-killed "a pika client with channel 1 idle and channel 2 consuming from a classic queue; channel 1's process killed with rabbitmqctl eval 'exit(Pid, kill).'" channel_killed

# ---------------------------------------------------------------- channel process crashes
channel_crash() {
  hold app-channel-crash 8
  shown rabbitmqctl -n "$node" list_channels pid name number
  local ch; ch=$(channel_pid 1)
  # rabbit_channel has no handle_cast clause for this message: the process fails with
  # function_clause, as it would on a bug, and logs a gen_server crash report.
  shown rabbitmqctl -n "$node" eval "gen_server2:cast(rabbit_misc:string_to_pid(\"$ch\"), rmq_doctor_unexpected_message)."
  held app-channel-crash
}
capture internal-error-channel-crash "a pika client with channel 1 idle and channel 2 consuming; channel 1's process sent a cast it has no clause for, so it crashes with function_clause" channel_crash

# ---------------------------------------------------------------- Go (amqp091-go)
go_killed() {
  echo "## $(go version), amqp091-go $(dpkg-query -W -f '${Version}' golang-github-rabbitmq-amqp091-go-dev) (Debian package, built in GOPATH mode)"
  "$base/go/hold" > "$base/go.out" 2>&1 &
  clients+=("$!")
  for _ in $(seq 1 30); do grep -q '^ready' "$base/go.out" 2>/dev/null && break; sleep 0.5; done
  local ch; ch=$(channel_pid 1)
  shown rabbitmqctl -n "$node" eval "exit(rabbit_misc:string_to_pid(\"$ch\"), kill)."
  wait "${clients[-1]}" || true
  echo "## client: $base/go/hold (amqp091-go; stdout and stderr)"
  cat "$base/go.out"
}
build_go() {
  command -v go >/dev/null && dpkg-query -W golang-github-rabbitmq-amqp091-go-dev >/dev/null 2>&1 || return 1
  install -d "$base/go" "$base/go/cache"
  cat > "$base/go/main.go" <<'EOF'
// One connection with one channel; prints what NotifyClose delivers when the broker closes it,
// then the error a later call on the channel returns.
package main

import (
	"fmt"
	"os"
	"time"

	amqp "github.com/rabbitmq/amqp091-go"
)

func main() {
	conn, err := amqp.DialConfig("amqp://guest:guest@127.0.0.1:5702/",
		amqp.Config{Properties: amqp.Table{"connection_name": "app-go"}})
	if err != nil {
		fmt.Fprintf(os.Stderr, "%T: %v\n", err, err)
		os.Exit(1)
	}
	closed := conn.NotifyClose(make(chan *amqp.Error, 1))
	ch, err := conn.Channel()
	if err != nil {
		fmt.Fprintf(os.Stderr, "%T: %v\n", err, err)
		os.Exit(1)
	}
	fmt.Println("ready")
	select {
	case e := <-closed:
		fmt.Fprintf(os.Stderr, "connection NotifyClose: %T: %v (Code %d, Server %v, Recover %v)\n",
			e, e, e.Code, e.Server, e.Recover)
	case <-time.After(10 * time.Second):
		fmt.Println("no close within the wait")
		os.Exit(1)
	}
	if _, err := ch.QueueDeclarePassive("internal-error-jobs", false, false, false, false, nil); err != nil {
		fmt.Fprintf(os.Stderr, "QueueDeclarePassive: %T: %v\n", err, err)
	}
}
EOF
  (cd "$base/go" && GO111MODULE=off GOPATH=/usr/share/gocode GOCACHE=$base/go/cache go build -o hold main.go)
}
if build_go; then
  capture internal-error-go "a Go client (amqp091-go) with one channel; the channel's process killed with rabbitmqctl eval 'exit(Pid, kill).'" go_killed
else
  echo "skipped the Go capture: needs go and golang-github-rabbitmq-amqp091-go-dev (apt-get install golang-go golang-github-rabbitmq-amqp091-go-dev)" >&2
fi

# ---------------------------------------------------------------- classic queue process killed
queue_killed() {
  hold app-queue-killed 8
  shown rabbitmqctl -n "$node" list_queues name pid
  local q; q=$(queue_pid internal-error-jobs)
  shown rabbitmqctl -n "$node" eval "exit(rabbit_misc:string_to_pid(\"$q\"), kill)."
  held app-queue-killed
  shown rabbitmqctl -n "$node" list_queues name pid
  # Killed again and again: after more restarts than its supervisor allows in its period, the
  # supervisor gives up, and the queue's record points at a dead process.
  shown rabbitmqctl -n "$node" eval 'R = rabbit_misc:r(<<"/">>, queue, <<"internal-error-jobs">>), [begin {ok, Q} = rabbit_amqqueue:lookup(R), P = amqqueue:get_pid(Q), exit(P, kill), timer:sleep(300), P end || _ <- lists:seq(1, 7)].'
  shown rabbitmqctl -n "$node" list_queues name pid
  op declare internal-error-jobs
  op publish internal-error-jobs
  op delete internal-error-jobs
}
capture internal-error-queue-killed "a pika client consuming from a classic queue; the queue's process killed once (it is restarted), then seven times in a row until its supervisor gives up; then queue.declare (passive), a confirmed publish and queue.delete on it" queue_killed

# ---------------------------------------------------------------- quorum queue timeout
quorum_timeout() {
  "$python" - "$port" <<'EOF'
import sys, pika
c = pika.BlockingConnection(pika.ConnectionParameters(host="127.0.0.1", port=int(sys.argv[1])))
ch = c.channel()
ch.queue_declare("qq-jobs", durable=True, arguments={"x-queue-type": "quorum"})
ch.basic_publish("", "qq-jobs", b"job")
c.close()
print("declared quorum queue qq-jobs with one message")
EOF
  shown rabbitmqctl -n "$node" eval '{ok, Q} = rabbit_amqqueue:lookup(rabbit_misc:r(<<"/">>, queue, <<"qq-jobs">>)), {Name, _} = amqqueue:get_pid(Q), sys:suspend(Name), Name.'
  op get qq-jobs
  shown rabbitmqctl -n "$node" eval '{ok, Q} = rabbit_amqqueue:lookup(rabbit_misc:r(<<"/">>, queue, <<"qq-jobs">>)), {Name, _} = amqqueue:get_pid(Q), sys:resume(Name).'
  op get qq-jobs
}
capture internal-error-quorum-timeout "a quorum queue whose Ra server process is suspended with sys:suspend, then basic.get on it; resumed afterwards" quorum_timeout

# ---------------------------------------------------------------- virtual host down
vhost_down() {
  shown rabbitmqctl -n "$node" add_vhost broken
  shown rabbitmqctl -n "$node" set_permissions -p broken guest '.*' '.*' '.*'
  # Stops the vhost's supervision tree (message stores, queues) and keeps the vhost record, as a
  # vhost whose message store failed to start ends up.
  shown rabbitmqctl -n "$node" eval 'rabbit_vhost_sup_sup:stop_and_delete_vhost(<<"broken">>).'
  shown rabbitmq-diagnostics -n "$node" check_virtual_hosts
  echo "## client: pika BlockingConnection to virtual host broken (stderr)"
  "$python" - "$port" <<'EOF' 2>&1
import sys, pika
try:
    pika.BlockingConnection(pika.ConnectionParameters(
        host="127.0.0.1", port=int(sys.argv[1]), virtual_host="broken", connection_attempts=1))
    print("connected")
except Exception as error:
    print(f"{type(error).__module__}.{type(error).__name__}: {error}", file=sys.stderr)
EOF
  shown rabbitmqctl -n "$node" restart_vhost -p broken
  shown rabbitmq-diagnostics -n "$node" check_virtual_hosts
  shown rabbitmqctl -n "$node" delete_vhost broken
}
capture internal-error-vhost-down "virtual host broken whose supervisor is stopped with rabbit_vhost_sup_sup:stop_and_delete_vhost/1 (the record stays), a pika connection to it, then rabbitmqctl restart_vhost" vhost_down
