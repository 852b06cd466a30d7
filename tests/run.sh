#!/usr/bin/env bash
# Runs every test suite and does its own set-up: restore and build, a throwaway PostgreSQL (Testcontainers when a
# Docker engine answers, else the local server binaries on a random loopback port), a throwaway Dovecot IMAP server
# for the bounce mailbox, Debian's chromium, dovecot-imapd and spamassassin when they are missing and we are root.
# Stops what it started. The last line is "N passed, N failed".
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
results="$root/tests/TestResults"
rm -rf "$results"
mkdir -p "$results"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# shellcheck source=tests/lib/throwaway-postgres.sh
source "$root/tests/lib/throwaway-postgres.sh"
# shellcheck source=tests/lib/throwaway-dovecot.sh
source "$root/tests/lib/throwaway-dovecot.sh"
trap 'stop_throwaway_dovecot; stop_throwaway_postgres' EXIT
trap 'exit 130' INT TERM

start_local_postgres() {
  start_throwaway_postgres || return 1
  export CAMPAIGNS_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Password=postgres;Database=postgres"
  echo "run.sh: throwaway PostgreSQL from $pg_bin on 127.0.0.1:$PG_PORT"
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

if [ -n "${CAMPAIGNS_TEST_IMAP:-}" ]; then
  echo "run.sh: using the IMAP server named in CAMPAIGNS_TEST_IMAP"
elif start_throwaway_dovecot; then
  echo "run.sh: throwaway Dovecot IMAP server on 127.0.0.1:$IMAP_PORT"
else
  echo "run.sh: no IMAP server; the bounce-mailbox tests will fail" >&2
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

if ! command -v spamassassin >/dev/null; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "run.sh: installing Debian's spamassassin for the email filter test"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q spamassassin >/dev/null \
      || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q spamassassin >/dev/null; } \
      || echo "run.sh: could not install spamassassin; the email filter test will fail under CI" >&2
  else
    echo "run.sh: spamassassin is missing (install Debian's spamassassin package); the email filter test will fail under CI" >&2
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
echo "run.sh: scale-out topology (tests/scaleout.sh)"
scaleout_log="$results/scaleout.log"
bash "$root/tests/scaleout.sh" 2>&1 | tee "$scaleout_log"
last="$(tail -n 1 "$scaleout_log")"
if [[ "$last" =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
  passed=$((passed + BASH_REMATCH[1]))
  failed=$((failed + BASH_REMATCH[2]))
else
  echo "run.sh: tests/scaleout.sh did not finish"
  failed=$((failed + 1))
fi

echo
echo "Test results (trx) and artifacts: $results"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
