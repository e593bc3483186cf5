#!/usr/bin/env bash
# Captures what RabbitMQ, its CLI tools and pika print while a resource alarm or a configured
# limit holds, into Tests/Fixtures/captures/{alarm,limits}-*.txt, and the read-only diagnostics'
# outputs during a memory alarm into Tests/Fixtures/alarm-bundle/. Each capture file: a header
# line saying how, the client's output, the outputs of the commands run meanwhile, then the bytes
# the broker appended to its log; nothing edited.
#
# Needs the loopback test broker (.ci/broker-start) and root. Every change it makes is undone on
# exit, also on failure: the memory watermark and disk free limit are put back to the exact terms
# they had, the vhost and user are deleted, and a broker restarted with a low file descriptor
# limit and JSON logging is stopped and started again by .ci/broker-start.
set -euo pipefail
cd "$(dirname "$0")/../../.."
source Tests/Fixtures/lab/capture-lib.sh   # shown, node_env, remove_lab
python=$(bash .ci/live-python)
log=${RMQ_DOCTOR_BROKER_LOG:-/var/log/rabbitmq/rabbit@localhost.log}
out=Tests/Fixtures/captures
bundle=Tests/Fixtures/alarm-bundle
client=Tests/LiveBrokerTests/Clients/limits_client.py
versions="RabbitMQ $(rabbitmqctl -q version 2>/dev/null) (Debian package $(dpkg-query -W -f '${Version}' rabbitmq-server)), Erlang $(dpkg-query -W -f '${Version}' erlang-base), pika $("$python" -c 'import pika; print(pika.__version__)'), CPython $("$python" -c 'import platform; print(platform.python_version())')"

watermark=$(rabbitmqctl -q eval 'vm_memory_monitor:get_vm_memory_high_watermark().')
disk_limit=$(rabbitmqctl -q eval 'rabbit_disk_monitor:get_disk_free_limit().')
vhost=rmq-doctor-limits
user=rmq-doctor-limited
restarted=no
undo() {
  rabbitmqctl -q eval "vm_memory_monitor:set_vm_memory_high_watermark($watermark)." >/dev/null 2>&1 || true
  rabbitmqctl -q eval "rabbit_disk_monitor:set_disk_free_limit($disk_limit)." >/dev/null 2>&1 || true
  rabbitmqctl -q delete_vhost "$vhost" >/dev/null 2>&1 || true
  rabbitmqctl -q delete_user "$user" >/dev/null 2>&1 || true
  if [ "$restarted" = yes ]; then
    bash .ci/broker-stop >/dev/null 2>&1 || true
    bash .ci/broker-start >/dev/null
  fi
}
trap undo EXIT


# capture NAME HOW SETUP-FUNCTION: runs SETUP-FUNCTION (which starts clients and commands) with its
# output as the capture's body, then appends the broker log bytes written meanwhile.
capture() {
  local name=$1 how=$2 run=$3
  local file="$out/$name.txt" start
  start=$(stat -c %s "$log")
  {
    echo "# Produced by Tests/Fixtures/lab/capture-alarms-limits.sh against the loopback test broker of .ci/broker-start ($how). $versions; $(date -u +%Y-%m-%dT%H:%M:%SZ). Sections: each client's output (stdout and stderr) and each command's output, in the order they ran, then the broker log bytes appended during the run; nothing edited."
    "$run"
    sleep 1
    echo "## broker log"
    tail -c +"$((start + 1))" "$log"
  } > "$file"
  echo "captured $file" >&2
}

client() {  # client MODE ARGS...: a section with the client's output
  echo "## client: $client $*"
  "$python" "$client" "$@" 2>&1 || true
}

# ---------------------------------------------------------------- memory alarm
memory_alarm() {
  client publish-blocked --name app-before-alarm --queue alarm-jobs --count 20 --seconds 5
  shown rabbitmqctl set_vm_memory_high_watermark 0.0001
  sleep 1
  "$python" "$client" publish-blocked --name app-publisher --queue alarm-jobs --count 20 --seconds 8 \
    > /tmp/rmq-doctor-publisher.txt 2>&1 &
  local publisher=$!
  sleep 3
  # The evidence bundle, read by diagnose --evidence, while the publisher is blocked.
  mkdir -p "$bundle"
  rabbitmq-diagnostics -q alarms > "$bundle/rabbitmq-diagnostics-alarms.txt" 2>&1 || true
  rabbitmq-diagnostics -q status > "$bundle/rabbitmq-diagnostics-status.txt" 2>&1 || true
  rabbitmq-diagnostics -q memory_breakdown > "$bundle/rabbitmq-diagnostics-memory_breakdown.txt" 2>&1 || true
  rabbitmqctl list_connections name state user peer_host peer_port connected_at timeout \
    > "$bundle/rabbitmqctl-list_connections.txt" 2>&1 || true
  shown rabbitmq-diagnostics -q check_local_alarms
  shown rabbitmq-diagnostics -q alarms
  shown rabbitmqctl -q list_connections name state
  wait "$publisher" || true
  echo "## client: $client publish-blocked --name app-publisher --queue alarm-jobs --count 20 --seconds 8"
  cat /tmp/rmq-doctor-publisher.txt; rm -f /tmp/rmq-doctor-publisher.txt
  client consume-blocked --name app-consumer --queue alarm-jobs --seconds 3
  shown rabbitmqctl -q eval "vm_memory_monitor:set_vm_memory_high_watermark($watermark)."
}
capture alarm-memory "vm_memory_high_watermark lowered to 0.0001 with rabbitmqctl, then put back to $watermark" memory_alarm

# ---------------------------------------------------------------- disk alarm
disk_alarm() {
  shown rabbitmqctl set_disk_free_limit 100000GB
  sleep 2
  client publish-blocked --name app-disk-publisher --queue disk-jobs --count 5 --seconds 4
  shown rabbitmq-diagnostics -q alarms
  rabbitmq-diagnostics -q status > "$out/alarm-disk-rabbitmq-diagnostics-status.txt" 2>&1 || true
  shown rabbitmq-diagnostics -q check_local_alarms
  shown rabbitmqctl -q eval "rabbit_disk_monitor:set_disk_free_limit($disk_limit)."
  rabbitmqctl -q delete_queue disk-jobs >/dev/null 2>&1 || true
}
capture alarm-disk "disk_free_limit raised to 100000GB with rabbitmqctl, then put back to $disk_limit bytes" disk_alarm

# ---------------------------------------------------------------- limits
limits() {
  shown rabbitmqctl add_vhost "$vhost"
  shown rabbitmqctl set_permissions -p "$vhost" guest '.*' '.*' '.*'
  shown rabbitmqctl set_vhost_limits -p "$vhost" '{"max-connections": 2, "max-queues": 2}'
  shown rabbitmqctl add_user "$user" limited-secret
  shown rabbitmqctl set_permissions -p / "$user" '.*' '.*' '.*'
  shown rabbitmqctl set_user_limits "$user" '{"max-connections": 1, "max-channels": 2}'
  shown rabbitmqctl list_vhost_limits --global
  shown rabbitmqctl list_user_limits --user "$user"
  rabbitmqctl list_vhost_limits --global > "$bundle/rabbitmqctl-list_vhost_limits.txt" 2>&1 || true
  rabbitmqctl list_user_limits --global > "$bundle/rabbitmqctl-list_user_limits.txt" 2>&1 || true
  client connections --vhost "$vhost" --name app-vhost-conn --count 3 --seconds 1
  client queues --vhost "$vhost" --name app-vhost-queues --queue work --count 3
  client connections --user "$user" --password limited-secret --name app-user-conn --count 2 --seconds 1
  client channels --user "$user" --password limited-secret --name app-user-channels --count 3
  client channel-past-max --name app-channel-max --count 4
  shown rabbitmqctl delete_vhost "$vhost"
  shown rabbitmqctl delete_user "$user"
}
capture limits "vhost $vhost with max-connections 2 and max-queues 2, user $user with max-connections 1 and max-channels 2, a client that negotiates channel_max 4; all deleted afterwards" limits

# ---------------------------------------------------------------- file descriptors, JSON log
# The node is restarted with ulimit -n 128 and the JSON log formatter (a configuration file of its
# own, given by RABBITMQ_CONFIG_FILE); the undo restarts it as .ci/broker-start configures it.
fd_limit() {
  local conf=/tmp/rmq-doctor-fd-limit.conf
  printf '%s\n' "listeners.tcp.default = 127.0.0.1:5672" "log.file.formatter = json" > "$conf"
  chmod 644 "$conf"
  restarted=yes
  echo "## \$ rabbitmqctl shutdown; ulimit -n 128; RABBITMQ_CONFIG_FILE=$conf rabbitmq-server -detached"
  timeout 60 rabbitmqctl -q shutdown >/dev/null 2>&1 || true
  ( ulimit -n 128; RABBITMQ_CONFIG_FILE=$conf rabbitmq-server -detached )
  for _ in $(seq 1 60); do rabbitmq-diagnostics -q ping >/dev/null 2>&1 && break; sleep 1; done
  rabbitmqctl -q await_startup --timeout 60 >/dev/null 2>&1 || true
  sleep 2
  shown sh -c "rabbitmq-diagnostics -q status | sed -n '/File Descriptors/,/Free Disk/p'"
  "$python" "$client" connections --name app-many --count 150 --seconds 15 > /tmp/rmq-doctor-many.txt 2>&1 &
  local many=$!
  sleep 12
  # While the connections are held and the file descriptor alarm is in effect.
  rabbitmq-diagnostics -q status > "$out/fd-limit-rabbitmq-diagnostics-status.txt" 2>&1 || true
  shown rabbitmq-diagnostics -q alarms
  shown rabbitmq-diagnostics -q check_local_alarms
  wait "$many" || true
  echo "## client: $client connections --name app-many --count 150 --seconds 15"
  cat /tmp/rmq-doctor-many.txt; rm -f /tmp/rmq-doctor-many.txt
  shown rabbitmqctl set_vm_memory_high_watermark 0.0001
  sleep 1
  shown rabbitmqctl -q eval "vm_memory_monitor:set_vm_memory_high_watermark($watermark)."
}
capture fd-limit-json "broker restarted with ulimit -n 128 and log.file.formatter = json, 150 connections opened, then a memory alarm raised and cleared; restarted as before afterwards" fd_limit
