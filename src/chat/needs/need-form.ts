/**
 * HR's form for a need (and its site, created on the way when new): site, place, item, size,
 * quantity, unit price. Platform-neutral; Slack lays it out as a modal, Teams as a card. HR is checked
 * by the use cases themselves; nothing is stored unless every field is right.
 */
import { z } from 'zod';
import type { NeedsFeatureDeps } from '../../needs/ports.js';
import { addNeed, addSite, MAX_SITE_NAME, needsCampaign, type NeedError } from '../../needs/needs.service.js';
import { checkNeed, findSite } from '../../needs/rows.js';
import type { Catalogue } from '../../shared/i18n/index.js';
import { requireHr, type Actor } from '../actor.js';
import type { FormDefinition } from '../forms.js';
import { message, type FormOutcome, type FormReply, type MessageReply } from '../reply.js';
import { personText } from '../text.js';
import { shownNeed } from '../shown.js';

export type NeedFormField = 'site' | 'place' | 'item' | 'size' | 'quantity' | 'unitPrice';
export type NeedFormValues = Record<NeedFormField, string>;

/** The form's inputs, in order. */
export const NEED_FORM_FIELDS: readonly NeedFormField[] = ['site', 'place', 'item', 'size', 'quantity', 'unitPrice'];

/** The inputs that may be left empty: Slack marks them optional, Teams says so after their label. */
export const NEED_OPTIONAL_FIELDS: ReadonlySet<NeedFormField> = new Set<NeedFormField>(['place', 'size', 'unitPrice']);

declare module '../reply.js' {
  interface FormKinds {
    need: {
      /** The campaign's sites, for the hint under the site field. */
      sites: string[];
      /** The campaign's currency, which the unit price is in. */
      currency: string;
    };
  }
}

export type NeedFormReply = FormReply<'need'>;

export async function needForm(deps: NeedsFeatureDeps, actor: Actor): Promise<NeedFormReply | MessageReply> {
  const { c } = actor;
  if (!(await requireHr(actor))) return message('error', [c.common.notAdmin]);
  const campaign = await needsCampaign(deps.needs);
  if (!campaign) return message('info', [c.campaign.none]);
  const sites = (await deps.needs.store.sites(campaign.id)).map((s) => s.name);
  return { kind: 'form', form: 'need', intro: c.needs.hrForm.intro(personText(campaign.name)), sites, currency: campaign.currency };
}

function fieldError(c: Catalogue, e: NeedError): Partial<Record<NeedFormField, string>> {
  const f = c.needs.hrForm.errors;
  switch (e.code) {
    case 'campaign.none':
      return { site: c.campaign.none };
    case 'need.site_unknown':
      return { site: f.site };
    case 'need.item_missing':
    case 'need.item_too_long':
      return { item: f.item };
    case 'need.bad_size':
      return { size: f.size };
    case 'need.bad_quantity':
      return { quantity: f.quantity(e.max) };
    case 'need.bad_price':
      return { unitPrice: f.price };
    case 'need.below_pledged':
      return { quantity: f.belowPledged(e.pledged) };
  }
}

export async function submitNeedForm(deps: NeedsFeatureDeps, actor: Actor, values: NeedFormValues): Promise<FormOutcome<NeedFormField>> {
  const { c } = actor;
  const op = await requireHr(actor);
  if (!op) return { kind: 'errors', errors: { site: c.common.notAdmin } };
  const campaign = await needsCampaign(deps.needs);
  if (!campaign) return { kind: 'errors', errors: { site: c.campaign.none } };
  if (values.site.trim() === '') return { kind: 'errors', errors: { site: c.needs.hrForm.errors.site } };
  const sites = await deps.needs.store.sites(campaign.id);
  const known = findSite(sites, values.site);
  // Every field is checked before a new site is stored: a refused form leaves nothing behind.
  const draft = { id: 0, campaignId: campaign.id, name: values.site.trim(), place: null, beneficiaries: null, contact: null };
  const checked = checkNeed({ ...values, site: known ? values.site : draft.name }, known ? sites : [...sites, draft], campaign.currency);
  if (!checked.ok) return { kind: 'errors', errors: fieldError(c, checked.error) };
  if (!known && draft.name.length > MAX_SITE_NAME) return { kind: 'errors', errors: { site: c.needs.hrForm.errors.site } };
  let created: string | null = null;
  if (!known) {
    const site = await addSite(deps.needs, op, { name: values.site, place: values.place || null, beneficiaries: null, contact: null });
    if (!site.ok) return { kind: 'errors', errors: { site: c.needs.hrForm.errors.site } };
    created = site.value.name;
  }
  const result = await addNeed(deps.needs, op, {
    site: created ?? values.site,
    item: values.item,
    size: values.size,
    quantity: values.quantity,
    unitPrice: values.unitPrice,
  });
  if (!result.ok) return { kind: 'errors', errors: fieldError(c, result.error) };
  const need = shownNeed(result.value.need);
  const lines = [created ? c.needs.hrForm.siteCreated(personText(created)) : null, c.needs.hrForm.saved(need.id, need.quantity, need, need.siteName)].filter(
    (l): l is string => l !== null,
  );
  return { kind: 'done', reply: message('ok', lines) };
}

const text = z.string().max(200);

/** The need form as registered with `/caravan` (src/chat/needs/verbs.ts): submitted back through the platforms' shared path. */
export const needFormDefinition: FormDefinition<'need', NeedFormField> = {
  id: 'need',
  fields: NEED_FORM_FIELDS,
  values: z.object({ site: text, place: text, item: text, size: text, quantity: text, unitPrice: text }),
  submit: (deps, actor, values) => submitNeedForm(deps, actor, values),
  open: (deps, actor) => needForm(deps, actor),
};
