# Builds the same production jar as `./mvnw package`, then runs it on a small JRE image.

# Node 24 for Vaadin's frontend build, placed where Vaadin (and scripts/ensure-node.sh) look for it.
FROM node:24.21.0-bookworm-slim AS node

FROM eclipse-temurin:21-jdk AS build
COPY --from=node /usr/local/bin/node /root/.vaadin/node-v24.21.0/bin/node
COPY --from=node /usr/local/lib/node_modules/npm /root/.vaadin/node-v24.21.0/lib/node_modules/npm
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /root/.vaadin/node-v24.21.0/bin/npm
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY scripts scripts
COPY frontend frontend
COPY src src
RUN ./mvnw -B -ntp -DskipTests package && cp target/teachbox-*.jar /app.jar

FROM eclipse-temurin:21-jre
# curl for the health check; fonts so Java2D can draw the digits sample
RUN apt-get update && apt-get install -y --no-install-recommends curl fontconfig fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*
RUN useradd --system --uid 10001 --home /app teachbox && mkdir -p /data && chown teachbox /data
COPY --from=build /app.jar /app/teachbox.jar
USER teachbox
ENV TEACHBOX_DATA_DIR=/data PORT=8080
VOLUME /data
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s \
  CMD curl -fs http://localhost:8080/actuator/health | grep -q UP || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "--add-modules", "jdk.incubator.vector", "-jar", "/app/teachbox.jar"]
