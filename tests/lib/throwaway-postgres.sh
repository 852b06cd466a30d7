# Sourced by tests/run.sh and tests/scaleout.sh: a PostgreSQL cluster of our own in a temp folder, on a random
# loopback port, with fsync off; stopped and deleted by stop_throwaway_postgres. Exports PG_PORT.
# PostgreSQL refuses to run as root: when we are root, the cluster belongs to the postgres user.

pg_tmp=""
pg_bin=""

as_pg_user() {
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# shellcheck source=tests/lib/free-port.sh
source "$(dirname "${BASH_SOURCE[0]}")/free-port.sh"

start_throwaway_postgres() {
  pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  if [ -z "$pg_bin" ] && command -v pg_ctl >/dev/null; then pg_bin="$(dirname "$(command -v pg_ctl)")"; fi
  if [ -z "$pg_bin" ]; then
    echo "no PostgreSQL server binaries (initdb, pg_ctl) found; install PostgreSQL or Docker." >&2
    return 1
  fi
  pg_tmp="$(mktemp -d /tmp/campaigns-pg.XXXXXX)"
  chmod 755 "$pg_tmp"
  if [ "$(id -u)" = "0" ]; then chown postgres "$pg_tmp"; fi
  as_pg_user "$pg_bin/initdb" -D "$pg_tmp/data" -U postgres --auth=trust -E UTF8 --no-locale >"$pg_tmp/initdb.log" 2>&1 \
    || { cat "$pg_tmp/initdb.log" >&2; return 1; }
  local port
  for _ in 1 2 3 4 5; do
    port="$(free_port)" || continue
    if as_pg_user "$pg_bin/pg_ctl" -D "$pg_tmp/data" -l "$pg_tmp/server.log" -w -t 30 \
        -o "-p $port -h 127.0.0.1 -k $pg_tmp -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400" \
        start >/dev/null; then
      export PG_PORT="$port"
      return 0
    fi
  done
  cat "$pg_tmp/server.log" >&2
  return 1
}

stop_throwaway_postgres() {
  if [ -n "$pg_tmp" ]; then
    as_pg_user "$pg_bin/pg_ctl" -D "$pg_tmp/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$pg_tmp"
    pg_tmp=""
  fi
}
