#!/usr/bin/env bash
# Seeds the demo through the public admin API (as a user would) and prints the commands to try.
# Demo credentials are for local runs only.
set -euo pipefail
source "$(dirname "$0")/admin-api.sh"

TOKEN=$(token platform-admin platform-admin)
suffix=$(date +%s)

reseller_plan=$(post /v1/plans '{"name":"Reseller Gold '"$suffix"'","rateLimit":{"requestsPerSecond":50,"burst":100},"monthlyQuota":1000000,"failureMode":"FAIL_SOFT"}' | json "['id']")
customer_plan=$(post /v1/plans '{"name":"Customer Basic '"$suffix"'","parentPlanId":"'"$reseller_plan"'","rateLimit":{"requestsPerSecond":2,"burst":5},"monthlyQuota":1000,"routeLimits":[{"route":"POST /v1/orders","requestsPerSecond":1,"burst":2}]}' | json "['id']")
reseller=$(post /v1/tenants '{"name":"Acme Reseller '"$suffix"'","kind":"RESELLER","planId":"'"$reseller_plan"'"}' | json "['id']")
customer=$(post /v1/tenants '{"name":"Globex '"$suffix"'","kind":"CUSTOMER","parentId":"'"$reseller"'","planId":"'"$customer_plan"'","timeZone":"Europe/Berlin","billingAnchorDay":15}' | json "['id']")
admin_user="acme-admin-$suffix"
post "/v1/tenants/$reseller/admins" '{"username":"'"$admin_user"'","email":"'"$admin_user"'@example.test","role":"tenant-admin","password":"acme-admin"}' > /dev/null
key_json=$(post "/v1/tenants/$customer/api-keys" '{"name":"demo key"}')
api_key=$(echo "$key_json" | json "['key']")
key_id=$(echo "$key_json" | json "['id']")

cat <<TRY

Admin console: http://127.0.0.1:8084 — sign in as platform-admin / platform-admin, or as the
reseller's tenant admin $admin_user / acme-admin (sees only the reseller's subtree)

Demo seeded (local credentials only):
  reseller  $reseller  (plan Reseller Gold: 50 req/s, burst 100, 1,000,000 per month)
  customer  $customer  (plan Customer Basic: 2 req/s, burst 5, 1,000 per month; POST /v1/orders 1 req/s, burst 2)
  tenant admin of the reseller: $admin_user / acme-admin
  API key of the customer ($key_id): $api_key

Try it:
  # an admin token (platform admin; or use $admin_user / acme-admin for the reseller's admin)
  TOKEN=\$(curl -s -d grant_type=password -d client_id=metricgate-cli -d username=platform-admin -d password=platform-admin $KEYCLOAK/realms/metricgate/protocol/openid-connect/token | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')

  # check calls until the burst of 5 is spent: 200, 200, 200, 200, 200, then 429 with Retry-After
  for i in \$(seq 1 7); do curl -s -o /dev/null -w '%{http_code}\n' -X POST -H 'X-Api-Key: $api_key' $ENFORCEMENT/v1/check; done
  curl -si -X POST -H 'X-Api-Key: $api_key' -H 'Content-Type: application/json' -d '{"route":"GET /orders","cost":1}' $ENFORCEMENT/v1/check

  # the same checks as Envoy's rate limit filter makes them (gRPC ShouldRateLimit on port 8092):
  # OK until the burst is spent, then OVER_LIMIT with Retry-After and the problem body
  make rls-demo KEY=$api_key

  # the usage report (decisions appear within 5 s)
  curl -s -H "Authorization: Bearer \$TOKEN" "$USAGE/v1/usage/tenants/$customer/summary?period=current"
  curl -s -H "Authorization: Bearer \$TOKEN" "$USAGE/v1/usage/tenants/$reseller?from=\$(date -u -d '-1 hour' +%Y-%m-%dT%H:%M:%SZ)&to=\$(date -u -d '+1 hour' +%Y-%m-%dT%H:%M:%SZ)&granularity=MINUTE&groupBy=TENANT&includeDescendants=true"

  # rotate the key (the old one keeps working for 60 s), then revoke it (401 within a second)
  curl -s -X POST -H "Authorization: Bearer \$TOKEN" -H 'Content-Type: application/json' -d '{"gracePeriodSeconds":60}' $PLANS/v1/api-keys/$key_id/rotate
  curl -s -o /dev/null -w '%{http_code}\n' -X DELETE -H "Authorization: Bearer \$TOKEN" $PLANS/v1/api-keys/$key_id
  curl -s -o /dev/null -w '%{http_code}\n' -X POST -H 'X-Api-Key: $api_key' $ENFORCEMENT/v1/check

  # the tenant, its ancestors and effective plan; the audit log
  curl -s -H "Authorization: Bearer \$TOKEN" $PLANS/v1/tenants/$customer
  curl -s -H "Authorization: Bearer \$TOKEN" "$PLANS/v1/audit-events?tenantId=$reseller"

  API docs: $PLANS/swagger-ui.html and $USAGE/swagger-ui.html
TRY
