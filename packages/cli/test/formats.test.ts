// In-process tests of the output formats and of how printed commands start; the real-process
// contract is in az-conventions.test.ts.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createFormatter } from '../src/formats.js';
import { invocation } from '../src/invocation.js';
import { renderText } from '../src/output.js';
import { createStyle } from '../src/style.js';
import { shown } from '../src/sanitize.js';

const report = { operation: 'aks abort', status: 'succeeded', exitCode: 0, result: { properties: { exitCode: 0 } }, requests: 2 };

describe('formats, as az has them', () => {
  test('table: a column per scalar key, capitalised; nested values left out; a list is rows', async () => {
    const table = await createFormatter({ output: 'table' }, false);
    expect(table(report)).toBe(
      ['Operation  Status     ExitCode  Requests', '---------  ---------  --------  --------', 'aks abort  succeeded  0         2', ''].join('\n'),
    );
    expect(table([{ a: 1, b: 'x' }, { a: 22, b: null }])).toBe('A   B\n--  -\n1   x\n22\n');
    expect(table(['x', 'y'])).toBe('Result\n------\nx\ny\n');
  });

  test('tsv: values only, tab-separated, one line per item; nested objects empty, lists their length', async () => {
    const tsv = await createFormatter({ output: 'tsv' }, false);
    expect(tsv(report)).toBe('aks abort\tsucceeded\t0\t\t2\n');
    expect(tsv({ a: [1, 2, 3], b: true, c: null })).toBe('3\ttrue\t\n');
    expect(tsv([['a', 1], ['b', 2]])).toBe('a\t1\nb\t2\n');
    expect(tsv(null)).toBe('');
  });

  test('--query runs JMESPath over the JSON first', async () => {
    const query = await createFormatter({ output: 'tsv', query: 'result.properties.exitCode' }, false);
    expect(query(report)).toBe('0\n');
    const json = await createFormatter({ output: 'json', query: '{op: operation, n: requests}' }, false);
    expect(JSON.parse(json(report))).toEqual({ op: 'aks abort', n: 2 });
    await expect(createFormatter({ output: 'json', query: 'a[' }, false)).rejects.toThrow(/--query is not valid JMESPath/);
    await expect(createFormatter({ output: 'text', query: 'a' }, false)).rejects.toThrow(/--query needs a JSON-based --output/);
  });

  test('yaml, jsonc (coloured only when asked), none', async () => {
    expect(await createFormatter({ output: 'yaml' }, false).then((f) => f({ a: 1, b: ['x'] }))).toBe('a: 1\nb:\n  - x\n');
    const coloured = (await createFormatter({ output: 'jsonc' }, true))({ a: 'x', b: 1 });
    expect(coloured).toContain('\x1b[36m"a"\x1b[39m: \x1b[32m"x"\x1b[39m');
    expect((await createFormatter({ output: 'jsonc' }, false))({ a: 'x' })).toBe('{\n  "a": "x"\n}\n');
    expect((await createFormatter({ output: 'none' }, false))(report)).toBe('');
  });
});

describe('what is echoed', () => {
  test('control characters escaped, URL user-info replaced', () => {
    expect(shown('a\x1b]0;t\x07b\r\n\x9b')).toBe('a\\x1b]0;t\\x07b\\x0d\\x0a\\x9b');
    expect(shown('see https://me:pw@host/x and ftp://u@h')).toBe('see https://REDACTED@host/x and ftp://REDACTED@h');
  });

  test('a service message cannot drive the terminal either', () => {
    const text = renderText({ operation: 'aks abort', status: 'failed', exitCode: 3, error: { status: 500, code: 'X', message: 'bad\x1b[2Jthing' } }, createStyle(false));
    expect(text).toContain('bad\\x1b[2Jthing');
    expect(text).not.toContain('\x1b');
  });
});

describe('how printed commands start', () => {
  test('azlro when the PATH has it, npx azlro when only node_modules/.bin or npm does', () => {
    const dir = mkdtempSync(join(tmpdir(), 'azlro-path-'));
    try {
      const bin = join(dir, 'bin');
      const local = join(dir, 'node_modules', '.bin');
      for (const folder of [bin, local]) {
        mkdirSync(folder, { recursive: true });
        writeFileSync(join(folder, 'azlro'), '#!/bin/sh\n');
        chmodSync(join(folder, 'azlro'), 0o755);
      }
      expect(invocation({ PATH: `/nonexistent:${bin}` }, 'linux')).toBe('azlro');
      expect(invocation({ PATH: local }, 'linux')).toBe('npx azlro');
      expect(invocation({ PATH: bin, npm_command: 'exec' }, 'linux')).toBe('npx azlro');
      expect(invocation({}, 'linux')).toBe('npx azlro');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
