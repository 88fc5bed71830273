#!/bin/sh
# Lays out a loopback "fleet" for medic.bench.FleetBench and HostDiagnosisBench: a dedicated OpenSSH server
# on 0.0.0.0:2222 (so 127.0.0.1..127.0.0.N all reach it, each address a separate connection), a dedicated
# user with the test key authorized, one nginx host layout (seed incident) readable by that user, a
# known_hosts pinning the temp host key for every address, and an inventory of N hosts edge-001..edge-N.
# Usage: src/bench/fleet-setup.sh [start]   (idempotent; run as root; restarts its sshd with the new config)
#        src/bench/fleet-setup.sh stop      (stops the sshd, removes the user and the state directory)
# Environment: FLEET_DIR (default /var/lib/medic-fleet), FLEET_HOSTS (default 200), FLEET_PORT (default 2222).
set -eu

DIR=${FLEET_DIR:-/var/lib/medic-fleet}
HOSTS=${FLEET_HOSTS:-200}
PORT=${FLEET_PORT:-2222}
USER_NAME=medicfleet
REPO=$(cd "$(dirname "$0")/../.." && pwd)
SEED=$REPO/src/test/resources/fixtures/seed-incident
KEY=$DIR/user_ed25519

stop_sshd() {
    if [ -f "$DIR/sshd.pid" ] && kill -0 "$(cat "$DIR/sshd.pid")" 2>/dev/null; then
        pid=$(cat "$DIR/sshd.pid")
        kill "$pid"
        while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
        echo "stopped sshd pid $pid"
    fi
}

if [ "${1:-start}" = stop ]; then
    stop_sshd
    if id "$USER_NAME" >/dev/null 2>&1; then
        userdel "$USER_NAME" && echo "removed user $USER_NAME"
    fi
    rm -rf "$DIR" && echo "removed $DIR"
    exit 0
fi

mkdir -p "$DIR" /run/sshd
chmod 755 "$DIR"

# The user the bench logs in as: /bin/sh, the test key authorized, nothing else.
if ! id "$USER_NAME" >/dev/null 2>&1; then
    useradd --system --home-dir "$DIR/home" --shell /bin/sh "$USER_NAME"
    echo "made user $USER_NAME"
fi
usermod -p '*' "$USER_NAME"   # no password, but not locked: without PAM sshd refuses keys of a "!" account
mkdir -p "$DIR/home/.ssh"
cp "$REPO/src/test/resources/ssh/user_ed25519.pub" "$DIR/home/.ssh/authorized_keys"
chown -R "$USER_NAME:" "$DIR/home"
chmod 755 "$DIR/home"
chmod 700 "$DIR/home/.ssh"
chmod 600 "$DIR/home/.ssh/authorized_keys"
install -m 600 "$REPO/src/test/resources/ssh/user_ed25519" "$KEY"   # the client key, private as ssh wants it
echo "authorized src/test/resources/ssh/user_ed25519.pub for $USER_NAME (home $DIR/home); client key $KEY"

# The nginx host layout: the seed config with absolute paths, and its error log (owned by the user, since
# nginx -t opens the logs for writing). nginx -t binds the listen sockets, and the user may not bind port 80
# (no sudo here), so the layout listens on 18080; concurrent tests tolerate EADDRINUSE (nginx -t ignores it).
HOST=$DIR/host
mkdir -p "$HOST/etc/nginx" "$HOST/var/log/nginx"
sed -e "s|pid logs/nginx.pid;|pid $HOST/nginx.pid;|" \
    -e "s|error_log logs/error.log;|error_log $HOST/var/log/nginx/error.log;|" \
    -e "s|access_log logs/access.log;|access_log $HOST/var/log/nginx/access.log;|" \
    -e "s|listen 127.0.0.1:80;|listen 127.0.0.1:18080;|" \
    "$SEED/nginx.conf" > "$HOST/etc/nginx/nginx.conf"
cp "$SEED/error.log" "$HOST/var/log/nginx/error.log"
chown -R "$USER_NAME:" "$HOST"
echo "made host layout $HOST (seed-incident config and error log)"

# A temporary host key and the sshd that serves every loopback address.
[ -f "$DIR/host_ed25519" ] || ssh-keygen -q -t ed25519 -N '' -C medic-fleet -f "$DIR/host_ed25519"
cat > "$DIR/sshd_config" <<CONF
Port $PORT
ListenAddress 0.0.0.0
HostKey $DIR/host_ed25519
PidFile $DIR/sshd.pid
AllowUsers $USER_NAME
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
UseDNS no
MaxSessions 10
MaxStartups 300:30:400
LoginGraceTime 30
LogLevel ERROR
Subsystem sftp internal-sftp
CONF
stop_sshd
/usr/sbin/sshd -f "$DIR/sshd_config" -E "$DIR/sshd.log"
sleep 0.3
echo "started sshd pid $(cat "$DIR/sshd.pid") on 0.0.0.0:$PORT (config $DIR/sshd_config, log $DIR/sshd.log)"

# known_hosts pinning the key for each address, and the inventory.
HOSTKEY=$(cut -d' ' -f1,2 "$DIR/host_ed25519.pub")
: > "$DIR/known_hosts"
echo "hosts:" > "$DIR/inventory.yaml"
i=1
while [ "$i" -le "$HOSTS" ]; do
    echo "[127.0.0.$i]:$PORT $HOSTKEY" >> "$DIR/known_hosts"
    cat >> "$DIR/inventory.yaml" <<HOSTYAML
  - name: edge-$(printf %03d "$i")
    address: 127.0.0.$i
    port: $PORT
    user: $USER_NAME
    key: {file: $KEY}
    known_hosts: $DIR/known_hosts
    nginx:
      binary: /usr/sbin/nginx
      config: $HOST/etc/nginx/nginx.conf
      error_logs: [$HOST/var/log/nginx/error.log]
HOSTYAML
    i=$((i + 1))
done
echo "made $DIR/known_hosts and $DIR/inventory.yaml ($HOSTS hosts edge-001.., 127.0.0.1..127.0.0.$HOSTS:$PORT)"
