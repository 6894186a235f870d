import { readFileSync } from 'node:fs';
import type { ContainerServiceClientOptions, ManagedClusterParams } from '@azlro/containerservice';

/** The free variables of docs/recipes.md, as the recipes page introduces them. */
export interface RecipeContext {
  /** ARM's endpoint: the emulator's here, `https://management.azure.com` in Azure. */
  endpoint: string;
  /** Any `TokenCredential`; `DefaultAzureCredential` in the docs, a static token here. */
  credential: NonNullable<ContainerServiceClientOptions['credential']>;
  /** The cluster a recipe acts on. */
  cluster: ManagedClusterParams;
  /** The clusters of the fleet recipe. */
  fleet: ManagedClusterParams[];
  /** Stands in for the global console, so a test can read what a recipe printed. */
  console: { log: (...values: unknown[]) => void };
}

/**
 * The documentation block a snippet file holds: its `// snippet:start` … `// snippet:end` regions,
 * each dedented to its marker, joined by one blank line (imports first, then the code).
 */
export function snippetOf(file: URL): string {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(/^( *)\/\/ snippet:start\n([\s\S]*?)\n *\/\/ snippet:end$/gm)]
    .map(([, indent, body]) => body!.replace(new RegExp(`^${indent}`, 'gm'), ''))
    .join('\n\n');
}

/** The ```ts blocks of a Markdown file, in order. */
export function tsBlocksOf(file: URL): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/^```ts\n([\s\S]*?)\n```$/gm)].map(([, body]) => body!);
}
