#!/usr/bin/env bash
# Builds the extension and starts Keycloak with it and the Acme demo realm at http://localhost:8080, on the
# embedded dev-file H2 database under target/demo (kept across restarts; `mvn clean` resets it), together with a
# GreenMail mail catcher for the mail Keycloak sends. At the first start the Acme realm is given its security policy
# and a recent history through Keycloak's own endpoints (module demo-history). Ctrl-C, any of INT, TERM and HUP, or
# the end of the shell that started it stops everything the script started.
set -euo pipefail
cd "$(dirname "$0")"

KC_VERSION=$(sed -n 's:.*<keycloak.version>\(.*\)</keycloak.version>.*:\1:p' pom.xml)
GREENMAIL_VERSION=$(sed -n 's:.*<greenmail.version>\(.*\)</greenmail.version>.*:\1:p' pom.xml)
DEMO_DIR=target/demo
KC_HOME=$DEMO_DIR/keycloak-$KC_VERSION
HTTP_PORT=${HTTP_PORT:-8080}
MAIL_API_PORT=8025
SMTP_PORT=3025
ADMIN_USER=${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}
ADMIN_PASSWORD=${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin}
# The demo plays a TLS-terminating load balancer on this loopback address, the only one whose X-Forwarded-* headers
# Keycloak believes: the history's sign-ins come through it "from" public addresses in several cities.
TRUSTED_PROXY=127.0.0.3
PARENT_PID=$PPID

# Every process this script starts is a descendant of it; stop_all ends them by their ids.
descendants() {
  local child
  for child in $(pgrep -P "$1"); do
    echo "$child"
    descendants "$child"
  done
}

# Runs once, whatever stopped the script (Ctrl-C, INT/TERM/HUP, its parent shell gone, an error, the end of
# Keycloak): every step is allowed to fail, because under `set -e` the first kill of a helper that had already
# finished would end the clean-up there. Keycloak gets up to 30 s to shut down cleanly, then is killed.
stop_all() {
  trap - EXIT INT TERM HUP
  set +e
  local pids pid tries
  pids=$(descendants $$)
  [ -z "$pids" ] && return
  kill -TERM $pids 2>/dev/null
  for tries in $(seq 60); do
    for pid in $pids; do
      kill -0 "$pid" 2>/dev/null && break
      pid=
    done
    [ -z "$pid" ] && return
    sleep 0.5
  done
  kill -KILL $pids 2>/dev/null
}
trap 'stop_all; exit 130' INT
trap 'stop_all; exit 143' TERM
trap 'stop_all; exit 129' HUP
trap stop_all EXIT

# Waits for a process the script started, checking every second that the shell that started the script is still
# there: a shell that dies (a closed IDE, a killed terminal) sends no signal, the script is only handed to another
# parent.
await() {
  local pid=$1
  while kill -0 "$pid" 2>/dev/null; do
    if [ "$(ps -o ppid= -p $$ | tr -d ' ')" != "$PARENT_PID" ]; then
      echo "==> The shell that started the demo is gone: stopping" >&2
      exit 129
    fi
    sleep 1 &
    wait $!
  done
  wait "$pid"
}

# Long steps run in the background and are waited for, so that a signal stops the script at once, not after them.
run() {
  "$@" &
  await $!
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

if port_in_use "$HTTP_PORT"; then
  echo "Port $HTTP_PORT is already in use: stop what runs there or set HTTP_PORT." >&2
  exit 1
fi

echo "==> Building the providers and themes jars and the demo's history seeding"
run mvn -B -q -DskipTests package

echo "==> Preparing Keycloak $KC_VERSION in $KC_HOME"
mkdir -p "$DEMO_DIR"
if [ ! -x "$KC_HOME/bin/kc.sh" ]; then
  run mvn -B -q -N org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
    -Dartifact="org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip" -DoutputDirectory="$DEMO_DIR"
  (cd "$DEMO_DIR" && run jar xf "keycloak-quarkus-dist-$KC_VERSION.zip" && rm "keycloak-quarkus-dist-$KC_VERSION.zip")
  chmod +x "$KC_HOME"/bin/*.sh
fi
rm -f "$KC_HOME"/providers/security-center-*.jar
cp providers/target/security-center-providers-*.jar themes/target/security-center-themes-*.jar "$KC_HOME/providers/"
mkdir -p "$KC_HOME/data/import" "$KC_HOME/data/geolocation"
# DB-IP Lite city data (CC BY 4.0), fetched by the providers build, for the session list's locations
cp providers/target/geolocation/*.mmdb "$KC_HOME/data/geolocation/"
cp realm-config/acme-realm.json "$KC_HOME/data/import/"

GREENMAIL_JAR=$DEMO_DIR/greenmail-standalone-$GREENMAIL_VERSION.jar
if [ ! -f "$GREENMAIL_JAR" ]; then
  run mvn -B -q -N org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
    -Dartifact="com.icegreen:greenmail-standalone:$GREENMAIL_VERSION" -DoutputDirectory="$DEMO_DIR"
fi

if port_in_use "$SMTP_PORT"; then
  echo "==> Port $SMTP_PORT is in use: assuming a mail catcher already runs there"
else
  echo "==> Starting the GreenMail mail catcher (SMTP $SMTP_PORT, IMAP 3143, web API $MAIL_API_PORT)"
  java -Dgreenmail.setup.test.smtp -Dgreenmail.setup.test.imap -Dgreenmail.hostname=127.0.0.1 \
    -Dgreenmail.auth.disabled -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port=$MAIL_API_PORT \
    -jar "$GREENMAIL_JAR" > "$DEMO_DIR/greenmail.log" 2>&1 &
fi

# Once Keycloak serves the demo realm: the master realm gets the Security Center admin console (its admin theme
# decides which console is served) and, at the first start, the demo realm its policy and history.
set_up_demo() {
  KC_BOOTSTRAP_ADMIN_USERNAME=$ADMIN_USER KC_BOOTSTRAP_ADMIN_PASSWORD=$ADMIN_PASSWORD \
    java -jar demo-history/target/security-center-demo-history-*-cli.jar \
    "http://127.0.0.1:$HTTP_PORT" acme "$TRUSTED_PROXY"
  cat <<INFO

==================================================================================================
 Keycloak Security Center demo is running
   Admin console     http://localhost:$HTTP_PORT/admin/master/console/#/acme/security-settings   ($ADMIN_USER / $ADMIN_PASSWORD)
   Acme admin console http://localhost:$HTTP_PORT/admin/acme/console/          (tbrennan / Acme-Demo-2026!)
   Account console   http://localhost:$HTTP_PORT/realms/acme/account/          (any demo user)
   Policy API        http://localhost:$HTTP_PORT/admin/realms/acme/security-center/policy (bearer token)
   Mail catcher      http://127.0.0.1:$MAIL_API_PORT/  (API: /api/user/<email>/messages/, IMAP 127.0.0.1:3143)

 Demo logins (realm acme, password Acme-Demo-2026! for 44 users, irossi's is Zurich-Lakeside-2026!;
 dkowalski set up an authenticator app; see realm-config/README.md):
   ewhitfield  Super Admin (TOTP)     tbrennan  Admin
   cdubois     Manager                jsmith    Operator      cmartin  Viewer
 Press Ctrl-C to stop.
==================================================================================================
INFO
}

echo "==> Starting Keycloak on http://localhost:$HTTP_PORT (first start takes about a minute)"
set_up_demo &
KC_BOOTSTRAP_ADMIN_USERNAME=$ADMIN_USER KC_BOOTSTRAP_ADMIN_PASSWORD=$ADMIN_PASSWORD \
  "$KC_HOME/bin/kc.sh" start-dev --http-port="$HTTP_PORT" --import-realm \
  --proxy-headers=xforwarded --proxy-trusted-addresses="$TRUSTED_PROXY" &
await $!
