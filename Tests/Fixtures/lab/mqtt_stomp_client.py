"""MQTT and STOMP clients that fail on purpose, for Tests/Fixtures/lab/capture-plugin-failures.sh.

Usage: python mqtt_stomp_client.py mqtt|stomp HOST PORT CASE
  mqtt cases:  bad-credentials, unknown-vhost, invalid-client-id, malformed-frame, ok
  stomp cases: bad-credentials, unknown-vhost, no-permission, unknown-command, malformed-frame, ok

MQTT uses paho-mqtt (PyPI) for the cases a real client can send; the invalid client id (an
empty one with clean session off, which paho refuses to send) and the malformed frame are raw
bytes over a socket. STOMP is always a raw socket. Prints what the client gets back, verbatim.
"""
import socket
import sys
import time


def mqtt_paho(host, port, username, password):
    import paho.mqtt.client as mqtt

    import importlib.metadata

    print(f"paho-mqtt {importlib.metadata.version('paho-mqtt')}, MQTT 3.1.1, username {username!r}")
    result = {}

    def on_connect(client, userdata, flags, reason_code, properties):
        result["rc"] = reason_code
        print(f"on_connect: reason_code={reason_code!s} (value {getattr(reason_code, 'value', reason_code)}) flags={flags}")

    def on_disconnect(client, userdata, flags, reason_code, properties):
        print(f"on_disconnect: reason_code={reason_code!s}")

    client = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, client_id="capture-client",
                         protocol=mqtt.MQTTv311)
    client.on_connect = on_connect
    client.on_disconnect = on_disconnect
    client.username_pw_set(username, password)
    try:
        client.connect(host, port, keepalive=30)
    except Exception as exc:  # noqa: BLE001 - the capture shows whatever the client raises
        print(f"connect raised {type(exc).__name__}: {exc}")
        return
    deadline = time.time() + 5
    while "rc" not in result and time.time() < deadline:
        client.loop(timeout=0.5)
    for _ in range(4):
        client.loop(timeout=0.5)
    if "rc" not in result:
        print("no CONNACK within 5 s")
    client.disconnect()


def mqtt_string(s):
    b = s.encode()
    return len(b).to_bytes(2, "big") + b


def mqtt_raw(host, port, packet, label):
    print(f"raw MQTT: sending {label}: {packet.hex()}")
    with socket.create_connection((host, port), timeout=5) as s:
        s.sendall(packet)
        try:
            data = s.recv(1024)
            print(f"received {len(data)} byte(s): {data.hex()}" if data else "connection closed by the broker (EOF)")
            if data and data[0] == 0x20 and len(data) >= 4:
                print(f"CONNACK return code {data[3]}")
            if data:
                more = s.recv(1024)
                print("then connection closed by the broker (EOF)" if not more else f"then {more.hex()}")
        except socket.timeout:
            print("no answer within 5 s")
        except ConnectionResetError as exc:
            print(f"recv raised ConnectionResetError: {exc}")


def connect_packet(client_id, clean_session):
    variable = mqtt_string("MQTT") + bytes([4, 0x02 if clean_session else 0x00]) + (30).to_bytes(2, "big")
    payload = mqtt_string(client_id)
    body = variable + payload
    return bytes([0x10, len(body)]) + body


def stomp(host, port, frame, label):
    print(f"raw STOMP: sending {label}: {frame!r}")
    with socket.create_connection((host, port), timeout=5) as s:
        s.sendall(frame)
        data = b""
        try:
            while True:
                chunk = s.recv(4096)
                if not chunk:
                    data += b"<EOF: connection closed by the broker>"
                    break
                data += chunk
        except socket.timeout:
            data += b"<no more data within 5 s>"
        except ConnectionResetError as exc:
            data += f"<recv raised ConnectionResetError: {exc}>".encode()
        print("received:")
        print(data.decode(errors="replace").replace("\x00", "^@"))


def main():
    proto, host, port, case = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    if proto == "mqtt":
        if case == "bad-credentials":
            mqtt_paho(host, port, "nobody", "wrong-password")
        elif case == "unknown-vhost":
            mqtt_paho(host, port, "no-such-vhost:guest", "guest")
        elif case == "ok":
            mqtt_paho(host, port, "guest", "guest")
        elif case == "invalid-client-id":
            mqtt_raw(host, port, connect_packet("", clean_session=False),
                     "CONNECT, MQTT 3.1.1, empty client id, clean session off")
        elif case == "malformed-frame":
            mqtt_raw(host, port, b"\x10\x0cNOT-MQTT-AT-ALL",
                     "a CONNECT header followed by bytes that are not a CONNECT")
    elif proto == "stomp":
        if case == "bad-credentials":
            stomp(host, port, b"CONNECT\naccept-version:1.2\nhost:/\nlogin:nobody\npasscode:wrong-password\n\n\x00",
                  "CONNECT with an unknown login")
        elif case == "unknown-vhost":
            stomp(host, port, b"CONNECT\naccept-version:1.2\nhost:no-such-vhost\nlogin:guest\npasscode:guest\n\n\x00",
                  "CONNECT with host: naming a virtual host that does not exist")
        elif case == "ok":
            stomp(host, port, b"CONNECT\naccept-version:1.2\nhost:/\nlogin:guest\npasscode:guest\n\n\x00\nDISCONNECT\n\n\x00",
                  "CONNECT as guest, then DISCONNECT")
        elif case == "no-permission":
            stomp(host, port, b"CONNECT\naccept-version:1.2\nhost:/\nlogin:capture\npasscode:capture-pw\n\n\x00"
                  b"SUBSCRIBE\nid:0\ndestination:/queue/capture\n\n\x00",
                  "CONNECT as a user without permissions on /, then SUBSCRIBE to /queue/capture")
        elif case == "unknown-command":
            stomp(host, port, b"CONNECT\naccept-version:1.2\nhost:/\nlogin:guest\npasscode:guest\n\n\x00"
                  b"BOGUS\ndestination:/queue/capture\n\n\x00",
                  "CONNECT as guest, then a frame with an unknown command")
        elif case == "malformed-frame":
            stomp(host, port, b"CONNECT\naccept-version:1.2\nhost:/\nlogin:guest\npasscode:guest\n\n\x00"
                  b"SEND\ndestination:/queue/capture\ncontent-length:notanumber\n\nhello\x00",
                  "CONNECT as guest, then a SEND whose content-length is not a number")
    else:
        sys.exit(f"unknown protocol {proto}")


if __name__ == "__main__":
    main()
