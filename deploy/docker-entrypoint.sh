#!/bin/sh
# Reads secrets from files: for each NAME below, NAME_FILE=/run/secrets/… sets NAME to that
# file's content (the `_FILE` convention of the official images), so compose and Kubernetes
# secrets never have to sit in the environment of the container's definition. Then runs the
# command given (the server by default) in place of this shell, so signals reach it directly.
#
# Also a prefix for one-off commands: docker compose exec node1 focalnet-entrypoint npm run -s cli -- …
set -eu

for name in JWT_SECRET SIGNING_KEY_SECRET SIGNING_KEY_PREVIOUS_SECRET OPAQUE_SERVER_SETUP METRICS_TOKEN MONGODB_URI REDIS_URL SMTP_PASSWORD; do
  file_var="${name}_FILE"
  eval "file=\${$file_var:-}"
  eval "value=\${$name:-}"
  [ -n "$file" ] || continue
  if [ -n "$value" ]; then
    echo "focalnet-entrypoint: both $name and $file_var are set; set one of them" >&2
    exit 64
  fi
  if [ ! -r "$file" ]; then
    echo "focalnet-entrypoint: $file_var names $file, which cannot be read" >&2
    exit 66
  fi
  # $(...) drops the trailing newline an editor or `openssl rand` leaves in the file.
  value="$(cat "$file")"
  export "$name=$value"
  unset "$file_var"
done

exec "$@"
