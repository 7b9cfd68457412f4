#!/usr/bin/env node
// Runs the Caravane CLI: from the TypeScript sources in a checkout, from dist/ in a built image.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'adapters', 'cli', 'index.ts');
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(source).href);
} else {
  await import(pathToFileURL(join(root, 'dist', 'adapters', 'cli', 'index.js')).href);
}
