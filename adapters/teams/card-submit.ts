/**
 * A card's submission (Action.Execute or the Action.Submit fallback), dispatched on the marker its
 * data carries (`caravane`): each kind of card has one handler, registered form cards share one.
 * Null when the value is no card of ours (the message is then a command).
 */
import { z } from 'zod';
import type { TeamsTurn } from './activity.js';
import { ANNOUNCE_PREVIEW_VERB, ANNOUNCE_SEND_VERB, submitAnnounceCard } from './announce-card.js';
import type { TeamsContext } from './context.js';
import { FORM_VERB } from './forms/card.js';
import { submitFormCard } from './forms/submit.js';
import { pledgeCardData, submitPledgeCard, type CardOutcome } from './pledge-card.js';
import { PLEDGE_VERB } from './render.js';
import { TRIP_VERB, VOLUNTEER_VERB } from './volunteer-cards.js';
import { submitVolunteerCard } from './volunteer-submit.js';

type CardSubmit = (tc: TeamsContext, turn: TeamsTurn, value: unknown) => Promise<CardOutcome | null>;

const submitPledge: CardSubmit = async (tc, turn, value) => {
  const data = pledgeCardData.safeParse(value);
  return data.success ? submitPledgeCard(tc, turn, data.data) : null;
};

/**
 * The give and need cards of the version before the forms were registered carried their own marker
 * and no form name. They stay in people's chats for weeks, so a press on one is still a submission
 * of that form (same inputs, same token): the form's own checks, HR's included, decide.
 */
const formOfOldCard =
  (form: 'give' | 'need'): CardSubmit =>
  (tc, turn, value) =>
    submitFormCard(tc, turn, { ...(value as Record<string, unknown>), caravane: FORM_VERB, form });

const SUBMITS: Record<string, CardSubmit> = {
  [PLEDGE_VERB]: submitPledge,
  [VOLUNTEER_VERB]: submitVolunteerCard,
  [TRIP_VERB]: submitVolunteerCard,
  [ANNOUNCE_PREVIEW_VERB]: submitAnnounceCard,
  [ANNOUNCE_SEND_VERB]: submitAnnounceCard,
  [FORM_VERB]: submitFormCard,
  'give.submit': formOfOldCard('give'),
  'need.save': formOfOldCard('need'),
};

const marker = z.looseObject({ caravane: z.string().max(40) });

export async function submitCard(tc: TeamsContext, turn: TeamsTurn, value: unknown): Promise<CardOutcome | null> {
  const parsed = marker.safeParse(value);
  const submit = parsed.success && Object.hasOwn(SUBMITS, parsed.data.caravane) ? SUBMITS[parsed.data.caravane] : undefined;
  return submit ? submit(tc, turn, value) : null;
}
