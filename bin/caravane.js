#!/usr/bin/env node
// Runs the Caravane CLI: from the TypeScript sources in a checkout, from dist/ in a built image.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'adapters', 'cli', 'index.ts');
if (existsSync(source)) {
  // tsx compiles the sources in a thread of its own, whose young generation grows to V8's 32 MB while
  // the modules load and then, the thread idle, is never collected again: about 40 MB held for
  // nothing. That thread (created by register) gets 1 MB semi-spaces; this one keeps the default.
  const { setFlagsFromString } = await import('node:v8');
  setFlagsFromString('--max-semi-space-size=1');
  const { register } = await import('tsx/esm/api');
  register();
  setFlagsFromString('--max-semi-space-size=0');
  await import(pathToFileURL(source).href);
} else {
  await import(pathToFileURL(join(root, 'dist', 'adapters', 'cli', 'index.js')).href);
}
