# One multi-stage build for the three services: docker build --build-arg SERVICE=plans-service .
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY shared-contracts shared-contracts
COPY service-kit service-kit
COPY dev-stack dev-stack
COPY test-support test-support
COPY plans-service plans-service
COPY enforcement-service enforcement-service
COPY usage-service usage-service
COPY keycloak keycloak
ARG SERVICE
# Only the service and what it needs; no tests here (CI runs them), no Keycloak download.
RUN ./mvnw -B -q -pl ${SERVICE} -am package -DskipTests -Dmdep.skip=true -Dspotless.check.skip=true \
 && cp ${SERVICE}/target/${SERVICE}-*.jar /app.jar

FROM eclipse-temurin:25-jre
ARG SERVICE
RUN useradd --system --uid 10001 metricgate && mkdir /app \
 # enforcement-service is the hot path: full JIT, a heap sized from the container's memory, fixed from
 # the start, and the parallel collector (ADR 0015); the others may start fast on C1 alone
 && if [ "$SERVICE" = enforcement-service ]; then \
      echo "-XX:InitialRAMPercentage=70 -XX:MaxRAMPercentage=70 -XX:+UseParallelGC" > /app/jvm.options; \
    else \
      echo "-XX:MaxRAMPercentage=75 -XX:TieredStopAtLevel=1" > /app/jvm.options; \
    fi
USER metricgate
COPY --from=build /app.jar /app/app.jar
ENTRYPOINT ["java", "@/app/jvm.options", "-jar", "/app/app.jar"]
