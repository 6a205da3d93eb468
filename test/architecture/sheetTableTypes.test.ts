/**
 * `SheetTable` is typed by the contract (docs/RULES.md R2): sheetTableTypes.ts holds calls that must not
 * compile, each marked `// @ts-expect-error <why>`. The typecheck (`npm run typecheck`) proves each is an
 * error; this test compiles the file again with the directives removed and proves each is the RIGHT
 * error — the misspelt or foreign header named as not assignable to the table's headers — and that the
 * lines around them compile.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ts from 'typescript';
import { ROOT } from './sourceScan';

const FILE = join(ROOT, 'test', 'architecture', 'sheetTableTypes.ts');
const DIRECTIVE = '// @ts-expect-error';

let previous: ts.Program | undefined;

/** The file's diagnostics when its text is `text` (the second compile reuses the first's work). */
function compile(text: string): ts.Diagnostic[] {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(ROOT, 'workspace', 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  )!;
  const host = ts.createCompilerHost(config.options);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version, onError, create) =>
    name === FILE ? ts.createSourceFile(name, text, version) : read(name, version, onError, create);
  const program = ts.createProgram([FILE], config.options, host, previous);
  previous = program;
  return [
    ...program.getSemanticDiagnostics(program.getSourceFile(FILE)),
    ...program.getSyntacticDiagnostics(),
  ];
}

const lineOf = (d: ts.Diagnostic) => d.file!.getLineAndCharacterOfPosition(d.start!).line;
const message = (d: ts.Diagnostic) => ts.flattenDiagnosticMessageText(d.messageText, ' ');

describe('SheetTable accepts only its own sheet’s headers (a misspelt header does not compile)', () => {
  const source = readFileSync(FILE, 'utf8');
  const lines = source.split('\n');
  const expected = lines.flatMap((line, n) => (line.trim().startsWith(DIRECTIVE) ? [n + 1] : []));

  it('the file compiles as it is: every marked line is an error, every other line is fine', () => {
    expect(expected.length).toBeGreaterThanOrEqual(7);
    expect(compile(source).map(message)).toEqual([]);
  });

  it('without the directives, exactly the marked lines fail, each naming the header it refuses', () => {
    const bare = lines.map((line) => (line.trim().startsWith(DIRECTIVE) ? '' : line)).join('\n');
    const errors = compile(bare);
    expect(errors.map(lineOf)).toEqual(expected);
    const texts = errors.map(message);
    expect(texts[0]).toMatch(
      /Argument of type '"OlD"' is not assignable to parameter of type '"Agent Name" \| "OID"/,
    );
    expect(texts[1]).toMatch(/'"Policy"' is not assignable/);
    expect(texts.find((t) => t.includes('Agent Nmae'))).toMatch(/does not exist in type/);
    expect(texts.find((t) => t.includes('D3 After Dinner'))).toMatch(/`D\$\{number\} Before Break 1`/);
    expect(texts.find((t) => t.includes('"AHIP Final"'))).toMatch(/"Last Self-Report"/);
    expect(texts.find((t) => t.includes('"Exemption"'))).toMatch(/not assignable/);
  });
});
