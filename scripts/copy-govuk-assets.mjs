// Copies the GOV.UK Frontend build from node_modules into Django's static files.
// The package itself is installed by npm and never committed.
import { cpSync, existsSync, mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const source = join(root, "node_modules", "govuk-frontend", "dist", "govuk");
const target = join(root, "commonweal", "static", "vendor", "govuk");

if (!existsSync(source)) {
  console.error("govuk-frontend is not installed: run `npm ci` first.");
  process.exit(1);
}
rmSync(target, { recursive: true, force: true });
mkdirSync(target, { recursive: true });
for (const name of ["govuk-frontend.min.css", "govuk-frontend.min.js", "assets"]) {
  cpSync(join(source, name), join(target, name), { recursive: true });
}
console.log(`GOV.UK Frontend assets copied to ${target}`);
