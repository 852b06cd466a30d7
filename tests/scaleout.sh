#!/usr/bin/env bash
# The scale-out topology, for real, from processes on one machine: one PostgreSQL, the migrate step, two web
# nodes and one worker from the published build, nginx in front of the web nodes. Then it checks what must hold
# across nodes and measures throughput through nginx against one node. Stops everything it started.
# Prints "N passed, N failed" last. Needs nginx and wrk (installed from Debian's packages when missing and root).
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
work="$(mktemp -d /tmp/campaigns-scaleout.XXXXXX)"
chmod 755 "$work"
pids=()
passed=0
failed=0

# shellcheck source=tests/lib/throwaway-postgres.sh
source "$root/tests/lib/throwaway-postgres.sh"

cleanup() {
  [ -f "$work/nginx/nginx.pid" ] && kill "$(cat "$work/nginx/nginx.pid")" 2>/dev/null
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
  wait 2>/dev/null
  stop_throwaway_postgres
  if [ -n "${SCALEOUT_KEEP:-}" ]; then echo "scaleout: kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

say() { echo "scaleout: $*"; }
check() { # check "description" command...
  local what="$1"; shift
  if "$@"; then passed=$((passed + 1)); say "PASS $what"; else failed=$((failed + 1)); say "FAIL $what"; fi
}

need() {
  for tool in "$@"; do
    if ! command -v "$tool" >/dev/null; then
      if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
        say "installing $tool"
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$tool" >/dev/null \
          || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$tool" >/dev/null; }
      fi
      command -v "$tool" >/dev/null || { say "$tool is required"; exit 1; }
    fi
  done
}
need nginx wrk curl python3
nginx_bin="$(command -v nginx)"

say "publishing"
dotnet publish src/Campaigns.Web -c Release -o "$work/app" -v quiet -clp:ErrorsOnly >/dev/null || { say "publish failed"; exit 1; }
# The SMTP sink is a separate process speaking real SMTP; it logs recipient and Message-ID of each message.
dotnet build tests/Campaigns.Benchmarks -c Release -o "$work/sink-bin" -v quiet -clp:ErrorsOnly >/dev/null || { say "sink build failed"; exit 1; }

start_throwaway_postgres || exit 1
as_pg_user "$pg_bin/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres campaigns
say "PostgreSQL on 127.0.0.1:$PG_PORT"

sink_port="$(free_port)"
mkdir -p "$work/sink"
(exec dotnet "$work/sink-bin/Campaigns.Benchmarks.dll" sink "$sink_port" "$work/sink" >"$work/sink.log" 2>&1) &
pids+=("$!")
for _ in $(seq 1 80); do (exec 3<>"/dev/tcp/127.0.0.1/$sink_port") 2>/dev/null && break; sleep 0.25; done
export Database__Provider=Postgres
export Database__ConnectionString="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Password=postgres;Database=campaigns"
export Database__MigrateOnStart=false
export Campaigns__SeedDemoData=true
export Campaigns__AdminEmail=admin@scaleout.test
export Email__Delivery=Smtp
export Email__Host=127.0.0.1
export Email__Port="$sink_port"
export Email__Security=None
# Short leases so a killed worker's work is taken over within seconds, not minutes.
export Jobs__InvisibilityTimeout=00:00:10
export Alerts__ClaimLease=00:00:10
export Alerts__ChunkSize=250
export ASPNETCORE_ENVIRONMENT=Production
# Every node must share the field-encryption key, as they share the database.
export Protection__Keys__k1="$(head -c 32 /dev/urandom | base64)"

say "migrate"
(cd "$work/app" && dotnet Campaigns.Web.dll migrate >"$work/migrate.log" 2>&1) || { cat "$work/migrate.log"; exit 1; }
admin_password="$(sed -n 's/^ *password: *//p' "$work/migrate.log" | head -n 1)"

start_node() { # name role port
  (cd "$work/app" && Campaigns__NodeName="$1" Campaigns__Role="$2" Campaigns__PublicBaseUrl="http://127.0.0.1:$nginx_port" \
    ASPNETCORE_URLS="http://127.0.0.1:$3" exec dotnet Campaigns.Web.dll >"$work/$1.log" 2>&1) &
  pids+=("$!")
  eval "pid_$1=$!"
}
wait_healthy() { # port
  for _ in $(seq 1 120); do
    curl -fsS "http://127.0.0.1:$1/healthz" >/dev/null 2>&1 && return 0
    sleep 0.25
  done
  return 1
}

web1_port="$(free_port)"; web2_port="$(free_port)"; worker_port="$(free_port)"; nginx_port="$(free_port)"
start_node web1 Web "$web1_port"
start_node web2 Web "$web2_port"
start_node worker Worker "$worker_port"
for port in "$web1_port" "$web2_port" "$worker_port"; do
  wait_healthy "$port" || { say "a node did not become healthy"; tail -n 20 "$work"/*.log; exit 1; }
done
say "web1 :$web1_port, web2 :$web2_port, worker :$worker_port"

mkdir -p "$work/nginx"
cat >"$work/nginx/nginx.conf" <<CONF
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/nginx/body;
  proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi;
  uwsgi_temp_path $work/nginx/uwsgi;
  scgi_temp_path $work/nginx/scgi;
  upstream campaigns_web {
    server 127.0.0.1:$web1_port;
    server 127.0.0.1:$web2_port;
    keepalive 32;
  }
  server {
    listen 127.0.0.1:$nginx_port;
    location / {
      proxy_pass http://campaigns_web;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
    }
  }
}
CONF
chmod -R 777 "$work/nginx"
"$nginx_bin" -c "$work/nginx/nginx.conf" -p "$work/nginx" || { cat "$work/nginx/error.log"; exit 1; }
say "nginx :$nginx_port in front of web1 and web2"
site="http://127.0.0.1:$nginx_port"

# --- One cookie, both nodes ----------------------------------------------------------------------------------
jar="$work/cookies.txt"
# Message bodies are base64 on the wire: print the decoded text parts of the given .eml files.
mail_text() {
  python3 -c 'import sys, email, email.policy
for path in sys.argv[1:]:
    with open(path, "rb") as f:
        message = email.message_from_binary_file(f, policy=email.policy.default)
    for part in message.walk():
        if part.get_content_maintype() == "text":
            print(part.get_content())' "$@"
}
export -f mail_text
token() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//'; }
# What an authenticator app shows for a base32 key (RFC 6238: HMAC-SHA1, 30-second steps, six digits), now or
# $2 seconds from now: the app accepts each code once, and codes up to a minute ahead.
totp() {
  python3 -c 'import base64, hashlib, hmac, struct, sys, time
k = sys.argv[1].upper(); k = base64.b32decode(k + "=" * (-len(k) % 8))
h = hmac.new(k, struct.pack(">Q", int(time.time() + int(sys.argv[2])) // 30), hashlib.sha1).digest(); o = h[-1] & 15
print("%06d" % ((struct.unpack(">I", h[o:o + 4])[0] & 0x7fffffff) % 1000000))' "$1" "${2:-0}"
}
authenticator_key=""
# Password, then, once the admin has two-step verification, the code: leaves the final headers in $work/signin.headers.
sign_in() {
  local t location
  t="$(curl -fsS -c "$jar" -b "$jar" "$site/account/signin" | token)"
  curl -fsS -o /dev/null -c "$jar" -b "$jar" -D "$work/signin.headers" \
    --data-urlencode "Email=admin@scaleout.test" --data-urlencode "Password=$admin_password" \
    --data-urlencode "__RequestVerificationToken=$t" "$site/account/signin"
  location="$(sed -n 's/^[Ll]ocation: *//p' "$work/signin.headers" | tr -d '\r')"
  if [[ "$location" == /account/two-factor/signin* && -n "$authenticator_key" ]]; then
    t="$(curl -fsS -c "$jar" -b "$jar" "$site$location" | token)"
    curl -fsS -o /dev/null -c "$jar" -b "$jar" -D "$work/signin.headers" \
      --data-urlencode "Code=$(totp "$authenticator_key" 30)" --data-urlencode "ReturnUrl=/" \
      --data-urlencode "__RequestVerificationToken=$t" "$site/account/two-factor/signin"
  fi
}
sign_in
check "signing in through nginx succeeds" grep -qiE '^location: /.?$' "$work/signin.headers"

# The first Admin must turn on two-step verification before any staff page: through the real setup pages.
code="$(curl -sS -o /dev/null -w '%{http_code}' -D "$work/h.txt" -b "$jar" "$site/admin/users")"
check "the first admin is sent to set up two-step verification" grep -qi '^location: /account/two-factor/setup' "$work/h.txt"
t="$(curl -fsS -c "$jar" -b "$jar" "$site/account/two-factor/setup" | token)"
curl -fsS -o /dev/null -c "$jar" -b "$jar" --data-urlencode "__RequestVerificationToken=$t" "$site/account/two-factor/setup/key"
setup="$(curl -fsS -c "$jar" -b "$jar" "$site/account/two-factor/setup")"
authenticator_key="$(grep -o 'data-authenticator-key>[^<]*' <<<"$setup" | sed 's/.*>//; s/ //g')"
t="$(token <<<"$setup")"
curl -fsS -o "$work/enabled.html" -c "$jar" -b "$jar" --data-urlencode "Code=$(totp "$authenticator_key")" \
  --data-urlencode "__RequestVerificationToken=$t" "$site/account/two-factor/setup"
check "the first admin turns on two-step verification with a code from the key" grep -q '<li><code>' "$work/enabled.html"

: >"$work/nodes.txt"
ok=0
for _ in $(seq 1 10); do
  code="$(curl -sS -o /dev/null -w '%{http_code}' -D "$work/h.txt" -b "$jar" "$site/admin/users")"
  [ "$code" = "200" ] && ok=$((ok + 1))
  grep -i '^x-campaigns-node:' "$work/h.txt" | tr -d '\r' | awk '{print $2}' >>"$work/nodes.txt"
done
check "ten signed-in requests through nginx are all served (one cookie)" [ "$ok" = "10" ]
check "those requests landed on both web nodes" bash -c "grep -qx web1 '$work/nodes.txt' && grep -qx web2 '$work/nodes.txt'"

# A form served by one node is accepted by the other: antiforgery keys are shared through the database.
t="$(curl -fsS -b "$jar" -c "$jar" "http://127.0.0.1:$web1_port/admin/partners/new" | token)"
code="$(curl -sS -o /dev/null -w '%{http_code}' -b "$jar" -c "$jar" \
  --data-urlencode "Name=Scale Out Collective" --data-urlencode "PublicName=A collective" --data-urlencode "CountryCode=AR" \
  --data-urlencode "Sector=Labour" --data-urlencode "Visibility=Protected" --data-urlencode "__RequestVerificationToken=$t" \
  "http://127.0.0.1:$web2_port/admin/partners/new")"
check "a form from web1 posted to web2 is accepted" [ "$code" = "302" ]

# An email link made on one node works on the other: password reset requested on web1, used on web2.
t="$(curl -fsS -c "$work/anon.txt" -b "$work/anon.txt" "http://127.0.0.1:$web1_port/account/forgot-password" | token)"
curl -fsS -o /dev/null -c "$work/anon.txt" -b "$work/anon.txt" --data-urlencode "Email=admin@scaleout.test" \
  --data-urlencode "__RequestVerificationToken=$t" "http://127.0.0.1:$web1_port/account/forgot-password"
link=""
for _ in $(seq 1 80); do
  link="$(mail_text "$work"/sink/*.eml 2>/dev/null | grep -o 'http://[^ <"]*/account/reset-password?[^ <"]*' | tr -d '\r' | head -n 1 | sed 's/&amp;/\&/g')"
  [ -n "$link" ] && break
  sleep 0.25
done
check "the worker sent the reset email made on web1" [ -n "$link" ]
if [ -n "$link" ]; then
  query="${link#*\?}"
  user_id="$(sed -n 's/.*userId=\([^&]*\).*/\1/p' <<<"$query")"
  code_param="$(sed -n 's/.*code=\([^&]*\).*/\1/p' <<<"$query")"
  t="$(curl -fsS -c "$work/anon2.txt" -b "$work/anon2.txt" "http://127.0.0.1:$web2_port/account/reset-password?$query" | token)"
  curl -sS -o /dev/null -D "$work/reset.headers" -c "$work/anon2.txt" -b "$work/anon2.txt" \
    --data-urlencode "UserId=$user_id" --data-urlencode "Code=$code_param" --data-urlencode "Password=a new password across nodes" \
    --data-urlencode "__RequestVerificationToken=$t" "http://127.0.0.1:$web2_port/account/reset-password"
  check "the reset link made on web1 works on web2" grep -qi '^location: /account/signin' "$work/reset.headers"
  grep -qi '^location: /account/signin' "$work/reset.headers" && admin_password="a new password across nodes"
fi

# The new password ended every session (security stamp): sign in again for the staff steps below.
rm -f "$jar"
sign_in
check "signing in again asks for and accepts the authenticator code" grep -qiE '^location: /.?$' "$work/signin.headers"

# --- Subscribing across nodes ----------------------------------------------------------------------------------
psql_app() { as_pg_user "$pg_bin/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d campaigns -tAqc "$1"; }
t="$(curl -fsS -c "$work/s.txt" -b "$work/s.txt" "http://127.0.0.1:$web1_port/alerts/subscribe" | token)"
curl -sS -o /dev/null -c "$work/s.txt" -b "$work/s.txt" --data-urlencode "Email=activist@scaleout.test" \
  --data-urlencode "Language=en" --data-urlencode "Consent=true" --data-urlencode "__RequestVerificationToken=$t" \
  "http://127.0.0.1:$web1_port/alerts/subscribe"
confirm=""
for _ in $(seq 1 80); do
  confirm="$(grep -l 'activist@scaleout.test' "$work"/sink/*.eml 2>/dev/null | xargs -r bash -c 'mail_text "$@"' _ | grep -o '/alerts/confirm/[A-Za-z0-9_-]*' | head -n 1)"
  [ -n "$confirm" ] && break
  sleep 0.25
done
check "the subscription made on web1 sent a confirmation email" [ -n "$confirm" ]
if [ -n "$confirm" ]; then
  t="$(curl -fsS -c "$work/s2.txt" -b "$work/s2.txt" "http://127.0.0.1:$web2_port$confirm" | token)"
  curl -sS -o /dev/null -c "$work/s2.txt" -b "$work/s2.txt" --data-urlencode "__RequestVerificationToken=$t" "http://127.0.0.1:$web2_port$confirm"
fi
check "its confirmation link, made on web1, confirms on web2" \
  [ "$(psql_app "SELECT \"Status\" FROM alert_subscribers WHERE \"Email\" = 'activist@scaleout.test'")" = "Active" ]

# --- An alert fanned out by the worker, which is killed mid-send ------------------------------------------------
bulk="${SCALEOUT_RECIPIENTS:-3000}"
psql_app "INSERT INTO alert_subscribers (\"Id\", \"Email\", \"Language\", \"Interests\", \"Status\", \"CreatedAt\", \"ConfirmedAt\", \"ConsentText\", \"ConsentAt\", \"Source\")
  SELECT gen_random_uuid(), 'bulk' || i || '@bulk.test', 'en', '', 'Active', now(), now(), 'scale-out test', now(), 'import'
  FROM generate_series(1, $bulk) AS i"
expected="$(psql_app "SELECT count(*) FROM alert_subscribers WHERE \"Status\" = 'Active'")"
t="$(curl -fsS -b "$jar" -c "$jar" "$site/admin/alerts/river-defenders-threatened" | token)"
curl -sS -o /dev/null -b "$jar" -c "$jar" --data-urlencode "RequestId=$(cat /proc/sys/kernel/random/uuid)" \
  --data-urlencode "Kind=UrgentAction" --data-urlencode "__RequestVerificationToken=$t" "$site/admin/alerts/river-defenders-threatened/sends"
sent_so_far() { cat "$work/sink/accepted.tsv" 2>/dev/null | awk '/@bulk.test/ { n++ } END { print n + 0 }'; }
for _ in $(seq 1 240); do [ "$(sent_so_far)" -ge $((bulk / 3)) ] && break; sleep 0.25; done
at_kill="$(sent_so_far)"
kill -9 "$pid_worker"
say "worker killed with -9 after $at_kill of $bulk bulk messages; starting another"
start_node worker2 Worker "$(free_port)"
remaining=""
for _ in $(seq 1 360); do
  remaining="$(psql_app "SELECT count(*) FROM alert_deliveries WHERE \"SentAt\" IS NULL AND \"FailedAt\" IS NULL")"
  [ "$remaining" = "0" ] && break
  sleep 0.5
done
check "the worker was killed mid-send" [ "$at_kill" -gt 0 -a "$at_kill" -lt "$bulk" ]
check "the new worker finished the send: every delivery row is sent" [ "$remaining" = "0" ]
deliveries="$(psql_app "SELECT count(*) FROM alert_deliveries")"
check "every active subscriber had a delivery ($deliveries of $expected)" [ "$deliveries" = "$expected" ]
received="$(cut -f1 "$work/sink/accepted.tsv" | grep '@bulk.test' | sort -u | wc -l)"
check "no recipient was skipped: $received of $bulk bulk recipients received the alert" [ "$received" = "$bulk" ]
duplicates="$(cut -f1 "$work/sink/accepted.tsv" | grep '@bulk.test' | sort | uniq -d | wc -l)"
retried="$(psql_app "SELECT count(*) FROM alert_deliveries WHERE \"Attempts\" > 1")"
in_flight=$(( ${Jobs__WorkerCount:-2} * ${Alerts__SmtpConnections:-4} ))
say "duplicates at the sink: $duplicates (messages in flight at the kill, at most $in_flight); delivery rows with a second attempt: $retried"
check "duplicates are limited to the messages in flight at the kill" [ "$duplicates" -le "$in_flight" ]
check "each duplicate is reported by its delivery row (second attempt recorded)" [ "$duplicates" -le "$retried" ]

# --- Throughput: one node directly vs two nodes through nginx ---------------------------------------------------
measure() { wrk -t2 -c32 -d"${SCALEOUT_SECONDS:-5}s" "$1" 2>/dev/null | awk '/Requests\/sec/ {print $2}'; }
one="$(measure "http://127.0.0.1:$web1_port/tours")"
two="$(measure "$site/tours")"
say "GET /tours: one node ${one:-?} req/s; two nodes through nginx ${two:-?} req/s ($(nproc) cores)"
check "throughput was measured" [ -n "$one" -a -n "$two" ]

echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
