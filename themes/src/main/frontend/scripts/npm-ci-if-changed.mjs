// Runs `npm ci` unless node_modules was installed from exactly the current package.json and
// package-lock.json, so that repeated Maven builds skip a reinstall of several hundred MB.
// `npm ci` deletes node_modules first, stamp included, so an interrupted install is redone.
import { execSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";

const stampFile = "node_modules/.security-center-install.sha256";
const hash = createHash("sha256");
for (const file of ["package.json", "package-lock.json"]) {
  hash.update(readFileSync(file));
}
const stamp = hash.digest("hex");

if (existsSync(stampFile) && readFileSync(stampFile, "utf8") === stamp) {
  console.log("node_modules is up to date with package-lock.json, skipping npm ci");
} else {
  execSync("npm ci --no-audit --no-fund", { stdio: "inherit" });
  writeFileSync(stampFile, stamp);
}
