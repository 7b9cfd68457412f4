/**
 * `/caravan` verbs of the needs feature: `needs` for everyone; `need` (HR's form), `received N [QUANTITY]` and
 * `loading SITE` for HR (refused to anyone else by `runVerb`, who learns nothing more).
 */
import type { NeedsFeatureDeps } from '../../needs/ports.js';
import { receiveItems } from '../../needs/give.service.js';
import { needsOverview } from '../../needs/needs.service.js';
import { findSite } from '../../needs/rows.js';
import type { Actor, HrActor } from '../actor.js';
import type { VerbInput } from '../verbs.js';
import { message, type Reply } from '../reply.js';
import { needForm } from './need-form.js';
import { overviewLines, receiveErrorLine } from './texts.js';
import { personText } from '../text.js';
import { shownNeed } from '../shown.js';

/** `needs`: the campaign's sites and what each still needs, for everyone. */
export async function needsVerb(deps: NeedsFeatureDeps, actor: Actor, { ctx: { prefix } }: VerbInput): Promise<Reply> {
  const { c } = actor;
  const overview = await needsOverview(deps.needs);
  if (!overview.ok) return message('info', [c.campaign.none]);
  return message('info', overviewLines(c, overview.value, prefix), c.needs.list.title(personText(overview.value.campaign.name)));
}

/** `need` alone: HR's form for a site's needs (the form refuses anyone else). */
export async function needVerb(deps: NeedsFeatureDeps, actor: Actor, { words, ctx }: VerbInput): Promise<Reply> {
  return words.length === 1 ? needForm(deps, actor) : message('error', [actor.c.common.badCommand(words.join(' ').slice(0, 60), ctx.prefix)]);
}

/** `received N [QUANTITY]`: HR records items handed over. */
export async function receivedVerb(deps: NeedsFeatureDeps, hr: HrActor, { words, ctx: { prefix } }: VerbInput): Promise<Reply> {
  const { c } = hr;
  const args = words.slice(1);
  const [idText = '', qtyText] = args.map((a) => a.replace(/^(#|n°)/i, ''));
  const valid = /^\d{1,12}$/.test(idText) && (qtyText === undefined || /^\d{1,6}$/.test(qtyText)) && args.length <= 2;
  if (!valid) return message('error', [c.needs.received.usage(prefix)]);
  const id = Number(idText);
  const result = await receiveItems(deps.needs, hr, id, qtyText === undefined ? null : Number(qtyText));
  if (!result.ok) return message('error', [receiveErrorLine(c, result.error)]);
  const { pledge, quantity, thanked } = result.value;
  const need = shownNeed(result.value.need);
  return message('ok', [
    c.needs.received.done(id, quantity, need, need.siteName, pledge.received, pledge.quantity),
    thanked ? c.needs.received.thanked : c.needs.received.notReachable,
  ]);
}

/** Signed links (24 h) to the site's loading list: a printable page and the CSV, for the volunteers who pack. */
export async function loadingVerb(deps: NeedsFeatureDeps, hr: HrActor, { words, ctx: { prefix } }: VerbInput): Promise<Reply> {
  const { c } = hr;
  const siteText = words.slice(1).join(' ');
  const overview = await needsOverview(deps.needs);
  if (!overview.ok) return message('info', [c.campaign.none]);
  if (siteText.trim() === '') return message('error', [c.needs.loading.usage(prefix)]);
  const sites = overview.value.sites.map((s) => s.site);
  const site = findSite(sites, siteText);
  if (!site) return message('error', [c.needs.loading.siteUnknown(personText(siteText.slice(0, 60)), personText(sites.map((s) => s.name).join(', ')))]);
  const base = `/files/loading/${overview.value.campaign.id}/${site.id}`;
  const day = 24 * 60 * 60_000;
  const [csv, html] = await Promise.all([deps.needs.links(`${base}.csv`, day), deps.needs.links(`${base}.html`, day)]);
  return message('ok', [c.needs.loading.links(personText(site.name), csv, html)]);
}
