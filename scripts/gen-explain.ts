/**
 * Generates lib/shell/kubectl/explain/api-docs.json — the documented type tree `kubectl explain`
 * prints — from the JSDoc of the `kubernetes-types` package (TypeScript types generated from the
 * Kubernetes OpenAPI schema, descriptions included). Only types reachable from the kinds the
 * simulated API server serves (lib/cluster/resources.ts) are kept.
 * Run: npm run gen:explain   (npx tsx scripts/gen-explain.ts)
 *
 * Output: { source, kinds: { "apps/v1/Deployment": "apps/v1.Deployment" },
 *           types: { "apps/v1.Deployment": { d: description, t?: display type, f?: { field: [type, description, required?] } } } }
 * Field type codes: "string" | "integer" | "boolean" | "Object" (display names as the OpenAPI v3
 * explain template prints them), "[X" array of X, "{X" map of X, "#key" a named type.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { RESOURCES } from '../lib/cluster/resources';

const ROOT = join(process.cwd(), 'node_modules/kubernetes-types');
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
/** OpenAPI v3 serves these as `type: string` (format date-time), so explain prints `<string>`. */
const STRING_ALIASES = new Set(['meta/v1.Time', 'meta/v1.MicroTime']);
/** Inlined as `number | string` in kubernetes-types; upstream: apimachinery/pkg/util/intstr/intstr.go. */
const INT_OR_STRING = 'util/intstr.IntOrString';
const INT_OR_STRING_DOC = 'IntOrString is a type that can hold an int32 or a string.  When used in JSON or YAML marshalling and ' +
  'unmarshalling, it produces or consumes the inner type.  This allows you to have, for example, a JSON field that can accept a name or number.';

interface DocType { d: string; t?: string; f?: Record<string, [string, string] | [string, string, 1]> }

const parsed = new Map<string, ts.SourceFile>();
function source(file: string): ts.SourceFile | undefined {
  if (!parsed.has(file)) {
    let text: string;
    try { text = readFileSync(join(ROOT, `${file}.d.ts`), 'utf8'); } catch { return undefined; }
    parsed.set(file, ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true));
  }
  return parsed.get(file);
}

function doc(node: ts.Node): string {
  const docs = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
  return docs.map((d) => ts.getTextOfJSDocComment(d.comment) ?? '').join('\n');
}

function imports(src: ts.SourceFile): Map<string, string> {
  const map = new Map<string, string>();
  src.forEachChild((n) => {
    if (ts.isImportDeclaration(n) && n.importClause?.namedBindings && ts.isNamedImports(n.importClause.namedBindings)) {
      const from = (n.moduleSpecifier as ts.StringLiteral).text.replace(/^\.\.\//, '').replace(/^\.\//, '');
      for (const el of n.importClause.namedBindings.elements) map.set(el.name.text, from);
    }
  });
  return map;
}

const types: Record<string, DocType> = {};
const queue: string[] = [];
const want = (key: string) => { if (!(key in types) && !queue.includes(key)) queue.push(key); return `#${key}`; };

function typeCode(t: ts.TypeNode, file: string, src: ts.SourceFile, imp: Map<string, string>): string {
  if (ts.isArrayTypeNode(t)) return `[${typeCode(t.elementType, file, src, imp)}`;
  if (ts.isParenthesizedTypeNode(t)) return typeCode(t.type, file, src, imp);
  if (ts.isTypeReferenceNode(t)) {
    const name = t.typeName.getText(src);
    if (name === 'Array' && t.typeArguments?.length) return `[${typeCode(t.typeArguments[0], file, src, imp)}`;
    const from = imp.get(name) ?? file;
    return want(`${from}.${name}`);
  }
  if (ts.isTypeLiteralNode(t)) {
    const idx = t.members.find(ts.isIndexSignatureDeclaration);
    return idx?.type ? `{${typeCode(idx.type, file, src, imp)}` : 'Object';
  }
  if (ts.isUnionTypeNode(t)) {
    const kinds = new Set(t.types.map((u) => u.kind));
    if (kinds.has(ts.SyntaxKind.NumberKeyword) && kinds.has(ts.SyntaxKind.StringKeyword) && kinds.size === 2) return want(INT_OR_STRING);
    const codes = [...new Set(t.types.map((u) => typeCode(u, file, src, imp)))];
    return codes.length === 1 ? codes[0] : 'Object';
  }
  if (t.kind === ts.SyntaxKind.StringKeyword || ts.isLiteralTypeNode(t)) return 'string';
  if (t.kind === ts.SyntaxKind.NumberKeyword) return 'integer';
  if (t.kind === ts.SyntaxKind.BooleanKeyword) return 'boolean';
  return 'Object';
}

function build(key: string): void {
  if (key === INT_OR_STRING) { types[key] = { d: INT_OR_STRING_DOC, t: 'IntOrString' }; return; }
  const dot = key.lastIndexOf('.');
  const file = key.slice(0, dot), name = key.slice(dot + 1);
  const src = source(file);
  const imp = src ? imports(src) : new Map<string, string>();
  let found: DocType | undefined;
  src?.forEachChild((n) => {
    if (found || !((ts.isInterfaceDeclaration(n) || ts.isTypeAliasDeclaration(n)) && n.name.text === name)) return;
    if (ts.isTypeAliasDeclaration(n)) {
      found = { d: doc(n), t: STRING_ALIASES.has(key) ? 'string' : name };
      return;
    }
    const f: DocType['f'] = {};
    for (const m of n.members) {
      if (!ts.isPropertySignature(m) || !m.type) continue;
      const field = m.name.getText(src).replace(/^"|"$/g, '');
      const code = typeCode(m.type, file, src, imp);
      f[field] = m.questionToken ? [code, doc(m)] : [code, doc(m), 1];
    }
    found = { d: doc(n), f };
  });
  types[key] = found ?? { d: '', t: name };
}

const kinds: Record<string, string> = {};
for (const res of RESOURCES) {
  for (const version of [res.version, ...(res.alsoServed ?? [])]) {
    const file = `${res.group ? res.group.split('.')[0] : 'core'}/${version}`;
    const src = source(file);
    let exists = false;
    src?.forEachChild((n) => { if (ts.isInterfaceDeclaration(n) && n.name.text === res.kind) exists = true; });
    // Groups like apiregistration.k8s.io are not in kubernetes-types; explain says so at run time.
    if (!exists) continue;
    kinds[`${res.group ? `${res.group}/` : ''}${version}/${res.kind}`] = want(`${file}.${res.kind}`).slice(1);
  }
}
while (queue.length) build(queue.shift() as string);

const sorted = Object.fromEntries(Object.keys(types).sort().map((k) => [k, types[k]]));
const out = join(process.cwd(), 'lib/shell/kubectl/explain/api-docs.json');
writeFileSync(out, `${JSON.stringify({ source: `kubernetes-types ${VERSION}`, kinds, types: sorted })}\n`);
console.log(`wrote ${out}: ${Object.keys(kinds).length} kinds, ${Object.keys(types).length} types`);
