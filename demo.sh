#!/usr/bin/env bash
# Builds the extension and starts Keycloak with it and the Acme demo realm at http://localhost:8080, on the
# embedded dev-file H2 database under target/demo (kept across restarts; `mvn clean` resets it), together with a
# GreenMail mail catcher for the mail Keycloak sends. Ctrl-C stops both.
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

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

if port_in_use "$HTTP_PORT"; then
  echo "Port $HTTP_PORT is already in use: stop what runs there or set HTTP_PORT." >&2
  exit 1
fi

echo "==> Building the providers and themes jars"
mvn -B -q -DskipTests package

echo "==> Preparing Keycloak $KC_VERSION in $KC_HOME"
mkdir -p "$DEMO_DIR"
if [ ! -x "$KC_HOME/bin/kc.sh" ]; then
  mvn -B -q -N org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
    -Dartifact="org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip" -DoutputDirectory="$DEMO_DIR"
  (cd "$DEMO_DIR" && jar xf "keycloak-quarkus-dist-$KC_VERSION.zip" && rm "keycloak-quarkus-dist-$KC_VERSION.zip")
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
  mvn -B -q -N org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
    -Dartifact="com.icegreen:greenmail-standalone:$GREENMAIL_VERSION" -DoutputDirectory="$DEMO_DIR"
fi

MAIL_PID=
if port_in_use "$SMTP_PORT"; then
  echo "==> Port $SMTP_PORT is in use: assuming a mail catcher already runs there"
else
  echo "==> Starting the GreenMail mail catcher (SMTP $SMTP_PORT, IMAP 3143, web API $MAIL_API_PORT)"
  java -Dgreenmail.setup.test.smtp -Dgreenmail.setup.test.imap -Dgreenmail.hostname=127.0.0.1 \
    -Dgreenmail.auth.disabled -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port=$MAIL_API_PORT \
    -jar "$GREENMAIL_JAR" > "$DEMO_DIR/greenmail.log" 2>&1 &
  MAIL_PID=$!
fi

KC_PID=
SETUP_PID=
# Runs once, whatever stopped the script (Ctrl-C, kill, a closed terminal, an error): every step is allowed to
# fail, because under `set -e` the first kill of a helper that had already finished would end the clean-up there.
stop_all() {
  trap - EXIT INT TERM HUP
  set +e
  local pid
  for pid in $SETUP_PID $KC_PID $MAIL_PID; do
    pkill -TERM -P "$pid" 2>/dev/null
    kill -TERM "$pid" 2>/dev/null
  done
  for pid in $KC_PID $MAIL_PID; do
    wait "$pid" 2>/dev/null
  done
}
trap 'stop_all; exit 130' INT
trap 'stop_all; exit 143' TERM
trap 'stop_all; exit 129' HUP
trap stop_all EXIT

# The master realm's admin theme decides which admin console is served, so it is set once Keycloak is up.
use_security_center_admin_console() {
  until "$KC_HOME/bin/kcadm.sh" config credentials --config "$DEMO_DIR/kcadm.config" \
      --server "http://localhost:$HTTP_PORT" --realm master --user "$ADMIN_USER" --password "$ADMIN_PASSWORD" \
      >/dev/null 2>&1; do
    sleep 3
  done
  "$KC_HOME/bin/kcadm.sh" update realms/master --config "$DEMO_DIR/kcadm.config" -s adminTheme=security-center
  cat <<INFO

==================================================================================================
 Keycloak Security Center demo is running
   Admin console     http://localhost:$HTTP_PORT/admin/master/console/#/acme   ($ADMIN_USER / $ADMIN_PASSWORD)
   Acme admin console http://localhost:$HTTP_PORT/admin/acme/console/          (tbrennan / Acme-Demo-2026!)
   Account console   http://localhost:$HTTP_PORT/realms/acme/account/          (any demo user)
   Policy API        http://localhost:$HTTP_PORT/admin/realms/acme/security-center/policy (bearer token)
   Mail catcher      http://127.0.0.1:$MAIL_API_PORT/  (API: /api/user/<email>/messages/, IMAP 127.0.0.1:3143)

 Demo logins (realm acme, password Acme-Demo-2026! for all 45 users; see realm-config/README.md):
   ewhitfield  Super Admin (TOTP)     tbrennan  Admin
   cdubois     Manager                jsmith    Operator      cmartin  Viewer
 Press Ctrl-C to stop.
==================================================================================================
INFO
}

echo "==> Starting Keycloak on http://localhost:$HTTP_PORT (first start takes about a minute)"
use_security_center_admin_console &
SETUP_PID=$!
KC_BOOTSTRAP_ADMIN_USERNAME=$ADMIN_USER KC_BOOTSTRAP_ADMIN_PASSWORD=$ADMIN_PASSWORD \
  "$KC_HOME/bin/kc.sh" start-dev --http-port="$HTTP_PORT" --import-realm &
KC_PID=$!
wait "$KC_PID"
