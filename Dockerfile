# Builds the same production jar as `./mvnw package`, then runs it on a small JRE image.
FROM eclipse-temurin:21-jdk AS build
RUN apt-get update && apt-get install -y --no-install-recommends npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY scripts scripts
COPY frontend frontend
COPY src src
# ensure-node.sh (run by the build) installs Node 24 for Vaadin from the npm registry
RUN ./mvnw -B -ntp -DskipTests package && cp target/teachbox-*.jar /app.jar

FROM eclipse-temurin:21-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl fontconfig fonts-dejavu-core && rm -rf /var/lib/apt/lists/*
RUN useradd --system --uid 10001 --home /app teachbox && mkdir -p /data && chown teachbox /data
COPY --from=build /app.jar /app/teachbox.jar
USER teachbox
ENV TEACHBOX_DATA_DIR=/data PORT=8080
VOLUME /data
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s \
  CMD curl -fs http://localhost:8080/actuator/health | grep -q UP || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/teachbox.jar"]
