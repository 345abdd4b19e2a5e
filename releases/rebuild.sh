#!/usr/bin/env bash
# Rebuilds a release's two jars from its source and checks them against releases/<version>/SHA256SUMS, so the
# jars kept here (which the upgrade test starts) are shown to be exactly that release's build.
#
#   releases/rebuild.sh 0.1.0             # builds tag v0.1.0, compares with releases/0.1.0/SHA256SUMS
#   releases/rebuild.sh 0.1.0 <commit>    # the same from a commit (a clone without tags)
#   releases/rebuild.sh --record 0.1.0 <commit>   # once, when the release is cut: keeps the jars and their sums
#
# Needs what the build needs (JDK 17, Maven, Node/npm, network access to Maven Central and npm); the jars are
# reproducible because the poms fix project.build.outputTimestamp.
set -euo pipefail

record=false
if [[ ${1:-} == --record ]]; then
  record=true
  shift
fi
version=${1:?usage: releases/rebuild.sh [--record] <version> [<commit or tag>]}
revision=${2:-v$version}
repo=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
release_dir=$repo/releases/$version
jars=("security-center-providers-$version.jar" "security-center-themes-$version.jar")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git -C "$repo" archive "$revision" | tar -x -C "$work"
built_version=$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' "$work/pom.xml" | head -1)
if [[ $built_version != "$version" ]]; then
  echo "$revision builds version $built_version, not $version" >&2
  exit 1
fi
(cd "$work" && mvn -B -q package -DskipTests -pl providers,themes -am)

mkdir -p "$work/out"
for jar in "${jars[@]}"; do
  cp "$work"/*/target/"$jar" "$work/out/"
done

if $record; then
  mkdir -p "$release_dir"
  cp "$work/out/"*.jar "$release_dir/"
  (cd "$release_dir" && sha256sum "${jars[@]}" > SHA256SUMS)
  echo "Recorded $version from $revision:"
  cat "$release_dir/SHA256SUMS"
else
  (cd "$work/out" && sha256sum -c "$release_dir/SHA256SUMS")
  echo "The jars in releases/$version are the build of $revision."
fi
