#!/usr/bin/env node
// Runs one TypeScript entry point (benchmarks, scripts) with the same loader as the CLI.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const { register } = await import('tsx/esm/api');
register();
const entry = process.argv[2];
if (!entry) {
  console.error('usage: run-ts.js FILE.ts [args…]');
  process.exit(1);
}
process.argv.splice(2, 1);
await import(pathToFileURL(resolve(entry)).href);
