#!/usr/bin/env bash
# Prints a JAVA_HOME whose java is version 21 or newer (Attest's language level), or fails.
# Order: $JAVA_HOME, the java on PATH, then every JDK under /usr/lib/jvm (newest first).
set -euo pipefail

java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}' | cut -d. -f1
}

candidates=()
[ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
if command -v java >/dev/null 2>&1; then
  candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
fi
for d in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do candidates+=("${d%/}"); done

for home in "${candidates[@]}"; do
  if [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ]; then
    v=$(java_major "$home" || echo 0)
    if [ "${v:-0}" -ge 21 ] 2>/dev/null; then
      echo "$home"
      exit 0
    fi
  fi
done
echo "Attest needs a JDK 21 or newer; none found (looked at JAVA_HOME, PATH and /usr/lib/jvm)." >&2
exit 1
