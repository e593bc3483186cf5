#!/usr/bin/env bash
# Captures what the RabbitMQ management HTTP API, rabbitmqadmin (v1, served by the node at
# /cli/rabbitmqadmin) and the node log say for the usual management API errors, into
# Tests/Fixtures/captures/management-*.txt: a wrong password or unknown user, a user without a
# management tag (and a monitoring user on an administrator endpoint, a management user without
# permissions), the virtual host / not URL-encoded, objects that do not exist, bad request bodies
# and methods (400, 405, a 500 from a crashed handler), a large listing that outlasts a client's
# timeout, and the plugin not enabled (connection refused). Each capture file: a header line
# saying how, then each command as "## $ command" with its output (stdout and stderr) and exit
# status, then the bytes the node appended to its log meanwhile; nothing edited.
#
# Uses only the extra node rabbit17@localhost (AMQP 127.0.0.1:5707, distribution 25707,
# management HTTP 127.0.0.1:15707), with its data, log, config, enabled_plugins file and crash
# dump under /tmp/management-api-error/lab/. It never touches rabbit@localhost or
# rabbit2@localhost. Needs root. Everything it changes is undone on exit, also on failure:
# rabbit17 is stopped (by its pid file) and /tmp/management-api-error/lab is removed.
set -euo pipefail
cd "$(dirname "$0")/../../.."
source Tests/Fixtures/lab/capture-lib.sh   # shown, node_env, remove_lab
out=Tests/Fixtures/captures
base=/tmp/management-api-error/lab
node=rabbit17@localhost
api=http://127.0.0.1:15707
versions="RabbitMQ $(dpkg-query -W -f '${Version}' rabbitmq-server) (Debian package), Erlang $(dpkg-query -W -f '${Version}' erlang-base), $(curl --version | head -n 1 | cut -d' ' -f1-2), $(python3 --version)"
live_python=$(bash .ci/live-python)

undo() {
  set +e
  if [ -f "$base/node.pid" ]; then
    timeout 60 rabbitmqctl -n "$node" -q shutdown >/dev/null 2>&1
    pid=$(cat "$base/node.pid" 2>/dev/null)
    [ -n "$pid" ] && kill "$pid" 2>/dev/null
  fi
  sleep 1
  rm -rf "$base"
  rmdir "${base%/*}" 2>/dev/null
  true
}
trap undo EXIT


log=$base/log/$node.log
mark=0
# since_mark: the bytes the node appended to its log since the capture began.
since_mark() {
  sleep 2
  echo "## node log: $log, the bytes appended during this capture"
  tail -c +$((mark + 1)) "$log"
}

capture() {  # capture NAME HOW FUNCTION
  local name=$1 how=$2 run=$3
  sleep 2   # let the log catch up with the previous step
  mark=$(stat -c %s "$log")
  {
    echo "# Produced by Tests/Fixtures/lab/capture-management-api.sh with the extra node $node (rabbitmq_management on $api, loopback only) under $base ($how). $versions; rabbitmqadmin $(rabbitmqadmin --version | cut -d' ' -f2) fetched from the node's /cli/rabbitmqadmin and run with python3 (\"rabbitmqadmin\" below); $(date -u +%Y-%m-%dT%H:%M:%SZ). Sections: each command's output (stdout and stderr) and exit status in the order they ran (curl -sS -i: status line, headers and body), then the bytes the node appended to its log meanwhile; nothing edited."
    "$run"
    since_mark
  } > "$out/$name.txt"
  echo "captured $out/$name.txt" >&2
}


# ---------------------------------------------------------------- the node
install -d -o rabbitmq -g rabbitmq "${base%/*}" "$base" "$base/mnesia" "$base/log"
printf '%s\n' "listeners.tcp.default = 127.0.0.1:5707" "management.tcp.ip = 127.0.0.1" \
  "management.tcp.port = 15707" > "$base/node.conf"
printf '%s\n' "[rabbitmq_management]." > "$base/enabled_plugins"
chown rabbitmq:rabbitmq "$base/node.conf" "$base/enabled_plugins"
export RABBITMQ_NODENAME=$node RABBITMQ_NODE_PORT=5707 RABBITMQ_DIST_PORT=25707 \
  RABBITMQ_MNESIA_BASE=$base/mnesia RABBITMQ_LOG_BASE=$base/log RABBITMQ_CONFIG_FILE=$base/node.conf \
  RABBITMQ_PID_FILE=$base/node.pid RABBITMQ_ENABLED_PLUGINS_FILE=$base/enabled_plugins \
  ERL_CRASH_DUMP=$base/erl_crash.dump
unset RABBITMQ_LOGS RABBITMQ_ADVANCED_CONFIG_FILE
(cd /tmp && rabbitmq-server -detached)
for i in $(seq 1 90); do
  rabbitmq-diagnostics -n "$node" -q ping >/dev/null 2>&1 && break
  sleep 1
done
timeout 120 rabbitmqctl -n "$node" await_startup --timeout 90 >/dev/null
for i in $(seq 1 30); do
  curl -sS -o /dev/null "$api/" 2>/dev/null && break
  sleep 1
done
install -d "$base/bin"
curl -sS -o "$base/bin/rabbitmqadmin" "$api/cli/rabbitmqadmin"
chmod +x "$base/bin/rabbitmqadmin"   # its first line: #!/usr/bin/env python3
export PATH=$base/bin:$PATH

# Users: admin (administrator), app (no tags), mon (monitoring), mgr (management, no permissions).
ctl() { rabbitmqctl -n "$node" -q "$@" >/dev/null; }
ctl add_user admin adminpw; ctl set_user_tags admin administrator
ctl set_permissions -p / admin '.*' '.*' '.*'
ctl add_user app apppw; ctl set_permissions -p / app '.*' '.*' '.*'
ctl add_user mon monpw; ctl set_user_tags mon monitoring; ctl set_permissions -p / mon '.*' '.*' '.*'
ctl add_user mgr mgrpw; ctl set_user_tags mgr management
ctl add_vhost other; ctl set_permissions -p other admin '.*' '.*' '.*'
curl -sS -o /dev/null -u admin:adminpw -X PUT -H 'content-type: application/json' -d '{"durable":true}' "$api/api/queues/%2F/jobs"

# ---------------------------------------------------------------- bad credentials
bad_credentials() {
  echo "## users: admin (tag administrator, password adminpw); no user named nobody"
  shown curl -sS -i -u admin:wrong "$api/api/overview"
  shown curl -sS -i -u nobody:whatever "$api/api/overview"
  echo "## no credentials at all"
  shown curl -sS -i "$api/api/overview"
  echo "## what the web UI's login form does: GET /api/whoami with the typed user and password (the page then shows Login failed)"
  shown curl -sS -i -u admin:wrong "$api/api/whoami"
  shown rabbitmqadmin -H 127.0.0.1 -P 15707 -u admin -p wrong list queues
  shown rabbitmqadmin -H 127.0.0.1 -P 15707 -u nobody -p whatever show overview
  echo "## the right password"
  shown curl -sS -i -u admin:adminpw "$api/api/whoami"
}
capture management-bad-credentials "a wrong password, an unknown user and no credentials, with curl and rabbitmqadmin" bad_credentials

# ---------------------------------------------------------------- management tag
no_management_tag() {
  echo "## users: app (no tags, all permissions in /), mon (tag monitoring), mgr (tag management, no permissions anywhere)"
  shown rabbitmqctl -n "$node" list_users
  shown curl -sS -i -u app:apppw "$api/api/whoami"
  shown curl -sS -i -u app:apppw "$api/api/queues"
  shown rabbitmqadmin -H 127.0.0.1 -P 15707 -u app -p apppw list queues
  echo "## a monitoring user on an endpoint for administrators only"
  shown curl -sS -i -u mon:monpw "$api/api/users"
  shown rabbitmqadmin -H 127.0.0.1 -P 15707 -u mon -p monpw list users
  echo "## a management user on a virtual host it has no permissions in"
  shown curl -sS -i -u mgr:mgrpw "$api/api/queues/%2F"
  shown rabbitmqadmin -H 127.0.0.1 -P 15707 -u mgr -p mgrpw -V / list queues
  echo "## listing all virtual hosts filters instead of refusing"
  shown rabbitmqadmin -H 127.0.0.1 -P 15707 -u mgr -p mgrpw list queues
  echo "## the fix: give app the management tag (set_user_tags replaces all tags)"
  shown rabbitmqctl -n "$node" set_user_tags app management
  shown curl -sS -i -u app:apppw "$api/api/whoami"
  shown rabbitmqadmin -H 127.0.0.1 -P 15707 -u app -p apppw list queues
}
capture management-no-management-tag "a user without tags, a monitoring user on /api/users, a management user without permissions, then the management tag given" no_management_tag

# ---------------------------------------------------------------- vhost not encoded
vhost_not_encoded() {
  echo "## the queue jobs exists in the virtual host /"
  shown curl -sS -i -u admin:adminpw "$api/api/queues//"
  shown curl -sS -i -u admin:adminpw "$api/api/queues///jobs"
  shown curl -sS -i -u admin:adminpw "$api/api/queues///other"
  shown curl -sS -i -u admin:adminpw -X PUT -H 'content-type: application/json' -d '{"durable":true}' "$api/api/queues///jobs2"
  shown curl -sS -i -u admin:adminpw -X DELETE "$api/api/queues///jobs"
  echo "## / encoded as %2F"
  shown curl -sS -i -u admin:adminpw "$api/api/queues/%2F/jobs?columns=name,vhost,durable"
  shown curl -sS -i -u admin:adminpw --get --data-urlencode "columns=name,vhost" "$api/api/queues/%2F"
  echo "## rabbitmqadmin encodes the virtual host itself"
  shown rabbitmqadmin -H 127.0.0.1 -P 15707 -u admin -p adminpw -V / list queues name
}
capture management-vhost-not-encoded "the virtual host / written as / in the path instead of %2F, then encoded" vhost_not_encoded

# ---------------------------------------------------------------- objects that do not exist
object_missing() {
  shown curl -sS -i -u admin:adminpw "$api/api/queues/%2F/missing"
  shown curl -sS -i -u admin:adminpw "$api/api/vhosts/nosuch"
  shown curl -sS -i -u admin:adminpw "$api/api/queues/nosuch"
  shown curl -sS -i -u admin:adminpw -X DELETE "$api/api/exchanges/%2F/missing"
  echo "## a queue name with a space, not encoded, then encoded"
  shown curl -sS -i -u admin:adminpw "$api/api/queues/%2F/my queue"
  shown curl -sS -i -u admin:adminpw "$api/api/queues/%2F/my%20queue"
  echo "## a path the API does not have"
  shown curl -sS -i -u admin:adminpw "$api/api/queue/%2F/jobs"
  shown curl -sS -i -u admin:adminpw "$api/api/nosuchpath"
  shown rabbitmqadmin -H 127.0.0.1 -P 15707 -u admin -p adminpw delete queue name=missing
  shown rabbitmqadmin -H 127.0.0.1 -P 15707 -u admin -p adminpw -V nosuch list queues
  shown rabbitmqadmin -H 127.0.0.1 -P 15707 -u admin -p adminpw -V other get queue=jobs
}
capture management-object-missing "queues, exchanges and virtual hosts that do not exist, a name with a space, a wrong path" object_missing

# ---------------------------------------------------------------- bad bodies and methods
bad_request() {
  echo "## a body that is not JSON"
  shown curl -sS -i -u admin:adminpw -X PUT -H 'content-type: application/json' -d '{"durable":true,' "$api/api/queues/%2F/jobs3"
  shown curl -sS -i -u admin:adminpw -X PUT -d 'durable=true' "$api/api/queues/%2F/jobs3"
  shown rabbitmqadmin -H 127.0.0.1 -P 15707 -u admin -p adminpw declare queue name=jobs3 'arguments={"x-max-length":'
  echo "## JSON the broker refuses"
  shown curl -sS -i -u admin:adminpw -X PUT -H 'content-type: application/json' -d '{"durable":false}' "$api/api/queues/%2F/jobs"
  shown rabbitmqadmin -H 127.0.0.1 -P 15707 -u admin -p adminpw declare queue name=jobs durable=false
  shown curl -sS -i -u admin:adminpw -X PUT -H 'content-type: application/json' -d '{"arguments":{"x-queue-type":"bogus"}}' "$api/api/queues/%2F/jobs4"
  shown curl -sS -i -u admin:adminpw -X POST -H 'content-type: application/json' -d '{"routing_key":"jobs","payload":"hello","payload_encoding":"string"}' "$api/api/exchanges/%2F/amq.default/publish"
  shown curl -sS -i -u admin:adminpw -X PUT -H 'content-type: application/json' -d '{"pattern":"^jobs","definition":{"max-lenght":10}}' "$api/api/policies/%2F/limit-jobs"
  shown curl -sS -i -u admin:adminpw "$api/api/queues?page=5&page_size=100"
  echo "## a method the endpoint does not have"
  shown curl -sS -i -u admin:adminpw -X DELETE "$api/api/overview"
  shown curl -sS -i -u admin:adminpw -X POST -H 'content-type: application/json' -d '{}' "$api/api/queues/%2F/jobs"
  echo "## a value the handler does not expect: it crashes, 500 with an empty body"
  shown curl -sS -i -u admin:adminpw -X POST -H 'content-type: application/json' -d '{"count":1,"ackmode":"bogus","encoding":"auto"}' "$api/api/queues/%2F/jobs/get"
  shown rabbitmqadmin -H 127.0.0.1 -P 15707 -u admin -p adminpw get queue=jobs ackmode=bogus
}
capture management-bad-request "bodies that are not JSON or that the broker refuses, wrong methods, and a value that crashes the handler" bad_request

# ---------------------------------------------------------------- large listings
slow_listing() {
  echo "## 5000 classic queues declared with pika on 127.0.0.1:5707 (output not shown)"
  "$live_python" - <<'EOF'
import pika
c = pika.BlockingConnection(pika.ConnectionParameters('127.0.0.1', 5707, credentials=pika.PlainCredentials('admin', 'adminpw')))
ch = c.channel()
for i in range(5000):
    ch.queue_declare(f'bulk-{i:05d}')
c.close()
EOF
  sleep 10
  echo "## the same listing four ways: size and time of each response"
  local q
  for q in "" "?disable_stats=true&enable_queue_totals=true" "?columns=name,messages" "?page=1&page_size=100"; do
    shown curl -sS -o /dev/null -u admin:adminpw -w '%{http_code} %{size_download} bytes in %{time_total} s\n' "$api/api/queues$q"
  done
  echo "## a client whose timeout is shorter than the full listing takes"
  shown curl -sS -o /dev/null -m 1 -u admin:adminpw "$api/api/queues"
  shown rabbitmqadmin -H 127.0.0.1 -P 15707 -u admin -p adminpw -t 1 -f raw_json list queues
  shown curl -sS -o /dev/null -m 1 -u admin:adminpw -w '%{http_code} %{size_download} bytes in %{time_total} s\n' "$api/api/queues?disable_stats=true&enable_queue_totals=true"
}
capture management-slow-listing "5000 queues, GET /api/queues with and without disable_stats, columns and pagination, then clients with a 1-second timeout" slow_listing

# ---------------------------------------------------------------- plugin not enabled
plugin_not_enabled() {
  shown rabbitmq-plugins -n "$node" disable rabbitmq_management
  shown rabbitmq-plugins -n "$node" list -e
  shown curl -sS -i "$api/api/overview"
  shown rabbitmqadmin -H 127.0.0.1 -P 15707 -u admin -p adminpw list queues
  shown ss -ltn "sport = :15707"
  echo "## enabled again"
  shown rabbitmq-plugins -n "$node" enable rabbitmq_management
  shown rabbitmq-diagnostics -n "$node" -q listeners
  shown ss -ltn "sport = :15707"
  shown curl -sS -o /dev/null -w '%{http_code}\n' "$api/"
}
capture management-plugin-not-enabled "rabbitmq_management disabled on the running node, then enabled again" plugin_not_enabled
