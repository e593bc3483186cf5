#!/usr/bin/env bash
# Captures the long tail of connection failures that carry no reason, or only a timeout, into
# Tests/Fixtures/captures/longtail-*.txt:
#   longtail-closed-no-reason.txt  what pika and kombu (py-amqp) print when the peer closes during
#       or after the handshake without an AMQP reason: a TCP server that accepts and closes at once,
#       one that reads the protocol header and closes, one that says nothing; the same clients
#       against a real node with a wrong password and a missing virtual host (with pika's log at
#       INFO); a raw client killed with SIGKILL mid-handshake, with the node's log.
#   longtail-node-killed.txt  a pika connection open on a node whose Erlang VM is killed (SIGKILL),
#       so no Connection.Close is ever sent.
#   longtail-syn-drop.txt  connects to a port whose SYNs an nftables rule drops: pika with
#       socket_timeout and connection_attempts, Python's socket with and without a timeout,
#       kombu, Go (amqp091-go), Java and Node.js sockets, each with its timeout text.
# Each file: a header line saying how it was made, each command as "## $ command" with its output
# (stdout and stderr) and exit status, each client's output, and for the node the bytes it
# appended to its log; nothing edited.
#
# Uses only its own node lt1a@localhost (AMQP 127.0.0.1:5711, distribution 25711), a fake server
# on 127.0.0.1:5712 and the dropped port 127.0.0.1:5713, with everything under /tmp/longtail/lab.
# It never touches rabbit@localhost or rabbit2@localhost. Needs root, nft, the live Python with
# pika (.ci/live-python), and a Python with kombu for the kombu parts (KOMBU_PYTHON, default
# /tmp/lt1-venv/bin/python3: python3 -m venv /tmp/lt1-venv && /tmp/lt1-venv/bin/pip install
# kombu; skipped without it). Go (Debian's golang-go and golang-github-rabbitmq-amqp091-go-dev),
# java and node are used when present. Everything it changes is undone on exit, also on failure:
# background processes are killed by pid, the nftables table lt1_longtail is deleted, the node is
# stopped and /tmp/longtail/lab removed.
set -euo pipefail
cd "$(dirname "$0")/../../.."
source Tests/Fixtures/lab/capture-lib.sh   # shown, node_env, remove_lab
out=Tests/Fixtures/captures
base=/tmp/longtail/lab
node=lt1a@localhost
port=5711
fake=5712
dropped=5713
python=$(bash .ci/live-python)
kombu_python=${KOMBU_PYTHON:-/tmp/lt1-venv/bin/python3}
client=Tests/LiveBrokerTests/Clients/longtail_connection_client.py
table=lt1_longtail
versions="RabbitMQ $(dpkg-query -W -f '${Version}' rabbitmq-server) (Debian package), Erlang $(dpkg-query -W -f '${Version}' erlang-base), pika $("$python" -c 'import pika; print(pika.__version__)'), CPython $("$python" -c 'import platform; print(platform.python_version())')"
have_kombu=false
if "$kombu_python" -c 'import kombu, amqp' >/dev/null 2>&1; then
  have_kombu=true
  versions="$versions, kombu $("$kombu_python" -c 'import kombu; print(kombu.__version__)') with py-amqp $("$kombu_python" -c 'import amqp; print(amqp.__version__)')"
fi

pids=()
undo() {
  set +e
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
  nft delete table inet "$table" 2>/dev/null
  remove_lab "$base" "$node" "$base/node/node.pid"
}
trap undo EXIT

d=$base/node
log=$d/log/$node.log
install -d -o rabbitmq -g rabbitmq "${base%/*}" "$base" "$d" "$d/mnesia" "$d/log"
printf '%s\n' "listeners.tcp.default = 127.0.0.1:$port" > "$d/node.conf"
printf '%s\n' "[]." > "$d/enabled_plugins"
chown rabbitmq:rabbitmq "$d/node.conf" "$d/enabled_plugins"
node_env "$d" "$node" $port 25711
unset RABBITMQ_LOGS RABBITMQ_ADVANCED_CONFIG_FILE
start_node() {
  rabbitmq-server -detached
  for _ in $(seq 1 90); do rabbitmq-diagnostics -n "$node" -q ping >/dev/null 2>&1 && break; sleep 1; done
  timeout 120 rabbitmqctl -n "$node" -q await_startup --timeout 90
}
start_node

# capture NAME HOW FUNCTION: the function's output as the capture's body, then the log bytes the
# node appended meanwhile.
capture() {
  local name=$1 how=$2 run=$3 start=0
  [ -f "$log" ] && start=$(stat -c %s "$log")
  {
    echo "# Produced by Tests/Fixtures/lab/capture-long-tail-connections.sh with its own node $node (AMQP 127.0.0.1:$port) under $base ($how). $versions; $(date -u +%Y-%m-%dT%H:%M:%SZ). Sections: each command's output (stdout and stderr) and exit status and each client's output, in the order they ran, then the bytes the node appended to its log during the run; nothing edited."
    "$run"
    sleep 2
    echo "## node log: $log (bytes appended during the run)"
    [ -f "$log" ] && tail -c +"$((start + 1))" "$log"
    true
  } > "$out/$name.txt"
  echo "captured $out/$name.txt" >&2
}

# client PYTHON ARGS...: one client run as a section.
client() {
  local py=$1; shift
  echo "## client: $client $* (stdout and stderr)"
  "$py" "$client" "$@" 2>&1 || echo "(exit status $?)"
}
# fake_server BEHAVIOUR: the fake server on $fake in the background until it prints ready.
fake_server() {
  "$python" "$client" serve --port "$fake" --behaviour "$1" --seconds 60 > "$base/serve.out" 2>&1 &
  pids+=("$!")
  for _ in $(seq 1 20); do grep -q '^ready' "$base/serve.out" 2>/dev/null && return 0; sleep 0.25; done
  cat "$base/serve.out"; return 1
}
stop_fake() { kill "${pids[-1]}" 2>/dev/null; wait "${pids[-1]}" 2>/dev/null || true; }

# ---------------------------------------------------------------- closes without a reason
closed_no_reason() {
  echo "## fake server on 127.0.0.1:$fake: accepts and closes at once"
  fake_server close
  client "$python" pika --port "$fake"
  client "$python" pika --port "$fake" --log info
  if $have_kombu; then
    client "$kombu_python" kombu --port "$fake"
    client "$kombu_python" kombu --port "$fake" --ensure
  fi
  stop_fake
  echo "## fake server on 127.0.0.1:$fake: reads the 8-byte protocol header, then closes"
  fake_server close-after-header
  client "$python" pika --port "$fake"
  if $have_kombu; then client "$kombu_python" kombu --port "$fake"; fi
  stop_fake
  echo "## fake server on 127.0.0.1:$fake: accepts and never sends anything"
  fake_server silent
  client "$python" pika --port "$fake" --stack-timeout 3
  if $have_kombu; then client "$kombu_python" kombu --port "$fake" --connect-timeout 3; fi
  stop_fake
  echo "## the node on 127.0.0.1:$port: wrong password, then a virtual host that does not exist"
  client "$python" pika --port "$port" --password wrong-password --log info
  client "$python" pika --port "$port" --vhost no-such-vhost
  if $have_kombu; then
    client "$kombu_python" kombu --port "$port" --vhost no-such-vhost
  fi
  echo "## the node on 127.0.0.1:$port: a client that sends the protocol header and is killed with SIGKILL"
  client "$python" header-then-die --port "$port"
}
capture longtail-closed-no-reason "pika and kombu against a fake TCP server on 127.0.0.1:$fake that closes at once, closes after the protocol header, or stays silent; then against the node with a wrong password and a missing virtual host; then a raw client killed mid-handshake" closed_no_reason

# ---------------------------------------------------------------- the node killed under a client
node_killed() {
  "$python" "$client" pika-hold --port "$port" --seconds 30 > "$base/hold.out" 2>&1 &
  pids+=("$!")
  for _ in $(seq 1 30); do grep -q '^ready' "$base/hold.out" 2>/dev/null && break; sleep 0.5; done
  local beam
  beam=$(cat "$d/node.pid")
  shown rabbitmqctl -n "$node" -q list_connections name state
  echo "## kill -KILL $beam (the node's Erlang VM, from $d/node.pid)"
  kill -KILL "$beam"
  wait "${pids[-1]}" || true
  echo "## client: $client pika-hold --port $port --seconds 30 (stdout and stderr)"
  cat "$base/hold.out"
}
capture longtail-node-killed "a pika connection held open on the node, then the node's Erlang VM killed with SIGKILL so that no Connection.Close is sent" node_killed
# The node is gone: stop remove_lab from waiting on it.
rm -f "$d/node.pid"

# ---------------------------------------------------------------- SYN dropped
syn_drop() {
  nft add table inet "$table"
  nft add chain inet "$table" input '{ type filter hook input priority -10; policy accept; }'
  nft add rule inet "$table" input ip daddr 127.0.0.1 tcp dport "$dropped" drop
  shown nft list table inet "$table"
  # The kernel's own timeout (tcp_syn_retries) takes about two minutes: these run meanwhile.
  echo "## background: python3 socket.create_connection without a timeout, java Socket.connect() without a timeout, node net.connect(), all to 127.0.0.1:$dropped"
  "$python" "$client" socket --port "$dropped" > "$base/socket-notimeout.out" 2>&1 &
  pids+=("$!"); local p_sock=$!
  local p_java="" p_node=""
  if command -v java >/dev/null; then
    cat > "$base/Connect.java" <<EOF
import java.net.InetSocketAddress;
import java.net.Socket;

public class Connect {
    public static void main(String[] args) throws Exception {
        int timeout = Integer.parseInt(args[0]);
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", $dropped), timeout);
        }
    }
}
EOF
    java "$base/Connect.java" 0 > "$base/java-notimeout.out" 2>&1 &
    pids+=("$!"); p_java=$!
  fi
  if command -v node >/dev/null; then
    node -e "require('net').connect($dropped, '127.0.0.1').on('error', e => { console.error(String(e.stack)); process.exit(1) })" > "$base/node.out" 2>&1 &
    pids+=("$!"); p_node=$!
  fi
  sleep 1
  shown ss -tn state syn-sent "( dport = :$dropped )"
  client "$python" pika --port "$dropped" --socket-timeout 3 --attempts 2
  client "$python" pika --port "$dropped" --socket-timeout 3 --log info
  client "$python" socket --port "$dropped" --timeout 3
  if $have_kombu; then
    client "$kombu_python" kombu --port "$dropped" --connect-timeout 3
    client "$kombu_python" kombu --port "$dropped" --connect-timeout 3 --ensure
  fi
  if command -v java >/dev/null; then
    echo "## java $(java -version 2>&1 | head -1 | tr -d '"'): Socket.connect(127.0.0.1:$dropped, 3000)"
    java "$base/Connect.java" 3000 2>&1 || echo "(exit status $?)"
  fi
  if command -v go >/dev/null && dpkg-query -W golang-github-rabbitmq-amqp091-go-dev >/dev/null 2>&1; then
    install -d "$base/go" "$base/go/cache"
    cat > "$base/go/main.go" <<EOF
// amqp091-go's DialConfig with a 3 second dial timeout, then its default Dial (30 s).
package main

import (
	"fmt"
	"time"

	amqp "github.com/rabbitmq/amqp091-go"
)

func main() {
	_, err := amqp.DialConfig("amqp://guest:guest@127.0.0.1:$dropped/", amqp.Config{Dial: amqp.DefaultDial(3 * time.Second)})
	fmt.Printf("DialConfig with DefaultDial(3s): %T: %v\n", err, err)
	_, err = amqp.Dial("amqp://guest:guest@127.0.0.1:$dropped/")
	fmt.Printf("Dial: %T: %v\n", err, err)
}
EOF
    if (cd "$base/go" && GO111MODULE=off GOPATH=/usr/share/gocode GOCACHE=$base/go/cache go build -o dial main.go); then
      echo "## $(go version), amqp091-go $(dpkg-query -W -f '${Version}' golang-github-rabbitmq-amqp091-go-dev) (Debian package): $base/go/dial"
      "$base/go/dial" 2>&1 || echo "(exit status $?)"
    fi
  fi
  wait "$p_sock" || true
  echo "## background client: $client socket --port $dropped (no timeout; stdout and stderr)"
  cat "$base/socket-notimeout.out"
  if [ -n "$p_java" ]; then
    wait "$p_java" || true
    echo "## background client: java Connect.java 0 (Socket.connect without a timeout; stdout and stderr)"
    cat "$base/java-notimeout.out"
  fi
  if [ -n "$p_node" ]; then
    wait "$p_node" || true
    echo "## background client: node $(node --version) net.connect($dropped, '127.0.0.1') (stdout and stderr)"
    cat "$base/node.out"
  fi
  shown sysctl net.ipv4.tcp_syn_retries
  nft delete table inet "$table"
}
capture longtail-syn-drop "an nftables rule in its own table $table dropping every packet to 127.0.0.1:$dropped, so each SYN goes unanswered; the clients' connect timeouts, and the kernel's own after its SYN retries; the rule deleted at the end" syn_drop
