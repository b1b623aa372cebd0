#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests and benchmarks: Debian's server binaries, a fresh data folder, an
# unprivileged user (the package's `postgres` account when run as root: initdb refuses root), a free loopback port,
# a random password (scram-sha-256) that is written only into the folder, never printed to a log.
#   cluster.sh start         creates and starts one; prints its folder on stdout
#   cluster.sh url FOLDER    prints its Npgsql connection string (with the password) on stdout
#   cluster.sh stop FOLDER   stops it at once and removes the folder
# Durability settings are off (fsync, full_page_writes): a test cluster is thrown away, and the tests kill the
# nodes, never the server.
set -euo pipefail

bin() {
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$found" ] || { echo "PostgreSQL's server is not installed (Debian: apt-get install postgresql)." >&2; exit 1; }
  echo "$found"
}

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  python3 - <<'PY' 2>/dev/null || echo $((20000 + RANDOM % 20000))
import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()
PY
}

case "${1:-}" in
  start)
    pg=$(bin)
    folder=$(mktemp -d /tmp/addon-pg.XXXXXX)
    head -c 24 /dev/urandom | base64 | tr -d '/+=' > "$folder/password"
    [ "$(id -u)" -ne 0 ] || chown -R postgres: "$folder"
    chmod 700 "$folder"
    as_owner "$pg/initdb" -D "$folder/data" -U addon --pwfile="$folder/password" --auth=scram-sha-256 \
      --encoding=UTF8 --locale=C >"$folder/initdb.log" 2>&1 || { cat "$folder/initdb.log" >&2; exit 1; }
    for attempt in 1 2 3 4 5; do
      port=$(free_port)
      if as_owner "$pg/pg_ctl" -D "$folder/data" -l "$folder/server.log" -w -t 60 start \
          -o "-h 127.0.0.1 -p $port -k $folder -c fsync=off -c full_page_writes=off -c synchronous_commit=off -c max_connections=300" >/dev/null; then
        echo "$port" > "$folder/port"
        echo "$folder"
        exit 0
      fi
    done
    cat "$folder/server.log" >&2
    exit 1
    ;;
  url)
    folder=${2:?folder}
    echo "Host=127.0.0.1;Port=$(cat "$folder/port");Username=addon;Password=$(cat "$folder/password");Database=postgres"
    ;;
  stop)
    folder=${2:?folder}
    [ -d "$folder/data" ] && as_owner "$(bin)/pg_ctl" -D "$folder/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$folder"
    ;;
  *)
    echo "usage: cluster.sh start | url FOLDER | stop FOLDER" >&2
    exit 2
    ;;
esac
