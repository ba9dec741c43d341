// The doc comments of the configuration schema, by field path, read from the TypeScript sources.
//
// The schema's fields are documented where they are declared, as `/** ... */` above each property of a
// `z.object`/`z.strictObject` literal (as aws-cdk documents its props); zod keeps no trace of comments at run time,
// so the reference generator reads them here, following the same composition the schema uses: a property whose
// value is a named schema (`bucket: bucketName`, `logRetentionDays,`) continues in that constant's declaration,
// in whichever config file it is, and its own doc comment is the fallback description.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import type * as TS from "typescript";

// Required at run time rather than imported: `npm run docs` runs through esbuild (scripts/run-ts.mjs), which would
// otherwise bundle the whole compiler (~9 MB) into the script on every run.
const ts = createRequire(__filename)("typescript") as typeof TS;

/** What the sources say about one field. */
export interface FieldComment {
  /** The doc comment of the property, without its tags. */
  readonly description?: string;
  /** The doc comment of the named schema the property uses, when the property has none. */
  readonly fallback?: string;
  /** The `@default` tag, for defaults the code computes (`- the primary's instance class`). */
  readonly defaultTag?: string;
  /** Repository path of the file that declares the property. */
  readonly file: string;
}

interface Declaration {
  readonly file: string;
  readonly node: TS.Node;
  readonly comment?: ParsedComment;
}

interface ParsedComment {
  readonly text: string;
  readonly defaultTag?: string;
}

const OBJECT_FACTORIES = new Set(["object", "strictObject", "looseObject"]);

/**
 * The doc comments of every field under the schema constant `name` of `file` (repository-relative), keyed by the
 * path notation of the reference: `network.flowLogs.enabled`, `services[].secrets.<name>.jsonKey`.
 */
export function schemaComments(root: string, file: string, name: string): Map<string, FieldComment> {
  return new SchemaCommentReader(root).read(file, name);
}

class SchemaCommentReader {
  private readonly sources = new Map<string, TS.SourceFile>();
  private readonly comments = new Map<string, FieldComment>();
  private readonly visiting = new Set<string>();

  constructor(private readonly root: string) {}

  read(file: string, name: string): Map<string, FieldComment> {
    const declaration = this.declaration(file, name);
    if (!declaration) throw new Error(`${file} declares no ${name}`);
    this.walk(declaration.node, declaration.file, "");
    return this.comments;
  }

  private source(file: string): TS.SourceFile {
    let source = this.sources.get(file);
    if (!source) {
      source = ts.createSourceFile(file, readFileSync(join(this.root, file), "utf8"), ts.ScriptTarget.ES2022, true);
      this.sources.set(file, source);
    }
    return source;
  }

  /** A top-level `const name = ...` or `function name` of `file`, following imports of relative modules. */
  private declaration(file: string, name: string): Declaration | undefined {
    const source = this.source(file);
    for (const statement of source.statements) {
      if (ts.isVariableStatement(statement)) {
        for (const variable of statement.declarationList.declarations) {
          if (ts.isIdentifier(variable.name) && variable.name.text === name && variable.initializer) {
            return { file, node: variable.initializer, comment: leadingComment(statement, source) };
          }
        }
      } else if (ts.isFunctionDeclaration(statement) && statement.name?.text === name) {
        return { file, node: statement, comment: leadingComment(statement, source) };
      } else if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
        const specifier = statement.moduleSpecifier.text;
        const bindings = statement.importClause?.namedBindings;
        if (!specifier.startsWith(".") || !bindings || !ts.isNamedImports(bindings)) continue;
        const imported = bindings.elements.find((element) => element.name.text === name);
        if (imported) return this.declaration(this.resolveModule(file, specifier), (imported.propertyName ?? imported.name).text);
      }
    }
    return undefined;
  }

  private resolveModule(from: string, specifier: string): string {
    const base = relative(this.root, join(this.root, dirname(from), specifier))
      .split("\\")
      .join("/");
    for (const candidate of [`${base}.ts`, `${base}/index.ts`]) {
      try {
        this.source(candidate);
        return candidate;
      } catch {
        // not this one
      }
    }
    throw new Error(`${from}: cannot resolve ${specifier}`);
  }

  private note(path: string, file: string, comment: ParsedComment | undefined, asFallback: boolean): void {
    if (!path) return;
    const known = this.comments.get(path);
    const next: FieldComment = {
      file: known?.file ?? file,
      description: known?.description ?? (asFallback ? undefined : comment?.text),
      fallback: known?.fallback ?? (asFallback ? comment?.text : undefined),
      defaultTag: known?.defaultTag ?? comment?.defaultTag,
    };
    this.comments.set(path, next);
  }

  /** Follows a schema expression: calls on `z`, method chains (`.optional()`, `.refine()`), constants, helpers. */
  private walk(node: TS.Node, file: string, path: string): void {
    const key = `${file}:${node.pos}:${node.end}:${node.kind}:${path}`;
    if (this.visiting.has(key)) return;
    this.visiting.add(key);
    try {
      this.walkNode(node, file, path);
    } finally {
      this.visiting.delete(key);
    }
  }

  private walkNode(node: TS.Node, file: string, path: string): void {
    if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node)) {
      this.walk(node.expression, file, path);
    } else if (ts.isIdentifier(node)) {
      const declaration = this.declaration(file, node.text);
      if (!declaration) return;
      this.note(path, declaration.file, declaration.comment, true);
      this.walk(declaration.node, declaration.file, path);
    } else if (ts.isFunctionDeclaration(node) || ts.isArrowFunction(node) || ts.isFunctionExpression(node)) {
      const body = node.body;
      if (!body) return;
      if (!ts.isBlock(body)) {
        this.walk(body, file, path);
        return;
      }
      const returned = body.statements.find(ts.isReturnStatement);
      if (returned?.expression) this.walk(returned.expression, file, path);
    } else if (ts.isCallExpression(node)) {
      this.walkCall(node, file, path);
    }
  }

  private walkCall(call: TS.CallExpression, file: string, path: string): void {
    const callee = call.expression;
    const [first, second] = call.arguments;
    if (ts.isIdentifier(callee)) {
      // A helper that returns a schema (`dailyWindow(30)`, `postgresIdentifier("user name")`).
      const declaration = this.declaration(file, callee.text);
      if (declaration) this.walk(declaration.node, declaration.file, path);
      return;
    }
    if (!ts.isPropertyAccessExpression(callee)) return;
    const method = callee.name.text;
    if (ts.isIdentifier(callee.expression) && callee.expression.text === "z") {
      if (OBJECT_FACTORIES.has(method) && first) this.walkShape(first, file, path);
      else if (method === "array" && first) this.walk(first, file, `${path}[]`);
      else if (method === "record" && second) this.walk(second, file, `${path}.<name>`);
      else if (method === "union" && first) this.walkOptions(first, file, path);
      else if (method === "discriminatedUnion" && second) this.walkOptions(second, file, path);
      return;
    }
    if ((method === "extend" || method === "safeExtend") && first) this.walkShape(first, file, path);
    this.walk(callee.expression, file, path);
  }

  private walkOptions(options: TS.Node, file: string, path: string): void {
    if (!ts.isArrayLiteralExpression(options)) return;
    for (const option of options.elements) this.walk(option, file, path);
  }

  private walkShape(shape: TS.Node, file: string, path: string): void {
    if (ts.isIdentifier(shape)) {
      const declaration = this.declaration(file, shape.text);
      if (declaration) this.walkShape(declaration.node, declaration.file, path);
      return;
    }
    if (!ts.isObjectLiteralExpression(shape)) return;
    const source = this.source(file);
    for (const property of shape.properties) {
      if (!ts.isPropertyAssignment(property) && !ts.isShorthandPropertyAssignment(property)) continue;
      const name = ts.isIdentifier(property.name) || ts.isStringLiteral(property.name) ? property.name.text : undefined;
      if (name === undefined) continue;
      const fieldPath = path ? `${path}.${name}` : name;
      this.note(fieldPath, file, leadingComment(property, source), false);
      this.walk(ts.isPropertyAssignment(property) ? property.initializer : property.name, file, fieldPath);
    }
  }
}

/** The comments right above a node (`/** ... *\/` or `//` lines), as one paragraph, and its `@default` tag. */
function leadingComment(node: TS.Node, source: TS.SourceFile): ParsedComment | undefined {
  const ranges = ts.getLeadingCommentRanges(source.text, node.getFullStart()) ?? [];
  const lines: string[] = [];
  for (const range of ranges) {
    const text = source.text.slice(range.pos, range.end);
    if (range.kind === ts.SyntaxKind.SingleLineCommentTrivia) lines.push(text.replace(/^\/\/\s?/, ""));
    else
      lines.push(
        ...text
          .replace(/^\/\*\*?/, "")
          .replace(/\*\/$/, "")
          .split("\n")
          .map((line) => line.replace(/^\s*\*\s?/, "")),
      );
  }
  const tagAt = lines.findIndex((line) => /^\s*@\w+/.test(line));
  const body = (tagAt < 0 ? lines : lines.slice(0, tagAt))
    .map((line) => line.trim())
    .filter(Boolean)
    .join(" ");
  const tags = tagAt < 0 ? "" : lines.slice(tagAt).join(" ");
  const defaultTag = /@default\s+(.*?)(?=\s@\w+|$)/.exec(tags)?.[1]?.trim();
  if (!body && !defaultTag) return undefined;
  return { text: body, defaultTag };
}
