#!/usr/bin/env bash
# make rls-demo KEY=<api key> [RLS=host:port] [CALLS=n] [ROUTE=route]: Envoy's ShouldRateLimit against
# enforcement-service's gRPC port (grpcurl is not packaged here; scripts/RlsDemo.java is the client,
# on enforcement-service's own gRPC and Envoy API classes).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-env.sh
if [[ ! -s enforcement-service/target/rls-classpath.txt ]]; then
  ./mvnw -B -q -o -pl enforcement-service dependency:build-classpath \
    -Dmdep.includeScope=runtime -Dmdep.outputFile=target/rls-classpath.txt >/dev/null
fi
exec "$JAVA_HOME/bin/java" -cp "$(cat enforcement-service/target/rls-classpath.txt)" scripts/RlsDemo.java \
  "${1:-}" "${2:-}" "${3:-}" "${4:-}"
