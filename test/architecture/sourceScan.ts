/**
 * Reads src/ as TypeScript syntax trees (comments and import paths are not code) for the architecture
 * tests: which string literals it holds, and which `as unknown as` double casts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import * as ts from 'typescript';

export const ROOT = join(__dirname, '..', '..');
export const SRC = join(ROOT, 'src');

export interface Finding {
  /** Path from the project root, with forward slashes (`src/usecases/sweep.ts`), or absolute. */
  file: string;
  line: number;
  text: string;
}

/** Every .ts file under `dir`, as paths from the project root, sorted. */
export function tsFiles(dir: string = SRC): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...tsFiles(path));
    else if (entry.name.endsWith('.ts')) found.push(relative(ROOT, path).split('\\').join('/'));
  }
  return found.sort();
}

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, readFileSync(resolve(ROOT, file), 'utf8'), ts.ScriptTarget.ES2020, true);
}

function visit(node: ts.Node, fn: (node: ts.Node) => void): void {
  fn(node);
  ts.forEachChild(node, (child) => visit(child, fn));
}

function lineOf(source: ts.SourceFile, node: ts.Node): number {
  return source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
}

function isModuleSpecifier(node: ts.Node): boolean {
  const parent = node.parent;
  return (
    (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent)) && parent.moduleSpecifier === node
  );
}

/** String literals (quoted or backtick without `${}`) in `files` whose text is one of `values`. */
export function literalsNamed(files: readonly string[], values: ReadonlySet<string>): Finding[] {
  const findings: Finding[] = [];
  for (const file of files) {
    const source = parse(file);
    visit(source, (node) => {
      if (!ts.isStringLiteral(node) && !ts.isNoSubstitutionTemplateLiteral(node)) return;
      if (isModuleSpecifier(node) || !values.has(node.text)) return;
      findings.push({ file, line: lineOf(source, node), text: node.text });
    });
  }
  return findings;
}

/** `x as unknown as T` casts in `files`: each silences the compiler entirely. */
export function doubleCasts(files: readonly string[]): Finding[] {
  const findings: Finding[] = [];
  for (const file of files) {
    const source = parse(file);
    visit(source, (node) => {
      if (!ts.isAsExpression(node) || !ts.isAsExpression(node.expression)) return;
      if (node.expression.type.kind !== ts.SyntaxKind.UnknownKeyword) return;
      findings.push({ file, line: lineOf(source, node), text: node.getText(source).slice(0, 80) });
    });
  }
  return findings;
}

/** Findings as one line per file, for the test log: `src/gas/x.ts (3): 12 'OID', 40 'TL Name', …`. */
export function report(findings: readonly Finding[]): string {
  const byFile = new Map<string, Finding[]>();
  for (const f of findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  return [...byFile]
    .map(
      ([file, list]) =>
        `${file} (${list.length}): ${list.map((f) => `${f.line} ${JSON.stringify(f.text)}`).join(', ')}`,
    )
    .join('\n');
}
