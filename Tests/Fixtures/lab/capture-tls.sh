#!/usr/bin/env bash
# Captures what a RabbitMQ node, its CLI tools, pika and `openssl s_client` print when a TLS
# handshake on the AMQP port fails, into Tests/Fixtures/captures/tls-*.txt. Each capture file: a
# header line saying how it was made, each command as `## $ command` with its output (stdout and
# stderr) and exit status, then the bytes the node appended to its log meanwhile; nothing edited.
#
# It makes its own certificates with openssl (a CA; a server certificate for localhost with SAN
# DNS:localhost and IP:127.0.0.1; a good client certificate; a client certificate from a second CA
# the node does not know; an expired client certificate; a server certificate that expires in 5
# days; an expired server certificate) and starts its own node rabbit7@localhost (plain AMQP
# 127.0.0.1:5690, TLS 127.0.0.1:5691, distribution 25690) with verify_peer and
# fail_if_no_peer_cert, under /tmp/tls-handshake/. The node is restarted with other server
# certificates and TLS settings for the later captures. Needs root and the Debian RabbitMQ package;
# the shared test nodes (rabbit@localhost, rabbit2@localhost) are not touched.
#
# Everything it changes is undone on exit, also on failure: rabbit7 is stopped and
# /tmp/tls-handshake/ (certificates, data, logs, config) removed.
set -euo pipefail
cd "$(dirname "$0")/../../.."
source Tests/Fixtures/lab/capture-lib.sh   # shown, node_env, remove_lab
python=$(bash .ci/live-python)
out=Tests/Fixtures/captures
client=Tests/Fixtures/lab/tls_client.py
base=/tmp/tls-handshake
pki=$base/pki
node=rabbit7@localhost
amqp_port=5690
tls_port=5691
dist_port=25690
log=$base/log/$node.log
versions="RabbitMQ $(rabbitmqctl -q version 2>/dev/null) (Debian package $(dpkg-query -W -f '${Version}' rabbitmq-server)), Erlang $(dpkg-query -W -f '${Version}' erlang-base), $(openssl version | cut -d' ' -f1-2), pika $("$python" -c 'import pika; print(pika.__version__)'), CPython $("$python" -c 'import platform; print(platform.python_version())') ($("$python" -c 'import ssl; print(ssl.OPENSSL_VERSION)'))"

stop_node() {
  if [ -f "$base/node.pid" ] || rabbitmqctl -q -n "$node" ping >/dev/null 2>&1; then
    timeout 60 rabbitmqctl -q -n "$node" shutdown >/dev/null 2>&1 || true
  fi
  if [ -f "$base/node.pid" ]; then
    local pid
    pid=$(cat "$base/node.pid" 2>/dev/null || true)
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill "$pid" 2>/dev/null || true; sleep 2; fi
    rm -f "$base/node.pid"
  fi
}
undo() {
  stop_node
  rm -rf "$base"
}
trap undo EXIT

# ---------------------------------------------------------------- certificates
make_pki() {
  install -d -o rabbitmq -g rabbitmq -m 755 "$base" "$base/log" "$base/mnesia"
  install -d -m 755 "$pki"
  cd "$pki"
  # ca: the CA that signs the server and the good client; other-ca: a CA the node does not trust.
  for ca in ca other-ca; do
    openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days 3650 -keyout "$ca.key" -out "$ca.pem" \
      -subj "/CN=rmq-doctor test $ca" -addext basicConstraints=critical,CA:TRUE \
      -addext keyUsage=critical,keyCertSign,cRLSign 2>/dev/null
  done
  printf '%s\n' basicConstraints=CA:FALSE keyUsage=digitalSignature,keyEncipherment \
    extendedKeyUsage=serverAuth subjectAltName=DNS:localhost,IP:127.0.0.1 > server.ext
  printf '%s\n' basicConstraints=CA:FALSE keyUsage=digitalSignature,keyEncipherment \
    extendedKeyUsage=clientAuth > client.ext
  # leaf NAME CA EXTFILE DAYS: a key and a certificate signed by CA, valid from now for DAYS days.
  leaf() {
    openssl req -newkey rsa:2048 -nodes -keyout "$1.key" -out "$1.csr" -subj "/CN=$4" 2>/dev/null
    openssl x509 -req -in "$1.csr" -CA "$2.pem" -CAkey "$2.key" -CAcreateserial -sha256 \
      -days "$5" -extfile "$3" -out "$1.pem" 2>/dev/null
  }
  leaf server ca server.ext localhost 365
  leaf server-5days ca server.ext localhost 5
  leaf client ca client.ext app-client 365
  leaf client-other-ca other-ca client.ext app-client-other-ca 365
  # Expired certificates: `openssl ca` takes explicit start and end dates.
  mkdir -p ca-db && : > ca-db/index.txt && echo 1000 > ca-db/serial
  cat > ca.cnf <<EOF
[ ca ]
default_ca = test_ca
[ test_ca ]
dir = $pki/ca-db
database = \$dir/index.txt
serial = \$dir/serial
new_certs_dir = \$dir
certificate = $pki/ca.pem
private_key = $pki/ca.key
default_md = sha256
policy = any
unique_subject = no
copy_extensions = none
[ any ]
commonName = supplied
[ client_ext ]
basicConstraints = CA:FALSE
keyUsage = digitalSignature,keyEncipherment
extendedKeyUsage = clientAuth
[ server_ext ]
basicConstraints = CA:FALSE
keyUsage = digitalSignature,keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = DNS:localhost,IP:127.0.0.1
EOF
  expired() {  # expired NAME CN SECTION
    openssl req -newkey rsa:2048 -nodes -keyout "$1.key" -out "$1.csr" -subj "/CN=$2" 2>/dev/null
    openssl ca -batch -config ca.cnf -extensions "$3" -startdate 20240101000000Z \
      -enddate 20240201000000Z -notext -in "$1.csr" -out "$1.pem" 2>/dev/null
  }
  expired client-expired app-client-expired client_ext
  expired server-expired localhost server_ext
  chown -R rabbitmq:rabbitmq "$pki"
  chmod 644 ./*.pem
  chmod 640 ./*.key
  cd - >/dev/null
}

# ---------------------------------------------------------------- the node
# write_config SERVER-CERT [EXTRA-LINE...]: rabbit7's rabbitmq.conf.
write_config() {
  local cert=$1; shift
  {
    echo "listeners.tcp.default = 127.0.0.1:$amqp_port"
    echo "listeners.ssl.default = 127.0.0.1:$tls_port"
    echo "ssl_options.cacertfile = $pki/ca.pem"
    echo "ssl_options.certfile = $pki/$cert.pem"
    echo "ssl_options.keyfile = $pki/$cert.key"
    echo "ssl_options.verify = verify_peer"
    echo "ssl_options.fail_if_no_peer_cert = true"
    printf '%s\n' "$@"
  } > "$base/node.conf"
  chown rabbitmq:rabbitmq "$base/node.conf"
}
start_node() {
  RABBITMQ_NODENAME=$node RABBITMQ_NODE_PORT=$amqp_port RABBITMQ_DIST_PORT=$dist_port \
    RABBITMQ_MNESIA_BASE=$base/mnesia RABBITMQ_LOG_BASE=$base/log \
    RABBITMQ_CONFIG_FILE=$base/node.conf RABBITMQ_PID_FILE=$base/node.pid \
    RABBITMQ_ENABLED_PLUGINS_FILE=$base/enabled_plugins rabbitmq-server -detached
  sleep 3
  rabbitmqctl -q -n "$node" await_startup --timeout 90 >/dev/null
  sleep 3   # let the node's logger write out the boot lines before a capture starts counting
}

pika_client() {
  echo "## \$ python3 $client $*"
  local status=0
  "$python" "$client" "$@" 2>&1 || status=$?
  echo "(exit status $status)"
}
s_client() {  # s_client ARGS...: openssl s_client with standard input from /dev/null
  echo "## \$ openssl s_client $* < /dev/null"
  local status=0
  timeout 30 openssl s_client "$@" < /dev/null 2>&1 || status=$?
  echo "(exit status $status)"
}

# capture NAME HOW FUNCTION: runs FUNCTION with its output as the capture's body, then appends the
# node log bytes written meanwhile.
capture() {
  local name=$1 how=$2 run=$3
  local file="$out/$name.txt" start
  start=$(stat -c %s "$log")
  {
    echo "# Produced by Tests/Fixtures/lab/capture-tls.sh against its own node $node (plain AMQP 127.0.0.1:$amqp_port, TLS 127.0.0.1:$tls_port; $how). $versions; $(date -u +%Y-%m-%dT%H:%M:%SZ). Sections: each command's output (stdout and stderr) and exit status, in the order they ran, then the node log bytes appended during the run; nothing edited."
    "$run"
    sleep 1
    echo "## node log ($log)"
    tail -c +"$((start + 1))" "$log"
  } > "$file"
  echo "captured $file" >&2
}

make_pki
P=$pki

# ================================================================ phase 1: the good server certificate
write_config server
start_node
base_how="ssl_options.verify = verify_peer, ssl_options.fail_if_no_peer_cert = true, server certificate for localhost (SAN DNS:localhost, IP:127.0.0.1) signed by the test CA"

diagnostics() {
  shown rabbitmq-diagnostics -n "$node" listeners
  shown rabbitmq-diagnostics -n "$node" tls_versions
  shown rabbitmq-diagnostics -n "$node" check_certificate_expiration --unit days --within 30
  shown rabbitmq-diagnostics -n "$node" cipher_suites --format openssl
}
capture tls-diagnostics "$base_how" diagnostics

good() {
  pika_client --port $tls_port --host localhost --ca $P/ca.pem --cert $P/client.pem --key $P/client.key
  s_client -connect localhost:$tls_port -CAfile $P/ca.pem -cert $P/client.pem -key $P/client.key -verify_return_error
}
capture tls-good "$base_how; a client with the test CA and a client certificate from it" good

client_untrusted() {
  pika_client --port $tls_port --host localhost --ca $P/other-ca.pem --cert $P/client.pem --key $P/client.key
  pika_client --port $tls_port --host localhost --cert $P/client.pem --key $P/client.key
  s_client -connect localhost:$tls_port -verify_return_error
  s_client -connect localhost:$tls_port -CAfile $P/other-ca.pem -cert $P/client.pem -key $P/client.key -verify_return_error
  # TLS 1.2: the client's alert reaches the node as a readable CLIENT ALERT.
  pika_client --port $tls_port --host localhost --ca $P/other-ca.pem --cert $P/client.pem --key $P/client.key --max-version TLSv1_2
  s_client -connect localhost:$tls_port -CAfile $P/other-ca.pem -cert $P/client.pem -key $P/client.key -verify_return_error -tls1_2
}
capture tls-server-untrusted "$base_how; clients that do not trust the test CA (another CA, or the default store)" client_untrusted

unknown_ca() {
  pika_client --port $tls_port --host localhost --ca $P/ca.pem --cert $P/client-other-ca.pem --key $P/client-other-ca.key
  s_client -connect localhost:$tls_port -CAfile $P/ca.pem -cert $P/client-other-ca.pem -key $P/client-other-ca.key
  s_client -connect localhost:$tls_port -CAfile $P/ca.pem -cert $P/client-other-ca.pem -key $P/client-other-ca.key -tls1_2
}
capture tls-client-unknown-ca "$base_how; a client certificate signed by a second CA the node does not trust" unknown_ca

expired_client() {
  pika_client --port $tls_port --host localhost --ca $P/ca.pem --cert $P/client-expired.pem --key $P/client-expired.key
  s_client -connect localhost:$tls_port -CAfile $P/ca.pem -cert $P/client-expired.pem -key $P/client-expired.key
  s_client -connect localhost:$tls_port -CAfile $P/ca.pem -cert $P/client-expired.pem -key $P/client-expired.key -tls1_2
}
capture tls-client-expired "$base_how; a client certificate from the test CA valid 2024-01-01 to 2024-02-01" expired_client

no_client_cert() {
  pika_client --port $tls_port --host localhost --ca $P/ca.pem
  s_client -connect localhost:$tls_port -CAfile $P/ca.pem
  s_client -connect localhost:$tls_port -CAfile $P/ca.pem -tls1_2
}
capture tls-no-client-cert "$base_how; clients that send no certificate" no_client_cert

hostname_mismatch() {
  pika_client --port $tls_port --host 127.0.0.1 --server-hostname rabbitmq.example.com --ca $P/ca.pem --cert $P/client.pem --key $P/client.key
  s_client -connect 127.0.0.1:$tls_port -servername rabbitmq.example.com -verify_hostname rabbitmq.example.com -CAfile $P/ca.pem -cert $P/client.pem -key $P/client.key -verify_return_error
  pika_client --port $tls_port --host 127.0.0.1 --server-hostname rabbitmq.example.com --ca $P/ca.pem --cert $P/client.pem --key $P/client.key --max-version TLSv1_2
  s_client -connect 127.0.0.1:$tls_port -servername rabbitmq.example.com -verify_hostname rabbitmq.example.com -CAfile $P/ca.pem -cert $P/client.pem -key $P/client.key -verify_return_error -tls1_2
  # The same name check passes for a name in the SAN (localhost), even when connecting by address.
  pika_client --port $tls_port --host 127.0.0.1 --server-hostname localhost --ca $P/ca.pem --cert $P/client.pem --key $P/client.key
}
capture tls-hostname-mismatch "$base_how; clients that connect to 127.0.0.1 but expect (and send as SNI) rabbitmq.example.com, a name not in the SAN" hostname_mismatch

plain_on_tls() {
  pika_client --port $tls_port --host localhost --plain
}
capture tls-plain-on-tls-port "$base_how; a plain AMQP client on the TLS port $tls_port" plain_on_tls

tls_on_plain() {
  pika_client --port $amqp_port --host localhost --ca $P/ca.pem --cert $P/client.pem --key $P/client.key
  s_client -connect localhost:$amqp_port -CAfile $P/ca.pem -cert $P/client.pem -key $P/client.key
}
capture tls-tls-on-plain-port "$base_how; TLS clients on the plain AMQP port $amqp_port" tls_on_plain

stop_node

# ================================================================ phase 2: TLS 1.2 only, one cipher suite, certificate expiring in 5 days
write_config server-5days "ssl_options.versions.1 = tlsv1.2" "ssl_options.ciphers.1 = ECDHE-RSA-AES256-GCM-SHA384"
start_node
phase2_how="ssl_options.verify = verify_peer, ssl_options.fail_if_no_peer_cert = true, ssl_options.versions.1 = tlsv1.2, ssl_options.ciphers.1 = ECDHE-RSA-AES256-GCM-SHA384, a server certificate that expires 5 days after it was made"

expiring() {
  shown rabbitmq-diagnostics -n "$node" tls_versions
  shown rabbitmq-diagnostics -n "$node" check_certificate_expiration --unit days --within 30
  shown rabbitmq-diagnostics -n "$node" check_certificate_expiration --unit days --within 3
}
capture tls-server-cert-expiring "$phase2_how" expiring

protocol_mismatch() {
  pika_client --port $tls_port --host localhost --ca $P/ca.pem --cert $P/client.pem --key $P/client.key --min-version TLSv1_3
  s_client -connect localhost:$tls_port -CAfile $P/ca.pem -cert $P/client.pem -key $P/client.key -tls1_3
  s_client -connect localhost:$tls_port -CAfile $P/ca.pem -cert $P/client.pem -key $P/client.key -tls1_2 -cipher ECDHE-RSA-AES128-GCM-SHA256
  s_client -connect localhost:$tls_port -CAfile $P/ca.pem -cert $P/client.pem -key $P/client.key -tls1_2 -cipher ECDHE-RSA-AES256-GCM-SHA384 -verify_return_error
}
capture tls-protocol-mismatch "$phase2_how; clients that offer only TLS 1.3, or TLS 1.2 with another cipher suite" protocol_mismatch

stop_node

# ================================================================ phase 3: an expired server certificate
write_config server-expired
start_node
phase3_how="ssl_options.verify = verify_peer, ssl_options.fail_if_no_peer_cert = true, a server certificate from the test CA valid 2024-01-01 to 2024-02-01"

server_expired() {
  shown rabbitmq-diagnostics -n "$node" check_certificate_expiration --unit days --within 30
  pika_client --port $tls_port --host localhost --ca $P/ca.pem --cert $P/client.pem --key $P/client.key
  s_client -connect localhost:$tls_port -CAfile $P/ca.pem -cert $P/client.pem -key $P/client.key -verify_return_error
  s_client -connect localhost:$tls_port -CAfile $P/ca.pem -verify_return_error
  pika_client --port $tls_port --host localhost --ca $P/ca.pem --cert $P/client.pem --key $P/client.key --max-version TLSv1_2
}
capture tls-server-expired "$phase3_how" server_expired

stop_node

# ================================================================ phase 4: a key file user rabbitmq cannot read
chown root:root "$pki/server.key"
chmod 600 "$pki/server.key"
write_config server
phase4_how="ssl_options.keyfile owned by root with mode 600, so user rabbitmq cannot read it"
unreadable_key() {
  shown ls -l "$pki/server.pem" "$pki/server.key"
  # In the foreground, so that what the node prints before its log is set up is seen; no crash
  # dump (it would go to user rabbitmq's home directory).
  echo "## \$ rabbitmq-server (RABBITMQ_NODENAME=$node ..., in the foreground, stopped after 60 s if it keeps running)"
  local status=0
  ( cd "$base" && ERL_CRASH_DUMP_SECONDS=0 RABBITMQ_NODENAME=$node RABBITMQ_NODE_PORT=$amqp_port \
      RABBITMQ_DIST_PORT=$dist_port RABBITMQ_MNESIA_BASE=$base/mnesia RABBITMQ_LOG_BASE=$base/log \
      RABBITMQ_CONFIG_FILE=$base/node.conf RABBITMQ_PID_FILE=$base/node.pid \
      RABBITMQ_ENABLED_PLUGINS_FILE=$base/enabled_plugins timeout 60 rabbitmq-server 2>&1 ) || status=$?
  echo "(exit status $status)"
}
capture tls-key-unreadable "$phase4_how" unreadable_key
stop_node
