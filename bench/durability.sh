#!/usr/bin/env bash
# Does an acknowledged picture survive kill -9? 20 rounds of 30 concurrent uploaders on the H2
# defaults, each round killed with SIGKILL at a random moment, then checked against the database
# on the next start (DurabilityBench). Last line:
#   durability rounds=<r> uploaders=<u> acknowledged=<n> lost=<m>
# Arguments: [rounds] [uploaders]. Environment: JAVA_HOME (Java 21+; Temurin 25 if present).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ -z "${JAVA_HOME:-}" ] && [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
cd "$ROOT"
export TEACHBOX_BACKBONE_DIR="${TEACHBOX_BACKBONE_DIR:-$ROOT/target/no-backbone}"
./mvnw -B -ntp -q test-compile >&2
source "$ROOT/bench/classpath.sh"
CP="$ROOT/target/test-classes:$ROOT/target/classes:$(bench_classpath)"
"$JAVA" -Djava.awt.headless=true -cp "$CP" org.teachbox.project.DurabilityBench "${1:-20}" "${2:-30}"
