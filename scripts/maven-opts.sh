#!/usr/bin/env bash
# Prints MAVEN_OPTS for the JDK at $1: on JDK 24+ Maven's own libraries (Jansi, Guava) trip the
# native-access and sun.misc.Unsafe warnings, which these flags silence; older JDKs reject them.
set -euo pipefail
opts=""
if "$1/bin/java" --enable-native-access=ALL-UNNAMED -version >/dev/null 2>&1; then
  opts="$opts --enable-native-access=ALL-UNNAMED"
fi
if "$1/bin/java" --sun-misc-unsafe-memory-access=allow -version >/dev/null 2>&1; then
  opts="$opts --sun-misc-unsafe-memory-access=allow"
fi
echo "${opts# }"
