# Sourced by the capture scripts beside it.

# shown COMMAND...: the command line as a section heading, then its output (stdout and stderr)
# and its exit status. CAPTURE_TIMEOUT (seconds), when set, bounds the command with timeout(1);
# status 124 then means it was stopped.
shown() {
  echo "## \$ $*"
  local status=0
  if [ -n "${CAPTURE_TIMEOUT:-}" ]; then
    timeout "$CAPTURE_TIMEOUT" "$@" 2>&1 || status=$?
  else
    "$@" 2>&1 || status=$?
  fi
  echo "(exit status $status)"
}

# node_env DIR NODE AMQP-PORT DIST-PORT: exports what makes rabbitmq-server and the CLI tools
# use a node of one's own kept in DIR: its name and ports, DIR/mnesia, DIR/log, DIR/node.conf,
# DIR/node.pid, DIR/enabled_plugins, and its crash dump in DIR/log.
node_env() {
  local d=$1
  export RABBITMQ_NODENAME=$2 RABBITMQ_NODE_PORT=$3 RABBITMQ_DIST_PORT=$4 \
    RABBITMQ_MNESIA_BASE=$d/mnesia RABBITMQ_LOG_BASE=$d/log RABBITMQ_CONFIG_FILE=$d/node.conf \
    RABBITMQ_PID_FILE=$d/node.pid RABBITMQ_ENABLED_PLUGINS_FILE=$d/enabled_plugins \
    ERL_CRASH_DUMP=$d/log/erl_crash.dump
}

# remove_lab BASE NODE PID-FILE: stops NODE (shutdown, then its pid), any process of user
# rabbitmq started with BASE in its command line (a foreground node that outlived its timeout),
# and removes BASE and its parent folder when that is empty. Never fails: it runs on exit.
remove_lab() {
  local base=$1 node=$2 pid_file=$3 pid
  if [ -f "$pid_file" ]; then
    timeout 60 rabbitmqctl -n "$node" -q shutdown >/dev/null 2>&1
    pid=$(cat "$pid_file" 2>/dev/null)
    [ -n "$pid" ] && kill "$pid" 2>/dev/null
  fi
  for pid in $(pgrep -u rabbitmq -f "$base/" 2>/dev/null); do kill "$pid" 2>/dev/null; done
  sleep 1
  rm -rf "$base"
  rmdir "${base%/*}" 2>/dev/null
  true
}
