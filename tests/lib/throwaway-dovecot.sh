# Sourced by tests/run.sh: a Dovecot IMAP server of our own for the bounce-mailbox tests, from Debian's
# dovecot-imapd (installed when missing and we are root). Its configuration, state, logs and maildirs live in a temp
# folder; it listens on a random loopback port with plaintext login (loopback only, no TLS) for one passwd-file user.
# Nothing under /etc/dovecot is read and the system's dovecot service is not needed. When we are root the whole
# server runs as the unprivileged `dovecot` user (Dovecot's rootless mode: no chroot, one uid for every process).
# Exports CAMPAIGNS_TEST_IMAP=host:port:user:password; stop_throwaway_dovecot stops it and deletes the folder.

dovecot_tmp=""
dovecot_bin=""
dovecot_run_user=""

as_dovecot_user() {
  if [ "$(id -u)" = "0" ]; then runuser -u "$dovecot_run_user" -- "$@"; else "$@"; fi
}

# shellcheck source=tests/lib/free-port.sh
source "$(dirname "${BASH_SOURCE[0]}")/free-port.sh"

start_throwaway_dovecot() {
  dovecot_bin="$(command -v dovecot || true)"
  [ -z "$dovecot_bin" ] && [ -x /usr/sbin/dovecot ] && dovecot_bin=/usr/sbin/dovecot
  if [ -z "$dovecot_bin" ] || [ ! -x /usr/lib/dovecot/imap ]; then
    if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
      echo "installing Debian's dovecot-imapd for the bounce-mailbox tests" >&2
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q dovecot-imapd >/dev/null \
        || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q dovecot-imapd >/dev/null; } \
        || { echo "could not install dovecot-imapd" >&2; return 1; }
      dovecot_bin=/usr/sbin/dovecot
    else
      echo "no dovecot (install Debian's dovecot-imapd, or set CAMPAIGNS_TEST_IMAP)" >&2
      return 1
    fi
  fi

  if [ "$(id -u)" = "0" ]; then
    dovecot_run_user=dovecot
    id "$dovecot_run_user" >/dev/null 2>&1 || dovecot_run_user=nobody
  else
    dovecot_run_user="$(id -un)"
  fi
  local uid gid group
  uid="$(id -u "$dovecot_run_user")"
  gid="$(id -g "$dovecot_run_user")"
  group="$(id -gn "$dovecot_run_user")"

  dovecot_tmp="$(mktemp -d /tmp/campaigns-imap.XXXXXX)"
  mkdir -p "$dovecot_tmp/run" "$dovecot_tmp/state" "$dovecot_tmp/mail"
  local password
  password="test-$RANDOM$RANDOM"
  printf 'bounces:{PLAIN}%s\n' "$password" >"$dovecot_tmp/users"

  local port
  for _ in 1 2 3 4 5; do
    port="$(free_port)" || continue
    cat >"$dovecot_tmp/dovecot.conf" <<EOF
base_dir = $dovecot_tmp/run
state_dir = $dovecot_tmp/state
instance_name = campaigns-test-$port
log_path = $dovecot_tmp/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = $dovecot_run_user
default_internal_group = $group
default_login_user = $dovecot_run_user
mail_location = maildir:$dovecot_tmp/mail/%u
mail_uid = $uid
mail_gid = $gid
first_valid_uid = $uid
last_valid_uid = $uid
first_valid_gid = $gid
last_valid_gid = $gid
namespace inbox {
  inbox = yes
  separator = /
}
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $dovecot_tmp/users
}
userdb {
  driver = static
  args = uid=$uid gid=$gid home=$dovecot_tmp/mail/%u
}
service imap-login {
  chroot =
  user = $dovecot_run_user
  inet_listener imap {
    address = 127.0.0.1
    port = $port
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
service stats {
  chroot =
}
EOF
    if [ "$(id -u)" = "0" ]; then chown -R "$dovecot_run_user:$group" "$dovecot_tmp"; fi
    chmod 700 "$dovecot_tmp"
    if as_dovecot_user "$dovecot_bin" -c "$dovecot_tmp/dovecot.conf" 2>>"$dovecot_tmp/start.log"; then
      # The master daemonises at once; the port answers when the login service is up.
      for _ in $(seq 1 50); do
        if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
          export CAMPAIGNS_TEST_IMAP="127.0.0.1:$port:bounces:$password"
          export IMAP_PORT="$port"
          return 0
        fi
        sleep 0.1
      done
      as_dovecot_user "$dovecot_bin" -c "$dovecot_tmp/dovecot.conf" stop >/dev/null 2>&1 || true
    fi
  done
  cat "$dovecot_tmp/start.log" "$dovecot_tmp/dovecot.log" >&2 2>/dev/null
  return 1
}

stop_throwaway_dovecot() {
  if [ -n "$dovecot_tmp" ]; then
    as_dovecot_user "$dovecot_bin" -c "$dovecot_tmp/dovecot.conf" stop >/dev/null 2>&1 || true
    for _ in $(seq 1 30); do
      [ -e "$dovecot_tmp/run/master.pid" ] || break
      sleep 0.1
    done
    rm -rf "$dovecot_tmp"
    dovecot_tmp=""
  fi
}
