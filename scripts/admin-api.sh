# Sourced by seed-demo.sh and chaos.sh: the admin API as a user calls it (Keycloak password grant,
# then plans-service with the token in $TOKEN). Demo credentials are for local runs only.
KEYCLOAK=${KEYCLOAK:-http://127.0.0.1:8080}
PLANS=${PLANS:-http://127.0.0.1:8081}
ENFORCEMENT=${ENFORCEMENT:-http://127.0.0.1:8082}
USAGE=${USAGE:-http://127.0.0.1:8083}

json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
token() {
  curl -fsS -d grant_type=password -d client_id=metricgate-cli -d "username=$1" -d "password=$2" \
    "$KEYCLOAK/realms/metricgate/protocol/openid-connect/token" | json "['access_token']"
}
post() {
  curl -fsS -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d "$2" "$PLANS$1"
}
