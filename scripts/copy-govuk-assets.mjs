// Builds the GOV.UK Frontend styles and copies its scripts and images from node_modules into
// Django's static files. The packages themselves are installed by npm and never committed.
// The styles are compiled from GOV.UK Frontend's Sass with frontend/commonweal.scss, which
// sets the typeface (GDS Transport is for GOV.UK only) and where the images are served from.
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as sass from "sass";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const source = join(root, "node_modules", "govuk-frontend", "dist", "govuk");
const target = join(root, "commonweal", "static", "vendor", "govuk");

if (!existsSync(source)) {
  console.error("govuk-frontend is not installed: run `npm ci` first.");
  process.exit(1);
}
rmSync(target, { recursive: true, force: true });
mkdirSync(target, { recursive: true });
for (const name of ["govuk-frontend.min.js", "assets"]) {
  cpSync(join(source, name), join(target, name), { recursive: true });
}
rmSync(join(target, "assets", "fonts"), { recursive: true, force: true });
const styles = sass.compile(join(root, "frontend", "commonweal.scss"), {
  loadPaths: [join(root, "node_modules")],
  style: "compressed",
  quietDeps: true,
});
writeFileSync(join(target, "commonweal-govuk.min.css"), styles.css);
console.log(`GOV.UK Frontend assets built into ${target}`);
