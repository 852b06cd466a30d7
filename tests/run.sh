#!/usr/bin/env bash
# Runs every test suite and does its own set-up: restore and build, a throwaway PostgreSQL (Testcontainers when a
# Docker engine answers, else the local server binaries on a random loopback port), Debian's chromium when it is
# missing and we are root. Stops what it started. The last line is "N passed, N failed".
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
results="$root/tests/TestResults"
rm -rf "$results"
mkdir -p "$results"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

pg_tmp=""
pg_bin=""
as_pg_user() {
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
cleanup() {
  if [ -n "$pg_tmp" ]; then
    as_pg_user "$pg_bin/pg_ctl" -D "$pg_tmp/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$pg_tmp"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
  return 1
}

start_local_postgres() {
  pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  if [ -z "$pg_bin" ] && command -v pg_ctl >/dev/null; then pg_bin="$(dirname "$(command -v pg_ctl)")"; fi
  if [ -z "$pg_bin" ]; then
    echo "run.sh: no Docker engine and no PostgreSQL server binaries (initdb, pg_ctl); install PostgreSQL or Docker." >&2
    return 1
  fi
  pg_tmp="$(mktemp -d /tmp/campaigns-test-pg.XXXXXX)"
  chmod 755 "$pg_tmp"
  # PostgreSQL refuses to run as root: the cluster belongs to the postgres user.
  if [ "$(id -u)" = "0" ]; then chown postgres "$pg_tmp"; fi
  as_pg_user "$pg_bin/initdb" -D "$pg_tmp/data" -U postgres --auth=trust -E UTF8 --no-locale >"$pg_tmp/initdb.log" 2>&1 \
    || { cat "$pg_tmp/initdb.log" >&2; return 1; }
  local port
  for _ in 1 2 3 4 5; do
    port="$(free_port)" || continue
    if as_pg_user "$pg_bin/pg_ctl" -D "$pg_tmp/data" -l "$pg_tmp/server.log" -w -t 30 \
        -o "-p $port -h 127.0.0.1 -k $pg_tmp -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400" \
        start >/dev/null; then
      export CAMPAIGNS_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Password=postgres;Database=postgres"
      echo "run.sh: throwaway PostgreSQL from $pg_bin on 127.0.0.1:$port"
      return 0
    fi
  done
  cat "$pg_tmp/server.log" >&2
  return 1
}

echo "run.sh: restore and build"
dotnet restore Campaigns.sln || exit 1
dotnet build Campaigns.sln --no-restore -c Debug -clp:ErrorsOnly || exit 1

if [ -n "${CAMPAIGNS_TEST_POSTGRES:-}" ]; then
  echo "run.sh: using the PostgreSQL named in CAMPAIGNS_TEST_POSTGRES"
elif command -v docker >/dev/null && docker info >/dev/null 2>&1; then
  echo "run.sh: a Docker engine answers; Testcontainers starts PostgreSQL"
else
  start_local_postgres || exit 1
fi

if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "run.sh: installing Debian's chromium for the browser tests"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null \
      || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null; } \
      || echo "run.sh: could not install chromium; the browser tests will fail" >&2
  else
    echo "run.sh: /usr/bin/chromium is missing (install Debian's chromium package); the browser tests will fail" >&2
  fi
fi

passed=0
failed=0
for suite in Campaigns.Tests Campaigns.IntegrationTests Campaigns.BrowserTests; do
  echo
  echo "run.sh: $suite"
  trx="$results/$suite.trx"
  dotnet test "tests/$suite/$suite.csproj" --no-build -c Debug \
    --logger "trx;LogFileName=$suite.trx" --logger "console;verbosity=normal" --results-directory "$results"
  counters="$(grep -o '<Counters [^>]*>' "$trx" 2>/dev/null || true)"
  if [ -z "$counters" ]; then
    # A suite that could not run at all counts as a failure, never as nothing.
    echo "run.sh: $suite produced no results"
    failed=$((failed + 1))
    continue
  fi
  p="$(sed -E 's/.* passed="([0-9]+)".*/\1/' <<<"$counters")"
  f="$(sed -E 's/.* failed="([0-9]+)".*/\1/' <<<"$counters")"
  e="$(sed -E 's/.* error="([0-9]+)".*/\1/' <<<"$counters")"
  echo "run.sh: $suite: $p passed, $((f + e)) failed"
  passed=$((passed + p))
  failed=$((failed + f + e))
done

echo
echo "Test results (trx) and artifacts: $results"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
