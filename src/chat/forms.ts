/**
 * Forms a platform submits back without knowing them: each feature lists its own in its `/caravan`
 * registration (`CaravanFeature.forms`). A platform lays the form out with one renderer, names its
 * inputs after `fields`, and on submission hands the values it read to {@link submitForm}; checking,
 * the use case and the words of the answer are the feature's.
 */
import type { z } from 'zod';
import type { Actor } from './actor.js';
import type { ChatDeps } from './deps.js';
import type { FormId, FormOutcome, FormReply, MessageReply } from './reply.js';

export interface FormDefinition<Id extends FormId = FormId, F extends string = string> {
  id: Id;
  /** The inputs, in order: Slack's block ids and Teams' input ids are these names. */
  fields: readonly F[];
  /** The values as a platform read them (text by field name, '' when empty), checked. */
  values: z.ZodType<Record<F, string>>;
  /** The use case: errors by field (nothing was stored) or the answer. Same `key`, same effect. */
  submit(deps: ChatDeps, actor: Actor, values: Record<F, string>, key: string): Promise<FormOutcome<F>>;
  /** The form as a command opens it (to show it again with its errors), or why it cannot be opened any more. */
  open(deps: ChatDeps, actor: Actor): Promise<FormReply<Id> | MessageReply>;
}

/** The values of a submitted form after its definition checked them, or `unreadable` (nothing is stored). */
export async function submitForm(
  deps: ChatDeps,
  form: FormDefinition,
  actor: Actor,
  read: (field: string) => string,
  key: string,
): Promise<{ values: Record<string, string>; outcome: FormOutcome<string> } | { unreadable: true }> {
  const parsed = form.values.safeParse(Object.fromEntries(form.fields.map((f) => [f, read(f)])));
  if (!parsed.success) return { unreadable: true };
  return { values: parsed.data, outcome: await form.submit(deps, actor, parsed.data, key) };
}
