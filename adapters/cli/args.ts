import { parseArgs } from 'node:util';

export class UsageError extends Error {}

export type Options = Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>;

/** Parses `--flag value` options, turning node's errors into one readable line. */
export function options<T extends Options>(args: string[], spec: T) {
  try {
    return parseArgs({ args, options: spec, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0] ?? 'bad arguments');
  }
}

export function required(values: Record<string, unknown>, name: string): string {
  const v = values[name];
  if (typeof v !== 'string' || v.trim() === '') throw new UsageError(`--${name} is required`);
  return v;
}
