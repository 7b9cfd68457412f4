/**
 * The `/give` form, platform-neutral: which needs to offer (each open need, and "where it is most
 * needed" for an item asked for at several sites) and what a submission comes to (errors field by
 * field, or the answer). Slack lays it out as a modal, Teams as an Adaptive Card; both submit here.
 */
import { z } from 'zod';
import type { NeedsFeatureDeps } from '../../needs/ports.js';
import { giveToNeed, type GiveError } from '../../needs/give.service.js';
import { missing, shortfalls, type Need } from '../../needs/need.js';
import { needsCampaign } from '../../needs/needs.service.js';
import type { Actor } from '../actor.js';
import type { FormDefinition } from '../forms.js';
import { message, type FormOutcome, type FormReply, type MessageReply } from '../reply.js';
import { giveAnswer, giveErrorLines } from './texts.js';
import { shownNeed } from '../shown.js';
import { personText } from '../text.js';

declare module '../reply.js' {
  interface FormKinds {
    give: {
      /** `need:<id>` or `most:<itemKey>|<size>`; Slack shows at most 100. */
      options: Array<{ value: string; label: string }>;
    };
  }
}

export type GiveFormReply = FormReply<'give'>;

export type GiveField = 'need' | 'quantity';

const groupKey = (n: Need) => `${n.itemKey}|${n.size ?? ''}`;

export async function giveForm(deps: NeedsFeatureDeps, actor: Actor): Promise<GiveFormReply | MessageReply> {
  const { c } = actor;
  const campaign = await needsCampaign(deps.needs);
  if (!campaign) return message('info', [c.campaign.none]);
  const open = shortfalls(await deps.needs.store.needs(campaign.id));
  if (open.length === 0) return message('info', [c.needs.give.noNeeds]);
  const groups = new Map<string, Need[]>();
  for (const n of open) groups.set(groupKey(n), [...(groups.get(groupKey(n)) ?? []), n]);
  // Site and item words as HR typed them, marked: each platform shows them as text in its own way.
  const most = [...groups.values()]
    .filter((g) => g.length > 1)
    .map((g) => ({ value: `most:${groupKey(g[0] as Need)}`, label: c.needs.form.mostNeeded(c.needs.item(shownNeed(g[0] as Need))) }));
  const each = open.map((n) => {
    const s = shownNeed(n);
    return { value: `need:${n.id}`, label: `${s.siteName} · ${c.needs.item(s)} — ${c.needs.form.missing(missing(n))}` };
  });
  return { kind: 'form', form: 'give', intro: c.needs.form.intro(personText(campaign.name)), options: [...most, ...each].slice(0, 100) };
}

/** Stores a submitted form: a need must be picked and the quantity be a whole number it still needs. */
export async function submitGiveForm(
  deps: NeedsFeatureDeps,
  actor: Actor,
  values: { need: string; quantity: string },
  idempotencyKey: string | null,
): Promise<FormOutcome<GiveField>> {
  const { c } = actor;
  const q = values.quantity.trim();
  const quantity = /^\d{1,6}$/.test(q) ? Number(q) : Number.NaN;
  const errors: Partial<Record<GiveField, string>> = {};
  if (!Number.isSafeInteger(quantity) || quantity < 1) errors.quantity = c.needs.give.badQuantity(10_000);
  const needId = await pickNeed(deps, values.need);
  if (needId === null) errors.need = c.needs.form.pick;
  if (needId === null || errors.quantity) return { kind: 'errors', errors };
  const giver = { personId: actor.person.id, platform: actor.identity.platform };
  const result = await giveToNeed(deps.needs, giver, needId, quantity, idempotencyKey, values.need.startsWith('most:'));
  if (!result.ok) return { kind: 'errors', errors: fieldOf(result.error, giveErrorLines(c, result.error, '').join(' ')) };
  return { kind: 'done', reply: giveAnswer(c, result.value) };
}

function fieldOf(error: GiveError, text: string): Partial<Record<GiveField, string>> {
  return error.code === 'give.too_many' || error.code === 'give.bad_quantity' ? { quantity: text } : { need: text };
}

/** `need:<id>` as is; `most:<item>|<size>` → the need of that item and size missing the most. */
async function pickNeed(deps: NeedsFeatureDeps, value: string): Promise<number | null> {
  const need = /^need:(\d{1,9})$/.exec(value);
  if (need) return Number(need[1]);
  const most = /^most:(.{1,80})$/.exec(value);
  if (!most) return null;
  const campaign = await needsCampaign(deps.needs);
  if (!campaign) return null;
  const best = shortfalls(await deps.needs.store.needs(campaign.id)).find((n) => groupKey(n) === most[1]);
  return best?.id ?? null;
}

/** The give form as registered with the needs feature (src/chat/needs/verbs.ts): submitted back through the platforms' shared path. */
export const giveFormDefinition: FormDefinition<'give', GiveField> = {
  id: 'give',
  fields: ['need', 'quantity'],
  values: z.object({ need: z.string().max(200), quantity: z.string().max(200) }),
  submit: (deps, actor, values, key) => submitGiveForm(deps, actor, values, key),
  open: (deps, actor) => giveForm(deps, actor),
};
