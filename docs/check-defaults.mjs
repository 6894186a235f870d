#!/usr/bin/env node
// Every public option is documented, and every optional one says its default.
//
// Reads the TypeDoc JSON (`npm run docs` writes docs/api/api.json) and checks each exported
// interface named `*Options`, and every interface those reach through their properties' types
// (EmulatorTimings, RetryOptions, BatchAccount...): each property needs a description, and each
// optional property a `@default` tag. Inherited properties are checked where they are declared.
// Prints one line per offender and exits 1 if there is any.
import { readFileSync } from 'node:fs';

const PROJECT = 1;
const INTERFACE = 256;
const PROPERTY = 1024;

const path = process.argv[2] ?? new URL('./api/api.json', import.meta.url);
let project;
try {
  project = JSON.parse(readFileSync(path, 'utf8'));
} catch (error) {
  console.error(`check-defaults: cannot read ${path} (${error.code ?? error.message}); run \`npm run docs\` first`);
  process.exit(2);
}

/** id → { reflection, module } for every reflection in the project. */
const byId = new Map();
(function index(reflection, module) {
  byId.set(reflection.id, { reflection, module });
  for (const child of reflection.children ?? []) index(child, reflection.kind === PROJECT ? child.name : module);
})(project, undefined);

/** Interfaces a type points at: references, arrays, unions, intersections, readonly wrappers. */
function referencedInterfaces(type, out = []) {
  if (!type) return out;
  if (type.type === 'reference' && typeof type.target === 'number') {
    const found = byId.get(type.target);
    if (found?.reflection.kind === INTERFACE) out.push(found.reflection.id);
  }
  for (const nested of [type.elementType, type.target && typeof type.target === 'object' ? type.target : undefined, ...(type.types ?? []), ...(type.typeArguments ?? [])]) {
    referencedInterfaces(nested, out);
  }
  if (type.type === 'typeOperator') referencedInterfaces(type.target, out);
  return out;
}

const hasText = (parts) => (parts ?? []).some((part) => part.text.trim() !== '');
const describes = (comment) => hasText(comment?.summary) || (comment?.blockTags ?? []).some((tag) => tag.tag !== '@default' && hasText(tag.content));
const defaultTag = (comment) => (comment?.blockTags ?? []).find((tag) => tag.tag === '@default');

const queue = [...byId.values()]
  .filter(({ reflection }) => reflection.kind === INTERFACE && reflection.name.endsWith('Options'))
  .map(({ reflection }) => reflection.id);
const checked = new Set();
const offenders = [];

while (queue.length > 0) {
  const id = queue.shift();
  if (checked.has(id)) continue;
  checked.add(id);
  const { reflection: options, module } = byId.get(id);
  for (const property of options.children ?? []) {
    if (property.kind !== PROPERTY) continue;
    queue.push(...referencedInterfaces(property.type));
    if (property.inheritedFrom) continue; // checked on the interface that declares it
    const name = `${module}.${options.name}.${property.name}`;
    if (!describes(property.comment)) offenders.push(`${name}: no description`);
    const tag = defaultTag(property.comment);
    if (property.flags?.isOptional && !tag) offenders.push(`${name}: optional, but no @default`);
    else if (tag && !hasText(tag.content)) offenders.push(`${name}: empty @default`);
  }
}

for (const line of offenders.sort()) console.log(line);
console.log(`check-defaults: ${checked.size} option interfaces, ${offenders.length} offender${offenders.length === 1 ? '' : 's'}`);
process.exit(offenders.length > 0 ? 1 : 0);
