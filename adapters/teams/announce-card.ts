/**
 * HR's announcement form on Teams, as on Slack: compose → preview (exactly what the channels will
 * show, and when) → send. Each step is an Adaptive Card replacing the last; errors come back under
 * their field with HR's values kept. HR is checked on every step; a card's token makes the send
 * happen once however often it is pressed or redelivered.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ANNOUNCE_MAX, announce, announcementMessage, checkAnnouncement } from '../../src/announcements/announcements.service.js';
import { zonedTime } from '../../src/announcements/schedule.js';
import { announceErrorText } from '../../src/announcements/texts.js';
import { today } from '../../src/campaigns/campaigns.service.js';
import { actorFor, requireHr, type Actor, type HrActor } from '../../src/chat/actor.js';
import { message } from '../../src/chat/reply.js';
import { t } from '../../src/shared/i18n/index.js';
import { teamsIdentity, type TeamsTurn } from './activity.js';
import type { TeamsContext } from './context.js';
import { cardInput, formCard } from './needs/card-parts.js';
import type { CardOutcome } from './pledge-card.js';
import { cardText, errorUnder, noticeCard, type Card } from './render.js';

export const ANNOUNCE_PREVIEW_VERB = 'announce.preview';
export const ANNOUNCE_SEND_VERB = 'announce.send';

export interface AnnounceValues {
  text: string;
  when: 'now' | 'later';
  day: string;
  time: string;
  volunteers: boolean;
}
type AnnounceErrors = Partial<Record<'text' | 'day', string>>;

const EMPTY: AnnounceValues = { text: '', when: 'now', day: '', time: '', volunteers: false };

const block = (text: string, extra: Record<string, unknown> = {}) => ({ type: 'TextBlock', text: cardText(text), wrap: true, ...extra });

/** The compose card: the message, now or later (day and time in the campaign's time zone), also to volunteers. */
export function announceCard(c: Actor['c'], intro: string, state: { token: string; values: AnnounceValues; errors: AnnounceErrors }): Card {
  const m = c.broadcasts.modal;
  const { values, errors } = state;
  return formCard(
    c,
    [
      block(m.title, { weight: 'Bolder', size: 'Medium' }),
      block(intro, { isSubtle: true }),
      {
        type: 'Input.Text',
        id: 'text',
        label: m.textLabel,
        placeholder: m.textPlaceholder,
        isMultiline: true,
        maxLength: ANNOUNCE_MAX,
        isRequired: true,
        errorMessage: m.textMissing,
        value: values.text,
      },
      ...errorUnder(errors.text),
      {
        type: 'Input.ChoiceSet',
        id: 'when',
        label: m.whenLabel,
        style: 'expanded',
        value: values.when,
        choices: [
          { title: m.now, value: 'now' },
          { title: m.later, value: 'later' },
        ],
      },
      { type: 'Input.Date', id: 'day', label: m.dayLabel, value: values.day },
      { type: 'Input.Time', id: 'time', label: m.timeLabel, value: values.time },
      ...errorUnder(errors.day),
      {
        type: 'Input.Toggle',
        id: 'volunteers',
        label: m.alsoLabel,
        title: m.alsoOption,
        valueOn: 'true',
        valueOff: 'false',
        value: values.volunteers ? 'true' : 'false',
        wrap: true,
      },
    ],
    ANNOUNCE_PREVIEW_VERB,
    m.next,
    { caravane: ANNOUNCE_PREVIEW_VERB, token: state.token },
  );
}

export const freshAnnounceCard = (c: Actor['c'], intro: string): Card => announceCard(c, intro, { token: randomUUID(), values: EMPTY, errors: {} });

const flag = z.union([z.string(), z.boolean()]).optional().catch(undefined);
const previewData = z.looseObject({
  caravane: z.literal(ANNOUNCE_PREVIEW_VERB),
  token: z.string().min(8).max(100),
  text: z
    .string()
    .max(ANNOUNCE_MAX * 2)
    .optional()
    .catch(undefined),
  when: cardInput,
  day: cardInput,
  time: cardInput,
  volunteers: flag,
});
const sendData = z.looseObject({
  caravane: z.literal(ANNOUNCE_SEND_VERB),
  token: z.string().min(8).max(100),
  text: z.string().max(ANNOUNCE_MAX * 2),
  sendAt: z.number().int().nullable(),
  volunteers: z.boolean(),
});

/** The outcome of an announcement card's step, or null when `value` is not one. */
export async function submitAnnounceCard(tc: TeamsContext, turn: TeamsTurn, value: unknown): Promise<CardOutcome | null> {
  const preview = previewData.safeParse(value);
  const send = preview.success ? null : sendData.safeParse(value);
  if (!preview.success && !send?.success) return null;
  const identity = teamsIdentity(turn, !tc.authenticated);
  if (!identity) return { kind: 'done', card: noticeCard(message('info', [t(turn.locale ?? tc.deps.defaultLocale).teams.unidentified])) };
  const actor = await actorFor(tc.deps, identity);
  const hr = await requireHr(actor);
  if (!hr) return { kind: 'done', card: noticeCard(message('error', [actor.c.common.notAdmin])) };
  if (preview.success) return previewStep(tc, hr, preview.data);
  if (send?.success) return { kind: 'done', card: await sendStep(tc, hr, send.data) };
  return null;
}

async function previewStep(tc: TeamsContext, actor: Actor, data: z.infer<typeof previewData>): Promise<CardOutcome> {
  const { c } = actor;
  const values: AnnounceValues = {
    text: (data.text ?? '').trim(),
    when: data.when === 'later' ? 'later' : 'now',
    day: data.day,
    time: data.time,
    volunteers: data.volunteers === true || data.volunteers === 'true',
  };
  const again = (errors: AnnounceErrors) => composeAgain(tc, actor, data.token, values, errors);
  const later = values.when === 'later';
  if (later && (values.day === '' || values.time === '')) return again({ day: c.broadcasts.modal.atMissing });
  const sendAt = later ? zonedTime(values.day, values.time, tc.deps.timeZone) : null;
  if (later && !sendAt) return again({ day: c.broadcasts.announce.badTime });
  const checked = checkAnnouncement(values.text, sendAt, tc.deps.clock.now());
  // An empty form is asked for its message; the command's usage would speak of typing it after the command.
  if (!checked.ok && checked.error.code === 'announce.empty') return again({ text: c.broadcasts.modal.textMissing });
  if (!checked.ok) {
    const field = checked.error.code === 'announce.empty' || checked.error.code === 'announce.too_long' ? 'text' : 'day';
    return again({ [field]: announceErrorText(c, checked.error, '') });
  }
  const audience = c.broadcasts.announce.audience((await tc.deps.messaging.channels.list()).length, values.volunteers ? await confirmedVolunteers(tc) : null);
  const m = c.broadcasts.modal;
  const when = checked.value.sendAt ? m.previewAt(c.broadcasts.at(checked.value.sendAt, tc.deps.timeZone), audience) : m.previewNow(audience);
  // The preview is in the campaign's language: that is what the channels will read.
  const shown = announcementMessage(t(tc.deps.defaultLocale), checked.value.text);
  const toSend = {
    caravane: ANNOUNCE_SEND_VERB,
    token: data.token,
    text: checked.value.text,
    sendAt: checked.value.sendAt?.getTime() ?? null,
    volunteers: values.volunteers,
  };
  const body = [
    block(m.previewTitle, { weight: 'Bolder', size: 'Medium' }),
    {
      type: 'Container',
      style: 'emphasis',
      items: [block(shown.headline ?? '', { weight: 'Bolder' }), ...shown.lines.filter((l) => l.trim() !== '').map((l) => block(l))],
    },
    block(when, { isSubtle: true }),
  ];
  return { kind: 'again', card: formCard(c, body, ANNOUNCE_SEND_VERB, m.send, toSend) };
}

/** The compose card again, with the intro counting the channels and the errors under their fields. */
async function composeAgain(tc: TeamsContext, actor: Actor, token: string, values: AnnounceValues, errors: AnnounceErrors): Promise<CardOutcome> {
  const intro = actor.c.broadcasts.modal.intro((await tc.deps.messaging.channels.list()).length);
  return { kind: 'again', card: announceCard(actor.c, intro, { token, values, errors }) };
}

async function sendStep(tc: TeamsContext, hr: HrActor, data: z.infer<typeof sendData>): Promise<Card> {
  const { c } = hr;
  const result = await announce(tc.deps, hr, {
    text: data.text,
    sendAt: data.sendAt === null ? null : new Date(data.sendAt),
    dedupeKey: `announcement:teams:card:${data.token}`,
    alsoVolunteers: data.volunteers,
  });
  if (!result.ok) return noticeCard(message('error', [announceErrorText(c, result.error, '')]));
  const { channels, volunteers, created, sendAt } = result.value;
  if (!created) return noticeCard(message('info', [c.broadcasts.announce.duplicate]));
  const a = c.broadcasts.announce;
  const audience = a.audience(channels, data.volunteers ? volunteers : null);
  return noticeCard(message('ok', [sendAt ? a.scheduled(c.broadcasts.at(sendAt, tc.deps.timeZone), audience, '') : a.queued(audience, '')]));
}

async function confirmedVolunteers(tc: TeamsContext): Promise<number> {
  const campaign = await tc.deps.campaigns.current(today(tc.deps));
  return campaign ? (await tc.deps.messaging.volunteers.confirmedDestinations(campaign.id)).length : 0;
}
