#!/usr/bin/env bash
# Makes Tests/Fixtures/api-bundle with `rmq-doctor collect` against the management APIs of the
# two-node test cluster of .ci/cluster-start (rabbit@localhost on 127.0.0.1:15672, rabbit2@localhost
# on 127.0.0.1:15673), while pika clients hold three connections open: two with heartbeat 0 on
# rabbit@localhost (one named with a URL that carries a password, which the bundle must not
# keep) and one with the default heartbeat on rabbit2. The clients are closed on exit, also on
# failure. Nothing is edited afterwards: the bundle is what `collect` wrote, and a README is added.
#
# Needs the cluster up and the binary built:
#   swift build && sudo bash .ci/with-broker bash Tests/Fixtures/lab/capture-api-bundle.sh
set -euo pipefail
cd "$(dirname "$0")/../../.."
out=Tests/Fixtures/api-bundle
python=${RMQ_DOCTOR_PYTHON:-$(bash .ci/live-python)}
binary=${RMQ_DOCTOR_BINARY:-.build/debug/rmq-doctor}
versions="RabbitMQ $(rabbitmqctl -q version 2>/dev/null), pika $("$python" -c 'import pika; print(pika.__version__)')"

clients=$(mktemp)
"$python" - > "$clients" <<'PY' &
import pika, sys, time
opened = []
for name, port, heartbeat in [("orders-worker", 5672, 0), ("amqp://app:s3cret@example/", 5672, 0), ("reports", 5673, None)]:
    parameters = pika.ConnectionParameters("127.0.0.1", port, heartbeat=heartbeat, client_properties={"connection_name": name})
    opened.append(pika.BlockingConnection(parameters))
print("open", flush=True)
sys.stdin.read() if False else time.sleep(120)
PY
client_pid=$!
trap 'kill "$client_pid" 2>/dev/null || true; rm -f "$clients"' EXIT
for _ in $(seq 1 30); do grep -q open "$clients" && break; sleep 1; done
grep -q open "$clients" || { echo "the pika clients did not connect" >&2; exit 1; }
# The management plugin publishes connection statistics every 5 s.
sleep 6

rm -rf "$out"
RMQ_DOCTOR_PASSWORD=guest "$binary" collect --url http://127.0.0.1:15672 --url http://127.0.0.1:15673 \
  --user guest --yes "$out"
chmod 755 "$out" && chmod 644 "$out"/*
cat > "$out/README.md" <<README
# api-bundle

Written by \`rmq-doctor collect --url http://127.0.0.1:15672 --url http://127.0.0.1:15673 --user
guest --yes\` on $(date -u +%Y-%m-%d) against the two-node test cluster ($versions) while pika held
three connections open: \`orders-worker\` and one named \`amqp://app:PASSWORD@example/\` (with a real password) with
heartbeat 0 on rabbit@localhost, \`reports\` with the default heartbeat on rabbit2@localhost.
\`manifest.json\` says how each file was taken and what was scrubbed (the password of that
connection name). rabbit2's TLS certificate is the 5-day one of .ci/cluster-start, so its
certificate-expiration health check fails. Made by \`Tests/Fixtures/lab/capture-api-bundle.sh\`;
nothing edited, but the file modes (collect writes 0700/0600) and this README.
README
echo "wrote $out"
