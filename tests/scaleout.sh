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
  rm -rf "$work"
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
need nginx wrk curl
nginx_bin="$(command -v nginx)"

say "publishing"
dotnet publish src/Campaigns.Web -c Release -o "$work/app" -v quiet -clp:ErrorsOnly >/dev/null || { say "publish failed"; exit 1; }

start_throwaway_postgres || exit 1
as_pg_user "$pg_bin/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres campaigns
say "PostgreSQL on 127.0.0.1:$PG_PORT"

mkdir -p "$work/mail"
chmod 777 "$work/mail"
export Database__Provider=Postgres
export Database__ConnectionString="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Password=postgres;Database=campaigns"
export Database__MigrateOnStart=false
export Campaigns__SeedDemoData=true
export Campaigns__AdminEmail=admin@scaleout.test
export Email__Delivery=Pickup
export Email__PickupDirectory="$work/mail"
export ASPNETCORE_ENVIRONMENT=Production

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
token() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//'; }
t="$(curl -fsS -c "$jar" -b "$jar" "$site/account/signin" | token)"
curl -fsS -o /dev/null -c "$jar" -b "$jar" -D "$work/signin.headers" \
  --data-urlencode "Email=admin@scaleout.test" --data-urlencode "Password=$admin_password" \
  --data-urlencode "__RequestVerificationToken=$t" "$site/account/signin"
check "signing in through nginx succeeds" grep -qiE '^location: /.?$' "$work/signin.headers"

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
  link="$(grep -ho 'http://[^ <"]*/account/reset-password?[^ <"]*' "$work"/mail/*.eml 2>/dev/null | head -n 1 | sed 's/&amp;/\&/g')"
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
fi

# --- Throughput: one node directly vs two nodes through nginx ---------------------------------------------------
measure() { wrk -t2 -c32 -d"${SCALEOUT_SECONDS:-5}s" "$1" 2>/dev/null | awk '/Requests\/sec/ {print $2}'; }
one="$(measure "http://127.0.0.1:$web1_port/tours")"
two="$(measure "$site/tours")"
say "GET /tours: one node ${one:-?} req/s; two nodes through nginx ${two:-?} req/s ($(nproc) cores)"
check "throughput was measured" [ -n "$one" ] && [ -n "$two" ]

echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
