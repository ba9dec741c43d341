// Every relative link and every repository path that README.md and docs/**/*.md mention must exist, so that the
// manual cannot drift from the tree again (the old README named test files that had moved).
//
// Checked: markdown links `[text](target)` that are not URLs (the file, and a `#fragment` against the target's
// headings), and inline code that names a repository path: its first segment is an entry of the repository root
// (`config/schema.ts`, `__tests__/unit/`). Placeholders match any name (`config/blueprints/<name>.ts`), `*` and
// `{a,b}` work as in a shell, and a pattern must match at least one file. Paths under build outputs (`cdktf.out/`,
// `dist/`, `node_modules/`) are what a run writes, not part of the tree, and are left alone.
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";

export interface BrokenReference {
  /** Repository path of the markdown file. */
  readonly file: string;
  readonly line: number;
  readonly target: string;
  readonly reason: string;
}

const SKIPPED_DIRS = new Set([".git", "node_modules", "dist", "cdktf.out", "coverage"]);
const OUTPUT_ROOTS = new Set(["cdktf.out", "dist", "node_modules"]);

/** README.md and every markdown file under docs/. */
export function markdownFiles(root: string): string[] {
  return ["README.md", ...repositoryFiles(root).filter((file) => file.startsWith("docs/") && file.endsWith(".md"))].filter((file) =>
    existsSync(join(root, file)),
  );
}

export function brokenReferences(root: string, files: readonly string[] = markdownFiles(root)): BrokenReference[] {
  const tree = repositoryFiles(root);
  const topLevel = new Set(readdirSync(root).filter((entry) => !entry.startsWith(".")));
  const broken: BrokenReference[] = [];
  for (const file of files) {
    const text = readFileSync(join(root, file), "utf8");
    proseLines(text).forEach(({ line, number }) => {
      for (const target of linkTargets(line)) {
        const reason = checkLink(root, file, target);
        if (reason) broken.push({ file, line: number, target, reason });
      }
      for (const span of codeSpans(line)) {
        const path = span.replace(/[.,:;]$/, "");
        const first = path.split("/")[0];
        if (!topLevel.has(first) && !OUTPUT_ROOTS.has(first)) continue;
        if (OUTPUT_ROOTS.has(first) || !looksLikePath(path)) continue;
        if (!matchesTree(path, tree)) broken.push({ file, line: number, target: path, reason: "no such file or directory in the repository" });
      }
    });
  }
  return broken;
}

/** Lines outside fenced code blocks (commands in them name files that runs create), with their line numbers. */
function proseLines(text: string): { line: string; number: number }[] {
  const out: { line: string; number: number }[] = [];
  let fenced = false;
  text.split("\n").forEach((line, i) => {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    else if (!fenced && !/^\s*<!--.*-->\s*$/.test(line)) out.push({ line, number: i + 1 });
  });
  return out;
}

function linkTargets(line: string): string[] {
  const withoutCode = line.replace(/`[^`]*`/g, "");
  return [...withoutCode.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((match) => match[1]);
}

function codeSpans(line: string): string[] {
  return [...line.matchAll(/(?<!`)`([^`\s]+)`(?!`)/g)].map((match) => match[1]);
}

function looksLikePath(text: string): boolean {
  return /^[\w.@<>*{},-]+(\/[\w.@<>*{},-]*)*$/.test(text) && !/^\w+\.\w+\(/.test(text);
}

function checkLink(root: string, file: string, target: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return undefined;
  const [pathPart, fragment] = target.split("#", 2);
  const resolved = pathPart
    ? relative(root, join(root, dirname(file), decodeURI(pathPart)))
        .split("\\")
        .join("/")
    : file;
  if (resolved.startsWith("..")) return "points outside the repository";
  if (!existsSync(join(root, resolved))) return "no such file";
  if (fragment && resolved.endsWith(".md") && !headingSlugs(readFileSync(join(root, resolved), "utf8")).has(fragment)) {
    return `no heading #${fragment} in ${resolved}`;
  }
  return undefined;
}

/** GitHub's anchors for a page's headings: lower case, punctuation dropped, spaces as '-', repeats numbered. */
export function headingSlugs(markdown: string): Set<string> {
  const slugs = new Set<string>();
  const seen = new Map<string, number>();
  let fenced = false;
  for (const line of markdown.split("\n")) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const heading = !fenced && /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!heading) continue;
    const base = heading[1]
      .replace(/<[^>]+>/g, "")
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, "")
      .replace(/\s/g, "-");
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    slugs.add(count === 0 ? base : `${base}-${count}`);
  }
  return slugs;
}

function matchesTree(path: string, tree: readonly string[]): boolean {
  const pattern = path.replace(/\/$/, "");
  if (!/[<>*{}]/.test(pattern)) {
    return tree.some((file) => file === pattern || file.startsWith(`${pattern}/`));
  }
  const regex = new RegExp(`^${globToRegex(pattern)}(/.*)?$`);
  return tree.some((file) => regex.test(file));
}

function globToRegex(pattern: string): string {
  let out = "";
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === "*") out += "[^/]*";
    else if (char === "<") {
      const end = pattern.indexOf(">", i);
      out += "[^/]+";
      i = end < 0 ? i : end;
    } else if (char === "{") {
      const end = pattern.indexOf("}", i);
      out += `(${pattern
        .slice(i + 1, end)
        .split(",")
        .map(escapeRegex)
        .join("|")})`;
      i = end;
    } else out += escapeRegex(char);
  }
  return out;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Every file of the working tree (build outputs and dependencies left out), as repository paths. */
function repositoryFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(root, dir))) {
      if (SKIPPED_DIRS.has(entry)) continue;
      const path = dir ? `${dir}/${entry}` : entry;
      if (statSync(join(root, path)).isDirectory()) walk(path);
      else out.push(path);
    }
  };
  walk("");
  return out;
}
