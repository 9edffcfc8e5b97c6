# MetricGate — the commands. `make help` lists them.
SHELL := /bin/bash
.DEFAULT_GOAL := help
MVN := source scripts/java-env.sh && ./mvnw -B

.PHONY: help
help: ## List the commands
	@grep -hE '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  make %-12s %s\n", $$1, $$2}'

.PHONY: test
test: ## Every test (unit, integration against real servers, end to end); needs only a JDK 25
	@if command -v docker-compose >/dev/null; then docker-compose config -q && echo "docker-compose.yml: valid"; \
	 else echo "docker-compose not installed: compose file checked by the schema test only"; fi
	$(MVN) verify

.PHONY: build
build: ## Build the service jars without running tests
	$(MVN) -q -DskipTests -Dspotless.check.skip=true package

.PHONY: run
run: build ## The whole system on this machine (no Docker): infrastructure, three services, demo data; ctrl-C stops it
	scripts/run.sh

.PHONY: start
start: build ## Like run, but detached; stop it with make stop
	scripts/run.sh --detach

.PHONY: stop
stop: ## Stop a detached run (by the PIDs it recorded)
	scripts/stop.sh

.PHONY: fmt
fmt: ## Format the Java sources (palantir-java-format)
	$(MVN) -q spotless:apply

.PHONY: bench
bench: build ## Benchmark enforcement's /v1/check against the framework's ceiling (see docs/benchmarks.md)
	bench/run.sh

.PHONY: rls-demo
rls-demo: ## Envoy's ShouldRateLimit (gRPC) against the running system: make rls-demo KEY=<api key> (printed by make run)
	scripts/rls-demo.sh "$(KEY)" "$(RLS)" "$(CALLS)" "$(ROUTE)"

.PHONY: example
example: build ## Start examples/orders-api (protected by metricgate-spring-boot-starter) against the running system (make start); prints curl commands
	scripts/example.sh

.PHONY: chaos
chaos: ## Inject faults into the running system (make start) under load; prints lost and duplicated decisions
	scripts/chaos.sh

.PHONY: bench-usage
bench-usage: build ## Benchmark usage-service ingest and report queries (see docs/benchmarks.md)
	bench/usage/run.sh

.PHONY: up
up: ## docker compose up (machines with Docker)
	docker compose up --build -d

.PHONY: down
down: ## docker compose down
	docker compose down
