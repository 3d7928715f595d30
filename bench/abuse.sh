#!/usr/bin/env bash
# The attacks a pupil on the school network could try (AbuseBench), against the built jar with a
# teacher password and a 2 GB heap, from two loopback addresses: 127.0.0.2 is the teacher's or a
# classmate's computer, 127.0.0.3 the attacker's. Replayed: a forged X-Forwarded-For on the
# teacher's sign-in and on join codes, wrong passwords hammered while the teacher signs in, one
# browser making up names to fill the class, guessing a classmate's PIN, and 200 uploads of a
# 13.5 MB photo at once from one learner while a classmate keeps clicking. One line per attack,
# then:
#   abuse tried=<n> held=<n>
# Exit status 0 when every attack held. Needs the jar (./mvnw package).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ -z "${JAVA_HOME:-}" ] && [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
cd "$ROOT"
ls target/teachbox-*.jar >/dev/null 2>&1 || { echo "no target/teachbox-*.jar: run ./mvnw package first" >&2; exit 1; }
export TEACHBOX_BACKBONE_DIR="$ROOT/target/no-backbone"
./mvnw -B -ntp -q -o test-compile >&2 || ./mvnw -B -ntp -q test-compile >&2
source "$ROOT/bench/classpath.sh"
CP="$ROOT/target/test-classes:$(bench_classpath)"
"$JAVA" -Djava.awt.headless=true -Dteachbox.backbone.dir="$ROOT/target/no-backbone" -cp "$CP" org.teachbox.e2e.AbuseBench
