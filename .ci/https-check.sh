#!/usr/bin/env bash
# HTTPS with real peers: the server gets its certificate from Pebble (Let's Encrypt's ACME test
# server, Debian's `pebble`) by TLS-ALPN-01 on its own listener, serves it (checked with curl
# against Pebble's issuing root), and testssl.sh (Debian's `testssl.sh`) rates its protocols,
# ciphers and headers: any finding rated LOW or worse fails the run. Usage:
#   .ci/https-check.sh path/to/sesame-server
set -euo pipefail
cd "$(dirname "$0")/.."
server=$(realpath "${1:-target/debug/sesame-server}")
dir=$(mktemp -d)
port=${SESAME_HTTPS_PORT:-8793}
name=sesame.test
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$dir"
}
trap cleanup EXIT

# Pebble's own HTTPS certificate (its directory), from a small CA of the test's own, and a DNS
# server that answers 127.0.0.1 for every name, so that Pebble finds sesame.test here.
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 -subj "/CN=Test CA" \
  -addext basicConstraints=critical,CA:TRUE -keyout "$dir/ca-key.pem" -out "$dir/ca.pem" 2>/dev/null
openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj /CN=localhost \
  -keyout "$dir/pebble-key.pem" -out "$dir/pebble.csr" 2>/dev/null
printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\nbasicConstraints=CA:FALSE\n' >"$dir/pebble.ext"
openssl x509 -req -in "$dir/pebble.csr" -CA "$dir/ca.pem" -CAkey "$dir/ca-key.pem" -CAcreateserial \
  -days 2 -extfile "$dir/pebble.ext" -out "$dir/pebble-cert.pem" 2>/dev/null
cat >"$dir/pebble.json" <<EOF
{"pebble": {"listenAddress": "127.0.0.1:14000", "managementListenAddress": "127.0.0.1:15000",
  "certificate": "$dir/pebble-cert.pem", "privateKey": "$dir/pebble-key.pem",
  "httpPort": 5002, "tlsPort": $port, "ocspResponderURL": "", "externalAccountBindingRequired": false}}
EOF
pebble-challtestsrv -defaultIPv4 127.0.0.1 -defaultIPv6 "" -dns01 127.0.0.1:8053 -http01 "" \
  -https01 "" -tlsalpn01 "" -management 127.0.0.1:8055 >"$dir/dns.log" 2>&1 &
pids+=($!)
PEBBLE_VA_NOSLEEP=1 PEBBLE_WFE_NONCEREJECT=0 pebble -config "$dir/pebble.json" \
  -dnsserver 127.0.0.1:8053 >"$dir/pebble.log" 2>&1 &
pids+=($!)
for _ in $(seq 50); do curl -sf --cacert "$dir/ca.pem" https://127.0.0.1:14000/dir >/dev/null && break; sleep 0.2; done

"$server" demo --database "sqlite:$dir/demo.db" >/dev/null
"$server" serve --database "sqlite:$dir/demo.db" --listen "127.0.0.1:$port" \
  --public-url "https://$name:$port" --acme-domain "$name" --acme-email admin@example.org \
  --acme-directory https://127.0.0.1:14000/dir --acme-root "$dir/ca.pem" \
  --acme-dir "$dir/acme" 2>"$dir/server.log" &
pids+=($!)

# The issuing root, then the server's certificate checked against it, once it is there.
curl -sf --cacert "$dir/ca.pem" https://127.0.0.1:15000/roots/0 >"$dir/pebble-root.pem"
issued=no
for _ in $(seq 150); do
  if curl -sf --cacert "$dir/pebble-root.pem" --resolve "$name:$port:127.0.0.1" \
    "https://$name:$port/healthz" >/dev/null 2>&1; then
    issued=yes
    break
  fi
  sleep 0.2
done
echo "ACME: certificate from Pebble served: $issued"
if [ "$issued" != yes ]; then
  echo "--- server log"; cat "$dir/server.log"; echo "--- pebble log"; tail -n 30 "$dir/pebble.log"
  exit 1
fi
openssl s_client -connect "127.0.0.1:$port" -servername "$name" </dev/null 2>/dev/null \
  | openssl x509 -noout -issuer -subject -dates

# testssl.sh on the listener, trusting Pebble's root so that the chain is judged as a browser
# would judge a Let's Encrypt one; its whole output stays in the log.
testssl=$(command -v testssl || command -v testssl.sh)
set +e
"$testssl" --quiet --color 0 --warnings off --add-ca "$dir/pebble-root.pem" \
  --protocols --std --server-preference --vulnerable --headers \
  --jsonfile "$dir/testssl.json" --ip 127.0.0.1 "https://$name:$port/healthz" | tee "$dir/testssl.txt"
set -e
python3 - "$dir/testssl.json" <<'EOF'
import json, sys
findings = json.load(open(sys.argv[1]))
ranks = ["OK", "INFO", "LOW", "MEDIUM", "HIGH", "CRITICAL"]
weak = [f for f in findings if f.get("severity") in ranks[2:]]
counts = {r: sum(1 for f in findings if f.get("severity") == r) for r in ranks}
print("testssl.sh: " + ", ".join(f"{n} {r}" for r, n in counts.items()))
for f in weak:
    print(f"  {f['severity']}: {f['id']}: {f['finding']}")
sys.exit(1 if weak else 0)
EOF
