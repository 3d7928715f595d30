# Sourced by the bench scripts: bench_classpath prints the test classpath (jars only). It asks Maven
# offline first, and online when the local cache has only what ./mvnw verify fetched (the
# dependency plugin is not among it on a fresh machine).
bench_classpath() {
  local out="$ROOT/target/bench-classpath.txt"
  ./mvnw -B -ntp -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$out" >/dev/null 2>&1 \
    || ./mvnw -B -ntp -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$out" >&2
  cat "$out"
}
