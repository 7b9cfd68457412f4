/**
 * What Teams would refuse or show broken in an Adaptive Card, checked three ways:
 * 1. Microsoft's own `adaptivecards` SDK parses the card; every parse or validation event it raises
 *    (unknown element, duplicate id, bad value…) is a violation.
 * 2. The official Adaptive Card 1.5 JSON schema (vendored, see test/fixtures/schemas/PROVENANCE.md)
 *    validated with ajv: it catches what the SDK drops silently, such as an `Input.Number` value
 *    given as a string, which the renderer shows as an empty field.
 * 3. The few rules of how Teams shows a card that neither expresses, each with its source.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import { z } from 'zod';

const require = createRequire(import.meta.url);
/** The SDK's `lib/` is extension-less ESM meant for bundlers; its UMD build loads in Node as is. */
const AC = z
  .object({
    AdaptiveCard: z.custom<new () => SdkCard>((v) => typeof v === 'function'),
    SerializationContext: z.custom<new () => SdkContext>((v) => typeof v === 'function'),
  })
  .parse(require('adaptivecards/dist/adaptivecards.js'));

interface SdkEvent {
  message: string;
}
interface SdkContext {
  eventCount: number;
  getEventAt(i: number): SdkEvent;
}
interface SdkCard {
  parse(json: unknown, context?: SdkContext): void;
  validateProperties(): { validationEvents: SdkEvent[] };
}

const schemaFile = new URL('../fixtures/schemas/adaptive-card-1.5.json', import.meta.url);
const draft06 = require('ajv/dist/refs/json-schema-draft-06.json');
const ajv = new Ajv({ allErrors: true, strict: false });
ajv.addMetaSchema(draft06);
addFormats.default(ajv, ['uri', 'uri-reference']);
/** The file names itself draft-04 style (`id`), which ajv's draft-06 refuses: it is only the schema's own address, so it is set aside. */
const { id: _address, ...schema } = z.looseObject({ id: z.string() }).parse(JSON.parse(readFileSync(schemaFile, 'utf8')));
const validateSchema = ajv.compile(schema);

const brief = (value: unknown) => {
  const s = JSON.stringify(value);
  return s === undefined ? 'undefined' : s.length > 80 ? `${s.slice(0, 77)}…` : s;
};

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function valueAt(root: unknown, pointer: string): unknown {
  let here: unknown = root;
  for (const key of pointer.split('/').slice(1)) {
    const k = key.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(here)) here = here[Number(k)];
    else if (isObject(here)) here = here[k];
    else return undefined;
  }
  return here;
}

/**
 * An element union (`anyOf` over every element type) fails with one error per type; the errors
 * deepest in the card say what is really wrong, so only those are kept.
 */
function schemaErrors(card: unknown, errors: ErrorObject[]): string[] {
  const depth = (e: ErrorObject) => e.instancePath.split('/').length;
  const deepest = Math.max(...errors.map(depth));
  const kept = errors.filter((e) => depth(e) === deepest && e.keyword !== 'anyOf');
  const lines = (kept.length > 0 ? kept : errors).map(
    (e) => `AC 1.5 schema: ${e.instancePath || '/'} ${e.message ?? e.keyword} (value ${brief(valueAt(card, e.instancePath))})`,
  );
  return [...new Set(lines)].slice(0, 8);
}

/** Every object inside the card, with its JSON pointer. */
function* walk(value: unknown, path = ''): Generator<[string, Json]> {
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) yield* walk(v, `${path}/${i}`);
    return;
  }
  if (!isObject(value)) return;
  yield [path, value];
  for (const [k, v] of Object.entries(value)) yield* walk(v, `${path}/${k}`);
}

const RAW_URL = /\bhttps?:\/\/\S+/;

/** Rules of how Teams shows a card that the SDK and the schema do not express. */
function teamsRules(card: unknown): string[] {
  const out: string[] = [];
  for (const [path, el] of walk(card)) {
    const type = el.type;
    // Schema, Input.Toggle.wrap: "Otherwise, text is clipped." A consent one cannot read is no consent.
    if (type === 'Input.Toggle' && el.wrap !== true)
      out.push(`Teams: Input.Toggle at ${path} has no wrap: true, its title is cut off (title ${brief(el.title)})`);
    // Input validation (learn.microsoft.com adaptive-cards/authoring-cards/input-validation): a
    // required input without errorMessage shows a red border and no explanation.
    if (
      typeof type === 'string' &&
      type.startsWith('Input.') &&
      el.isRequired === true &&
      (typeof el.errorMessage !== 'string' || el.errorMessage.trim() === '')
    ) {
      out.push(`Teams: required ${type} ${brief(el.id)} at ${path} has no errorMessage`);
    }
    // A long signed URL printed as text is unreadable and cannot be tapped reliably: Action.OpenUrl.
    if (type === 'TextBlock' && typeof el.text === 'string' && RAW_URL.test(el.text))
      out.push(`Teams: raw URL printed in a TextBlock at ${path} (text ${brief(el.text)}): use Action.OpenUrl`);
  }
  return out;
}

/** Everything wrong with one card; empty when Teams would show it as meant. */
export function cardViolations(card: unknown): string[] {
  const out: string[] = [];
  if (!validateSchema(card)) out.push(...schemaErrors(card, validateSchema.errors ?? []));
  const sdk = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  try {
    sdk.parse(card, context);
  } catch (error) {
    out.push(`adaptivecards SDK: parse threw ${String(error)}`);
    return out;
  }
  for (let i = 0; i < context.eventCount; i++) out.push(`adaptivecards SDK (parse): ${context.getEventAt(i).message}`);
  for (const e of sdk.validateProperties().validationEvents) out.push(`adaptivecards SDK (validate): ${e.message}`);
  out.push(...teamsRules(card));
  return out;
}
