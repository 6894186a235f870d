import type { CommonOptions } from './args.js';
import type { OutputFormat } from './spec.js';
import { createStyle, type Style } from './style.js';
import { UsageError } from './usage-error.js';

/** Turns the JSON result into what `-o` asks for ('' for `none`), after `--query`. */
export type Formatter = (value: unknown) => string;

/**
 * The formatter for `--output` and `--query`, as az has them. The JMESPath and YAML libraries are
 * imported only when asked for, and a query is compiled here: a bad one is an error (exit 2) before
 * anything is sent.
 */
export async function createFormatter(options: Pick<CommonOptions, 'output' | 'query'>, colour: boolean): Promise<Formatter> {
  const { output, query } = options;
  if (query !== undefined && output === 'text') {
    throw new UsageError('--query needs a JSON-based --output: json, jsonc, yaml, table or tsv');
  }
  let select = (value: unknown) => value;
  if (query !== undefined) {
    const { compile, TreeInterpreter } = await import('@jmespath-community/jmespath');
    let ast: ReturnType<typeof compile>;
    try {
      ast = compile(query);
    } catch (error) {
      throw new UsageError(`--query is not valid JMESPath: ${(error as Error).message}`);
    }
    select = (value) => TreeInterpreter.search(ast, value as never);
  }
  const render = await renderer(output, colour);
  return (value) => render(select(JSON.parse(JSON.stringify(value ?? null))));
}

async function renderer(output: OutputFormat, colour: boolean): Promise<(value: unknown) => string> {
  switch (output) {
    case 'yaml':
    case 'yamlc': {
      const { stringify } = await import('yaml');
      return (value) => stringify(value);
    }
    case 'jsonc':
      return (value) => `${colourJson(JSON.stringify(value, null, 2), createStyle(colour))}\n`;
    case 'table':
      return table;
    case 'tsv':
      return tsv;
    case 'none':
      return () => '';
    default:
      return (value) => `${JSON.stringify(value, null, 2)}\n`;
  }
}

/** JSON with keys, strings and literals coloured (az's `jsonc`); plain without colour. */
function colourJson(json: string, style: Style): string {
  return json.replace(/("(?:\\.|[^"\\])*")(\s*:)?|\b(?:true|false|null)\b|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g, (token, string?: string, colon?: string) => {
    if (string !== undefined) return colon ? `${style.cyan(string)}${colon}` : style.green(string);
    return style.yellow(token);
  });
}

const isScalar = (value: unknown) => value === null || ['string', 'number', 'boolean'].includes(typeof value);
const cell = (value: unknown) => (value === null || value === undefined ? '' : String(value));

/**
 * az's `table`: one row per item (an object is one row), a column per key whose values are all
 * scalars (nested objects and lists are left out: pick them with --query), headers capitalised.
 */
function table(value: unknown): string {
  if (value === null || value === undefined) return '';
  const items = Array.isArray(value) ? value : [value];
  if (items.length === 0) return '';
  let columns: string[];
  let rows: string[][];
  if (items.every(isScalar)) {
    columns = ['Result'];
    rows = items.map((item) => [cell(item)]);
  } else {
    const keys = [...new Set(items.flatMap((item) => (typeof item === 'object' && item !== null && !Array.isArray(item) ? Object.keys(item) : [])))];
    const kept = keys.filter((key) => items.every((item) => isScalar((item as Record<string, unknown>)?.[key] ?? null)));
    columns = kept.map((key) => key.charAt(0).toUpperCase() + key.slice(1));
    rows = items.map((item) => kept.map((key) => cell((item as Record<string, unknown>)?.[key])));
  }
  if (columns.length === 0) return '';
  const widths = columns.map((column, i) => Math.max(column.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(columns), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n') + '\n';
}

/**
 * az's `tsv`: one line per item; an object's scalar values in order, tab-separated (a nested
 * object is an empty field, a list its length); no quotes, no headers, null as empty.
 */
function tsv(value: unknown): string {
  if (value === null || value === undefined) return '';
  const items = Array.isArray(value) ? value : [value];
  const field = (v: unknown) => (Array.isArray(v) ? String(v.length) : typeof v === 'object' && v !== null ? '' : cell(v));
  const row = (item: unknown) =>
    Array.isArray(item) ? item.map(field).join('\t') : typeof item === 'object' && item !== null ? Object.values(item).map(field).join('\t') : cell(item);
  return items.map((item) => `${row(item)}\n`).join('');
}
