/**
 * `/caravan` verbs about trips and volunteers: `trips` for everyone; `trip [N]`, `roster [N]`,
 * `export volunteers [N]`, `volunteer move N confirmed|waitlist`, `volunteer remove N` for HR only.
 * Someone else asking for HR's verbs is refused by `runVerb` and gets nothing else.
 */
import type { VolunteerFeatureDeps } from '../volunteers/ports.js';
import { volunteersExport, volunteersFileName } from '../volunteers/export.js';
import { hrMoveSignup, type HrMove } from '../volunteers/hr.service.js';
import { hrMoveText } from '../volunteers/hr-move-text.js';
import { rosterReply } from '../volunteers/roster.js';
import { tripDates } from '../volunteers/texts.js';
import { lastSignupDay } from '../volunteers/trip.js';
import { campaignTrips } from '../volunteers/trips.service.js';
import { tripForm } from '../volunteers/trip-form.js';
import type { Actor, HrActor } from './actor.js';
import type { VerbInput } from './verbs.js';
import { message, type Reply } from './reply.js';
import { personText } from './text.js';

/** A trip or sign-up number as typed (`3`, `#3`, `n°3`); null when absent, NaN when unreadable. */
function numberArg(word: string | undefined): number | null {
  if (word === undefined) return null;
  const n = word.replace(/^(n°|#)/i, '');
  return /^\d{1,9}$/.test(n) ? Number(n) : Number.NaN;
}

/** `trip [N]`: the trip form, empty or for trip N. */
export async function tripVerb(deps: VolunteerFeatureDeps, hr: HrActor, { words }: VerbInput): Promise<Reply> {
  const n = numberArg(words[1]);
  return Number.isNaN(n) || words.length > 2 ? message('error', [hr.c.common.badCommand(words.join(' ').slice(0, 60))]) : tripForm(deps, hr, n);
}

/** `roster [N]`. */
export async function rosterVerb(deps: VolunteerFeatureDeps, hr: HrActor, { words, ctx }: VerbInput): Promise<Reply> {
  return rosterFor(deps, hr, numberArg(words[1]), ctx.prefix);
}

/** `export volunteers [N]`. */
export async function exportVerb(deps: VolunteerFeatureDeps, hr: HrActor, { words, ctx }: VerbInput): Promise<Reply> {
  const what = (words[1] ?? '').toLowerCase();
  if (!['volunteers', 'benevoles', 'bénévoles'].includes(what) || words.length > 3) return message('error', [hr.c.volunteers.hr.exportUsage(ctx.prefix)]);
  return exportReply(deps, hr, numberArg(words[2]), ctx.prefix);
}

/** `volunteer move N confirmed|waitlist`, `volunteer remove N`. */
export async function volunteerVerb(deps: VolunteerFeatureDeps, hr: HrActor, { words, ctx }: VerbInput): Promise<Reply> {
  return moveReply(deps, hr, words.slice(1), ctx.prefix);
}

/** `trips`: everyone sees the campaign's trips. */
export async function tripsVerb(deps: VolunteerFeatureDeps, actor: Actor, { ctx: { prefix } }: VerbInput): Promise<Reply> {
  const { c } = actor;
  const { campaignName, trips } = await campaignTrips(deps);
  if (trips.length === 0) return message('info', [campaignName ? c.volunteers.hr.noTrips(prefix) : c.campaign.none]);
  const lines = trips.map((t) => c.volunteers.hr.tripItem(t.id, personText(t.name), tripDates(c, t), t.confirmed, t.seats, t.waitlisted, lastSignupDay(t)));
  return message('info', lines, c.volunteers.hr.tripsTitle(campaignName ?? ''));
}

/** The one trip meant: the number given, or the campaign's only trip. A message when neither. */
async function pickTrip(deps: VolunteerFeatureDeps, actor: Actor, n: number | null, prefix: string) {
  const { c } = actor;
  const { campaignName, trips } = await campaignTrips(deps);
  if (trips.length === 0) return message('info', [campaignName ? c.volunteers.hr.noTrips(prefix) : c.campaign.none]);
  if (Number.isNaN(n)) return message('error', [c.volunteers.hr.whichTrip(prefix)]);
  if (n === null && trips.length > 1) return message('info', [c.volunteers.hr.whichTrip(prefix)]);
  const trip = n === null ? trips[0] : trips.find((t) => t.id === n);
  return trip ?? message('error', [c.volunteers.hr.tripNotFound(n ?? 0)]);
}

async function rosterFor(deps: VolunteerFeatureDeps, actor: Actor, n: number | null, prefix: string): Promise<Reply> {
  const trip = await pickTrip(deps, actor, n, prefix);
  if ('kind' in trip) return trip;
  return rosterReply(actor.c, trip, await deps.volunteers.signups.roster(trip.id));
}

/** The CSV, privately: the platform uploads it to HR's direct messages or gives a 15-minute link. */
async function exportReply(deps: VolunteerFeatureDeps, actor: Actor, n: number | null, prefix: string): Promise<Reply> {
  const { c } = actor;
  if (Number.isNaN(n)) return message('error', [c.volunteers.hr.exportUsage(prefix)]);
  const found = await volunteersExport(deps, n);
  if (!found.ok) {
    switch (found.error.code) {
      case 'campaign.none':
        return message('info', [c.campaign.none]);
      case 'trip.not_found':
        return message('error', [c.volunteers.hr.tripNotFound(n ?? 0)]);
    }
  }
  const { campaign } = found.value;
  let content = '';
  for await (const line of found.value.lines) content += line;
  const path = `/files/volunteers/${campaign.id}${n === null ? '' : `/${n}`}.csv`;
  const link = await deps.volunteers.links(path, 15 * 60_000);
  return {
    kind: 'file',
    filename: volunteersFileName(c.locale, n),
    mimeType: 'text/csv',
    content,
    comment: c.volunteers.hr.exportComment(personText(campaign.name)),
    sent: message('ok', [c.volunteers.hr.exportSent]),
    link: message('ok', [c.volunteers.hr.exportLink(link)]),
  };
}

const MOVES: Record<string, HrMove> = {
  confirmed: 'confirmed',
  confirm: 'confirmed',
  confirme: 'confirmed',
  confirmé: 'confirmed',
  'confirmé·e': 'confirmed',
  waitlist: 'waitlisted',
  waitlisted: 'waitlisted',
  attente: 'waitlisted',
};

/** `move N confirmed|waitlist` / `deplacer N confirme|attente`, `remove N` / `retirer N`. */
async function moveReply(deps: VolunteerFeatureDeps, hr: HrActor, words: string[], prefix: string): Promise<Reply> {
  const { c } = hr;
  const action = (words[0] ?? '').toLowerCase();
  const n = numberArg(words[1]);
  const isRemove = ['remove', 'retirer', 'supprimer'].includes(action) && words.length === 2;
  const to = isRemove ? 'removed' : ['move', 'deplacer', 'déplacer'].includes(action) && words.length === 3 ? MOVES[(words[2] ?? '').toLowerCase()] : undefined;
  if (to === undefined || n === null || Number.isNaN(n)) return message('error', [c.volunteers.hr.moveUsage(prefix)]);
  const result = await hrMoveSignup(deps, hr, n, to);
  const name = result.ok ? await deps.volunteers.signups.displayName(n) : null;
  // Names are what people typed: marked so each platform shows them as text, never markup.
  const text = hrMoveText(c, n, to, result, name === null ? null : personText(name));
  return message(text.tone, text.lines);
}
