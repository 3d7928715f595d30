# Builds the same production jar as `./mvnw package`, then runs it on a small JRE image.

# Node 24 for Vaadin's frontend build, placed where Vaadin (and scripts/ensure-node.sh) look for it.
FROM node:24.21.0-bookworm-slim AS node

FROM eclipse-temurin:21-jdk AS build
# curl for scripts/get-backbone.sh, which the build runs to fetch the pretrained photo network
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
COPY --from=node /usr/local/bin/node /root/.vaadin/node-v24.21.0/bin/node
COPY --from=node /usr/local/lib/node_modules/npm /root/.vaadin/node-v24.21.0/lib/node_modules/npm
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /root/.vaadin/node-v24.21.0/bin/npm
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml package.json package-lock.json .npmrc ./
COPY scripts scripts
COPY frontend frontend
COPY src src
# The backbone goes into the image, not the data volume. Built offline, the folder stays empty and
# the app says so; an admin can then mount a Teachable Machine export at /app/backbone.
ENV TEACHBOX_BACKBONE_DIR=/src/backbone
RUN mkdir -p /src/backbone && ./mvnw -B -ntp -DskipTests package && cp target/teachbox-*.jar /app.jar

FROM eclipse-temurin:21-jre
# curl for the health check; fonts so Java2D can draw the digits sample
RUN apt-get update && apt-get install -y --no-install-recommends curl fontconfig fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*
RUN useradd --system --uid 10001 --home /app teachbox && mkdir -p /data && chown teachbox /data
COPY --from=build /app.jar /app/teachbox.jar
COPY --from=build /src/backbone /app/backbone
USER teachbox
ENV TEACHBOX_DATA_DIR=/data PORT=8080 TEACHBOX_BACKBONE_DIR=/app/backbone
VOLUME /data
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s \
  CMD curl -fs http://localhost:8080/actuator/health | grep -q UP || exit 1
# ExitOnOutOfMemoryError: a JVM that ran out of memory in one thread is not trusted to go on
# serving; Docker's restart policy brings back a clean one with every acknowledged picture.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "--add-modules", "jdk.incubator.vector", "-jar", "/app/teachbox.jar"]
