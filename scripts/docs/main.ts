// `npm run docs`: writes the generated documentation (docs/reference/configuration.md, docs/reference/guardrails.md,
// the stack graph region of docs/architecture.md). `npm run docs -- --check` writes nothing and exits 1 naming
// each stale page, and each broken link or repository path in README.md and docs/.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { brokenReferences } from "./links";
import { generatedPages, stalePages } from "./pages";

const root = resolve(__dirname, "..", "..");
const check = process.argv.includes("--check");
const stale = stalePages(generatedPages(root));

if (check) {
  for (const page of stale) console.error(`stale: ${page.path} (run \`npm run docs\`)`);
  const broken = brokenReferences(root);
  for (const reference of broken) console.error(`broken: ${reference.file}:${reference.line}: ${reference.target} (${reference.reason})`);
  if (stale.length === 0 && broken.length === 0) console.log("docs: generated pages are current; every link and path exists");
  process.exitCode = stale.length + broken.length > 0 ? 1 : 0;
} else {
  for (const page of stale) {
    mkdirSync(dirname(join(root, page.path)), { recursive: true });
    writeFileSync(join(root, page.path), page.expected);
    console.log(`wrote ${page.path}`);
  }
  if (stale.length === 0) console.log("docs: generated pages are current");
}
