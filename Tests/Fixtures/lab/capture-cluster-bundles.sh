#!/usr/bin/env bash
# Captures the read-only diagnostics' outputs on the two-node test cluster of .ci/cluster-start
# (rabbit@localhost and rabbit2@localhost) into two evidence bundles that `rmq-doctor diagnose
# --evidence` reads, each with a README saying how:
#   Tests/Fixtures/partition-bundle/  rabbit2's view during a network partition: rabbit2's
#       beam.smp stopped (SIGSTOP) for 25 s, longer than the 15 s net_ticktime, then resumed;
#       also its TLS listener (a CA made by .ci/cluster-start, a certificate valid 5 days)
#   Tests/Fixtures/cli-cookie-bundle/ the CLI tools run with another Erlang cookie
#       (RABBITMQ_ERLANG_COOKIE), and against a node name that does not run
#   Tests/Fixtures/links-bundle/ rabbit2's plugins, a dynamic shovel whose source port is closed
#       and a federation upstream with a wrong password (both removed again)
# Nothing edited. Every change is undone on exit, also on failure: the stopped process is
# resumed, and rabbit2's RabbitMQ application is restarted to heal the partition.
#
# Needs the cluster up (sudo bash .ci/with-broker bash Tests/Fixtures/lab/capture-cluster-bundles.sh)
# and root.
set -euo pipefail
cd "$(dirname "$0")/../../.."
node2=rabbit2@localhost
pid_file=/var/lib/rabbitmq/node2/$node2.pid
partition=Tests/Fixtures/partition-bundle
cookie=Tests/Fixtures/cli-cookie-bundle
versions="RabbitMQ $(rabbitmqctl -q version 2>/dev/null) (Debian package $(dpkg-query -W -f '${Version}' rabbitmq-server)), Erlang $(dpkg-query -W -f '${Version}' erlang-base), $(openssl version | cut -d' ' -f1-2)"
today=$(date -u +%Y-%m-%d)

pid=$(cat "$pid_file")
heal() {
  kill -CONT "$pid" 2>/dev/null || true
  sleep 2
  rabbitmqctl -n "$node2" -q stop_app >/dev/null 2>&1 || true
  rabbitmqctl -n "$node2" -q start_app >/dev/null 2>&1 || true
}
trap heal EXIT

# keep FILE COMMAND...: the command's stdout and stderr, unedited, as FILE.
keep() {
  local file=$1; shift
  "$@" > "$file" 2>&1 || true
}

# ---------------------------------------------------------------- partition
rm -rf "$partition"; mkdir -p "$partition"
echo "stopping $node2 (pid $pid) for 25 s" >&2
kill -STOP "$pid"
sleep 25
keep Tests/Fixtures/captures/cluster-status-node2-stopped.txt rabbitmq-diagnostics cluster_status
kill -CONT "$pid"
sleep 8
export RABBITMQ_NODENAME=$node2
keep "$partition/rabbitmq-diagnostics-cluster_status.txt" rabbitmq-diagnostics cluster_status
keep "$partition/rabbitmq-diagnostics-check_running.txt" rabbitmq-diagnostics check_running
keep "$partition/rabbitmq-diagnostics-check_certificate_expiration.txt" \
  rabbitmq-diagnostics check_certificate_expiration --unit days --within 30
keep "$partition/rabbitmq-diagnostics-tls_versions.txt" rabbitmq-diagnostics tls_versions
keep "$partition/rabbitmq-diagnostics-q-listeners.txt" rabbitmq-diagnostics -q listeners
keep "$partition/openssl-s_client.txt" openssl s_client -connect localhost:5671 -verify_return_error < /dev/null
unset RABBITMQ_NODENAME
heal
trap - EXIT
cat > "$partition/README.md" <<EOF
# Evidence bundle: rabbit2@localhost during a network partition

Real outputs, unedited, of read-only commands run by \`Tests/Fixtures/lab/capture-cluster-bundles.sh\` on $today against the two-node test cluster of \`.ci/cluster-start\` (rabbit@localhost and rabbit2@localhost on one host, net_ticktime 15 s; $versions). rabbit2's \`beam.smp\` was stopped with SIGSTOP for 25 s: rabbit@localhost logged \`node rabbit2@localhost down: net_tick_timeout\`, and once rabbit2 was resumed both nodes logged \`inconsistent_database, running_partitioned_network\`. rabbit@localhost's view while rabbit2 was stopped (rabbit2 not running, no partition yet) is kept apart, as \`../captures/cluster-status-node2-stopped.txt\`, so that this folder shows one moment; these files are rabbit2's view 8 s after it was resumed (RABBITMQ_NODENAME=rabbit2@localhost), with the partition. rabbit2 has a TLS listener on 127.0.0.1:5671 whose certificate, made by \`.ci/cluster-start\` from its own throwaway CA, is valid for 5 days; that CA is not in the system's trust store, which \`openssl s_client\` uses. The script healed the partition afterwards (restarting rabbit2's RabbitMQ application). File names follow the evidence patterns of \`Content/diagnostics\`.

| file | command |
|---|---|
| \`rabbitmq-diagnostics-cluster_status.txt\` | \`rabbitmq-diagnostics cluster_status\` |
| \`rabbitmq-diagnostics-check_running.txt\` | \`rabbitmq-diagnostics check_running\` |
| \`rabbitmq-diagnostics-check_certificate_expiration.txt\` | \`rabbitmq-diagnostics check_certificate_expiration --unit days --within 30\` |
| \`rabbitmq-diagnostics-tls_versions.txt\` | \`rabbitmq-diagnostics tls_versions\` |
| \`rabbitmq-diagnostics-q-listeners.txt\` | \`rabbitmq-diagnostics -q listeners\` |
| \`openssl-s_client.txt\` | \`openssl s_client -connect localhost:5671 -verify_return_error < /dev/null\` |
EOF

# ---------------------------------------------------------------- wrong cookie
rm -rf "$cookie"; mkdir -p "$cookie"
keep "$cookie/rabbitmq-diagnostics-check_running.txt" \
  env RABBITMQ_ERLANG_COOKIE=not-the-cookie-of-the-node rabbitmq-diagnostics check_running
keep "$cookie/rabbitmq-diagnostics-erlang_cookie_hash.txt" \
  env RABBITMQ_ERLANG_COOKIE=not-the-cookie-of-the-node rabbitmq-diagnostics erlang_cookie_hash
keep Tests/Fixtures/captures/cluster-check-running-rabbit9.txt rabbitmq-diagnostics -n rabbit9@localhost check_running
cat > "$cookie/README.md" <<EOF
# Evidence bundle: CLI tools whose Erlang cookie is not the node's

Real outputs, unedited, of read-only commands run by \`Tests/Fixtures/lab/capture-cluster-bundles.sh\` on $today against the test broker rabbit@localhost of \`.ci/broker-start\` ($versions), with the CLI's cookie set to another value through \`RABBITMQ_ERLANG_COOKIE\` (deprecated, still read by 3.10; it stands for a \`\$HOME/.erlang.cookie\` that differs, as under sudo or in another container). 3.10's \`erlang_cookie_hash\` fails with a \`FunctionClauseError\` on \`{:badrpc, :nodedown}\` instead of printing the report. The CLI with the right cookie asked about a node name that does not run (rabbit9@localhost) is kept apart, as \`../captures/cluster-check-running-rabbit9.txt\`.

| file | command |
|---|---|
| \`rabbitmq-diagnostics-check_running.txt\` | \`RABBITMQ_ERLANG_COOKIE=... rabbitmq-diagnostics check_running\` |
| \`rabbitmq-diagnostics-erlang_cookie_hash.txt\` | \`RABBITMQ_ERLANG_COOKIE=... rabbitmq-diagnostics erlang_cookie_hash\` |
EOF
# ---------------------------------------------------------------- links
links=Tests/Fixtures/links-bundle
export RABBITMQ_ENABLED_PLUGINS_FILE=/etc/rabbitmq/node2/enabled_plugins   # the file rabbit2 reads
api() { # METHOD PATH [JSON]: the management API of rabbit2 on 127.0.0.1:15673, as guest
  python3 - "$@" <<'PY'
import base64, sys, urllib.request
method, path = sys.argv[1], sys.argv[2]
body = sys.argv[3].encode() if len(sys.argv) > 3 else None
request = urllib.request.Request("http://127.0.0.1:15673" + path, data=body, method=method, headers={
    "content-type": "application/json", "authorization": "Basic " + base64.b64encode(b"guest:guest").decode()})
urllib.request.urlopen(request, timeout=30)
PY
}
unlink() {
  rabbitmqctl -n "$node2" -q clear_parameter shovel rmq-doctor-orders-shovel >/dev/null 2>&1 || true
  rabbitmqctl -n "$node2" -q clear_policy rmq-doctor-federate >/dev/null 2>&1 || true
  rabbitmqctl -n "$node2" -q clear_parameter federation-upstream rmq-doctor-upstream >/dev/null 2>&1 || true
  api DELETE /api/exchanges/%2F/rmq-doctor-federated >/dev/null 2>&1 || true
}
trap unlink EXIT
rm -rf "$links"; mkdir -p "$links"
rabbitmqctl -n "$node2" -q set_parameter shovel rmq-doctor-orders-shovel \
  '{"src-uri":"amqp://127.0.0.1:5799","src-queue":"orders","dest-uri":"amqp://","dest-queue":"orders-copy"}' >/dev/null
rabbitmqctl -n "$node2" -q set_parameter federation-upstream rmq-doctor-upstream \
  '{"uri":"amqp://federator:wrong-password@127.0.0.1:5672"}' >/dev/null
rabbitmqctl -n "$node2" -q set_policy --apply-to exchanges rmq-doctor-federate '^rmq-doctor-federated$' \
  '{"federation-upstream":"rmq-doctor-upstream"}' >/dev/null
api PUT /api/exchanges/%2F/rmq-doctor-federated '{"type":"fanout","durable":false}'
sleep 8
export RABBITMQ_NODENAME=$node2
keep "$links/rabbitmq-plugins-list.txt" rabbitmq-plugins list
keep "$links/rabbitmqctl-shovel_status.txt" rabbitmqctl shovel_status
keep "$links/rabbitmqctl-federation_status.txt" rabbitmqctl federation_status
unset RABBITMQ_NODENAME
unlink
trap - EXIT
cat > "$links/README.md" <<EOF
# Evidence bundle: rabbit2@localhost with a shovel and a federation link that cannot connect

Real outputs, unedited, of read-only commands run by \`Tests/Fixtures/lab/capture-cluster-bundles.sh\` on $today against rabbit2@localhost of \`.ci/cluster-start\` ($versions), which runs the management, shovel and federation plugins (its own enabled_plugins file; the CLI read the same file through RABBITMQ_ENABLED_PLUGINS_FILE). A dynamic shovel \`rmq-doctor-orders-shovel\` had its source at amqp://127.0.0.1:5799, where nothing listens, and a federation upstream \`rmq-doctor-upstream\` pointed at rabbit@localhost with a user that does not exist, applied by a policy to the exchange \`rmq-doctor-federated\`; the commands ran 8 s after they were set, and the script removed all of it afterwards.

| file | command |
|---|---|
| \`rabbitmq-plugins-list.txt\` | \`rabbitmq-plugins list\` |
| \`rabbitmqctl-shovel_status.txt\` | \`rabbitmqctl shovel_status\` |
| \`rabbitmqctl-federation_status.txt\` | \`rabbitmqctl federation_status\` |
EOF
echo "captured $partition, $cookie and $links" >&2
