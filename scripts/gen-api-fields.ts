/**
 * Generates lib/cluster/admission/api-fields.json — the field tree of the built-in API types —
 * from the `kubernetes-types` package (TypeScript types generated from the Kubernetes OpenAPI
 * schema). Used for the apiserver's strict decoding (`unknown field "spec.replica"`).
 * Run: npx tsx scripts/gen-api-fields.ts
 *
 * Type codes: "s" string (and Time), "n" number, "b" boolean, "p" string-or-number (IntOrString,
 * Quantity), "*" any JSON,
 * "[X" array of X, "{X" map of X, otherwise a type key like "core/v1.PodSpec".
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

const ROOT = join(process.cwd(), 'node_modules/kubernetes-types');
const FILES = ['core/v1', 'apps/v1', 'batch/v1', 'networking/v1', 'storage/v1', 'autoscaling/v1', 'autoscaling/v2',
  'policy/v1', 'discovery/v1', 'rbac/v1', 'scheduling/v1', 'coordination/v1', 'meta/v1', 'api/resource', 'util/intstr', 'runtime'];
const PRIMITIVE_ALIASES = new Set(['IntOrString', 'Quantity']);
const STRING_ALIASES = new Set(['Time', 'MicroTime']);
const ANY_ALIASES = new Set(['RawExtension', 'FieldsV1', 'JSON']);

const types: Record<string, Record<string, string>> = {};
const kinds: Record<string, string> = {};

for (const file of FILES) {
  let text: string;
  try { text = readFileSync(join(ROOT, `${file}.d.ts`), 'utf8'); } catch { continue; }
  const src = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const imports = new Map<string, string>();
  const local = new Set<string>();
  src.forEachChild((n) => {
    if (ts.isInterfaceDeclaration(n)) local.add(n.name.text);
    if (ts.isImportDeclaration(n) && n.importClause?.namedBindings && ts.isNamedImports(n.importClause.namedBindings)) {
      const from = (n.moduleSpecifier as ts.StringLiteral).text.replace(/^\.\.\//, '').replace(/^\.\//, '');
      // Every file sits at <group>/<version>.d.ts, so `../x/y` is root-relative `x/y`.
      for (const el of n.importClause.namedBindings.elements) imports.set(el.name.text, from);
    }
  });
  const code = (t: ts.TypeNode): string => {
    if (ts.isArrayTypeNode(t)) return `[${code(t.elementType)}`;
    if (ts.isTypeReferenceNode(t)) {
      const name = t.typeName.getText(src);
      if (name === 'Array' && t.typeArguments?.length) return `[${code(t.typeArguments[0])}`;
      if (PRIMITIVE_ALIASES.has(name)) return 'p';
      if (STRING_ALIASES.has(name)) return 's';
      if (ANY_ALIASES.has(name)) return '*';
      if (local.has(name)) return `${file}.${name}`;
      if (imports.has(name)) return `${imports.get(name)}.${name}`;
      return '*';
    }
    if (ts.isTypeLiteralNode(t)) {
      const idx = t.members.find(ts.isIndexSignatureDeclaration);
      return idx?.type ? `{${code(idx.type)}` : '*';
    }
    if (ts.isUnionTypeNode(t)) {
      const codes = [...new Set(t.types.map(code))];
      return codes.length === 1 ? codes[0] : codes.every((c) => c === 's' || c === 'n') ? 'p' : '*';
    }
    if (ts.isParenthesizedTypeNode(t)) return code(t.type);
    if (t.kind === ts.SyntaxKind.StringKeyword || ts.isLiteralTypeNode(t)) return 's';
    if (t.kind === ts.SyntaxKind.NumberKeyword) return 'n';
    if (t.kind === ts.SyntaxKind.BooleanKeyword) return 'b';
    return '*';
  };
  src.forEachChild((n) => {
    if (!ts.isInterfaceDeclaration(n)) return;
    const fields: Record<string, string> = {};
    let kind: string | undefined, apiVersion: string | undefined;
    for (const m of n.members) {
      if (!ts.isPropertySignature(m) || !m.type) continue;
      const name = m.name.getText(src).replace(/^"|"$/g, '');
      fields[name] = code(m.type);
      if (ts.isLiteralTypeNode(m.type) && ts.isStringLiteral(m.type.literal)) {
        if (name === 'kind') kind = m.type.literal.text;
        if (name === 'apiVersion') apiVersion = m.type.literal.text;
      }
    }
    types[`${file}.${n.name.text}`] = fields;
    if (kind && apiVersion && !kind.endsWith('List')) kinds[`${apiVersion}/${kind}`] = `${file}.${n.name.text}`;
  });
}

const out = join(process.cwd(), 'lib/cluster/admission/api-fields.json');
writeFileSync(out, `${JSON.stringify({ source: 'kubernetes-types', kinds, types })}\n`);
console.log(`wrote ${out}: ${Object.keys(kinds).length} kinds, ${Object.keys(types).length} types`);
