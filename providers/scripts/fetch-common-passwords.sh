#!/usr/bin/env bash
# Fetches the common-password frequency list of the npm package @zxcvbn-ts/language-common (MIT; about 49,000
# passwords, most common first, 480 KB) into the providers' classes, where the jar picks it up as
# common-passwords.json next to its licence. Never committed: every build fetches it (npm keeps the tarball in its
# cache), unless that version is already there.
set -euo pipefail
version=$1
out=$2
if [ -f "$out/common-passwords.version" ] && [ "$(cat "$out/common-passwords.version")" = "$version" ]; then
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
npm pack --silent --pack-destination "$work" "@zxcvbn-ts/language-common@$version" >/dev/null
tar xzf "$work"/*.tgz -C "$work" package/src/passwords.json package/LICENSE.txt
mkdir -p "$out"
cp "$work/package/src/passwords.json" "$out/common-passwords.json"
cp "$work/package/LICENSE.txt" "$out/common-passwords.LICENSE.txt"
echo "$version" > "$out/common-passwords.version"
