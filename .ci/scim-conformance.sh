#!/usr/bin/env bash
# SCIM conformance: scim2-tester (PyPI) runs every check it has (discovery, create, read,
# list, replace, delete, PATCH add/replace/remove of every attribute the schemas publish)
# against a running server on a fresh demo database, with the API token of a service user
# that a level-1 user marked for provisioning. Usage:
#   .ci/scim-conformance.sh path/to/sesame-server
set -euo pipefail
cd "$(dirname "$0")/.."
server=${1:-target/debug/sesame-server}
venv=${SESAME_SCIM_VENV:-/tmp/sesame-scim-venv}
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import scim2_tester, httpx2' 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q scim2-tester==0.5.2 'scim2-client[httpx2]==0.13.2'
fi
dir=$(mktemp -d)
port=${SESAME_SCIM_PORT:-8792}
base=http://127.0.0.1:$port
"$server" demo --database "sqlite:$dir/demo.db" >/dev/null
"$server" serve --database "sqlite:$dir/demo.db" --listen "127.0.0.1:$port" 2>"$dir/server.log" &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -rf "$dir"' EXIT
for _ in $(seq 50); do curl -sf "$base/healthz" >/dev/null && break; sleep 0.2; done
json() { python3 -c "import json, sys; print(json.load(sys.stdin)$1)"; }
api() { curl -sf -H 'Content-Type: application/json' -H "Authorization: Bearer $admin" "$@"; }
# demo (level 1) marks the first service user for provisioning and gives it a new password.
admin=$(curl -sf -X POST -H 'Content-Type: application/json' \
  -d '{"organization":"DEMO","user_id":"demo","password":"sesame-demo-2026"}' \
  "$base/api/v1/session" | json '["token"]')
service=$(api "$base/api/v1/service-users" | json '[0]')
id=$(echo "$service" | python3 -c 'import ast, sys; print(ast.literal_eval(sys.stdin.read())["id"])')
version=$(echo "$service" | python3 -c 'import ast, sys; print(ast.literal_eval(sys.stdin.read())["version"])')
code=$(echo "$service" | python3 -c 'import ast, sys; print(ast.literal_eval(sys.stdin.read())["user_code"])')
api -X PATCH -d "{\"version\":$version,\"provisioning\":true}" "$base/api/v1/service-users/$id" >/dev/null
password=$(api -X POST "$base/api/v1/service-users/$id/password" | json '["password"]')
token=$(curl -sf -X POST -H 'Content-Type: application/json' \
  -d "{\"organization\":\"DEMO\",\"user_id\":\"$code\",\"password\":\"$password\"}" \
  "$base/api/v1/token" | json '["token"]')
timeout 300 "$venv/bin/python" .ci/scim-conformance.py "$base/scim/v2" "$token"
