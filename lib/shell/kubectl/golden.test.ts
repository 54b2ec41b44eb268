/**
 * Golden tests for kubectl printing: each testdata/NAME.input is a script typed into a
 * fresh shell (seed "golden", clock 2025-01-01T00:00:00Z); testdata/NAME.output is the
 * transcript (`$ command` then its output). Timestamps in YAML/JSON/describe output are
 * normalised. Regenerate with: UPDATE_GOLDEN=1 npx vitest run lib/shell/kubectl/golden.test.ts
 */
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../cluster';
import { createShell } from '../session';
import { splitCommandLines } from '../split';

const DIR = join(__dirname, 'testdata');
const T0 = Date.UTC(2025, 0, 1);

export function normalise(text: string): string {
  return text
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '<timestamp>')
    .replace(/(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d \w{3} \d{4} \d\d:\d\d:\d\d \+0000/g, '<timestamp>');
}

async function transcript(input: string): Promise<string> {
  const shell = createShell({ cluster: createCluster({ seed: 'golden', now: T0 }) });
  let out = '';
  for (const command of splitCommandLines(shell, input)) {
    const { output, exitCode } = await shell.exec(command);
    out += `$ ${command}\n${output}${exitCode ? `[exit ${exitCode}]\n` : ''}`;
  }
  return normalise(out);
}

describe('kubectl golden transcripts', () => {
  const inputs = readdirSync(DIR).filter((f) => f.endsWith('.input')).sort();
  it.each(inputs)('%s', async (file) => {
    const got = await transcript(readFileSync(join(DIR, file), 'utf8'));
    const goldenPath = join(DIR, file.replace(/\.input$/, '.output'));
    if (process.env.UPDATE_GOLDEN || !existsSync(goldenPath)) writeFileSync(goldenPath, got);
    expect(got).toBe(readFileSync(goldenPath, 'utf8'));
  });
});
