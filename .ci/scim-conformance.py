"""Runs scim2-tester's checks against a SCIM server and prints each failure and the totals.

Usage: scim-conformance.py BASE_URL TOKEN. Exits 1 when any check is an error or critical.
"""

import sys
from collections import Counter

from httpx2 import Client
from scim2_client.engines.httpx2 import SyncSCIMClient
from scim2_tester import Status, check_server

base, token = sys.argv[1], sys.argv[2]
client = SyncSCIMClient(Client(base_url=base, headers={"Authorization": f"Bearer {token}"}, timeout=30))
results = check_server(client)
failed = [r for r in results if r.status in (Status.ERROR, Status.CRITICAL)]
for r in results:
    print(f"{r.status.name:<8} {r.resource_type or '-':<5} {r.title}: {(r.reason or '').splitlines()[0] if r.reason else ''}"[:160])
for r in failed:
    print(f"FAILED {r.resource_type or ''} {r.title}: {r.reason}\n  {r.data!r}"[:2000])
counts = Counter(r.status.name.lower() for r in results)
print("scim2-tester: " + ", ".join(f"{n} {k}" for k, n in sorted(counts.items())))
passed = len(results) - len(failed) - counts.get("skipped", 0)
print(f"SCIM: {passed} passed, {len(failed)} failed, {counts.get('skipped', 0)} skipped")
sys.exit(1 if failed else 0)
