/**
 * Submissions of the sign-up and trip cards, by Action.Execute or the Action.Submit fallback.
 * A card with errors comes back with the person's values and each error under its field; nothing is
 * stored until the whole form is valid. Values are never logged.
 */
import { z } from 'zod';
import { actorFor, type Actor } from '../../src/chat/actor.js';
import { message, type MessageReply } from '../../src/chat/reply.js';
import { t } from '../../src/shared/i18n/index.js';
import { submitSignupForm, volunteerForm } from '../../src/volunteers/forms.js';
import type { SignupFormValues } from '../../src/volunteers/signup.js';
import { submitTripForm, tripForm, type TripFormValues } from '../../src/volunteers/trip-form.js';
import { teamsIdentity, type TeamsTurn } from './activity.js';
import type { TeamsContext } from './context.js';
import type { CardOutcome } from './pledge-card.js';
import { noticeCard } from './render.js';
import { TRIP_VERB, tripCard, VOLUNTEER_VERB, volunteerCard } from './volunteer-cards.js';

/** Teams sends inputs as strings (numbers from some clients); anything odd becomes ''. */
const input = z
  .union([z.string().max(5000), z.number()])
  .optional()
  .catch(undefined)
  .transform((v) => (v === undefined ? '' : String(v).trim()));

const signupData = z.looseObject({
  caravane: z.literal(VOLUNTEER_VERB),
  token: z.string().min(8).max(100),
  choice: input,
  phone: input,
  emergencyName: input,
  emergencyPhone: input,
  notes: input,
  rules: z.union([z.string(), z.boolean()]).optional().catch(undefined),
});

const tripData = z.looseObject({
  caravane: z.literal(TRIP_VERB),
  token: z.string().min(8).max(100),
  tripId: z
    .number()
    .int()
    .positive()
    .max(2 ** 31)
    .nullable()
    .optional()
    .catch(null),
  name: input,
  from: input,
  to: input,
  seats: input,
  roles: input,
  meeting: input,
  meetingTime: input,
  deadline: input,
});

const done = (reply: MessageReply): CardOutcome => ({ kind: 'done', card: noticeCard(reply) });

async function signupSubmitted(tc: TeamsContext, actor: Actor, data: z.infer<typeof signupData>): Promise<CardOutcome> {
  const values: SignupFormValues = {
    choice: data.choice,
    phone: data.phone,
    emergencyName: data.emergencyName,
    emergencyPhone: data.emergencyPhone,
    notes: data.notes,
    rules: data.rules === true || data.rules === 'true',
  };
  const key = `teams:card:${data.token}:${actor.identity.tenantId}:${actor.identity.userId}`;
  const outcome = await submitSignupForm(tc.deps, actor, values, key);
  if (outcome.kind === 'done') return done(outcome.reply);
  const form = await volunteerForm(tc.deps, actor);
  if (form.kind !== 'form') return done(form);
  return { kind: 'again', card: volunteerCard(actor.c, form, { token: data.token, values, errors: outcome.errors }) };
}

async function tripSubmitted(tc: TeamsContext, actor: Actor, data: z.infer<typeof tripData>): Promise<CardOutcome> {
  if (!(await actor.isAdmin())) return done(message('error', [actor.c.common.notAdmin]));
  const tripId = data.tripId ?? null;
  const values: TripFormValues = {
    name: data.name,
    from: data.from,
    to: data.to,
    seats: data.seats,
    roles: data.roles,
    meeting: data.meeting,
    meetingTime: data.meetingTime,
    deadline: data.deadline,
  };
  const outcome = await submitTripForm(tc.deps, actor, tripId, values);
  if (outcome.kind === 'done') return done(outcome.reply);
  const form = await tripForm(tc.deps, actor, tripId);
  if (form.kind !== 'form') return done(form);
  return { kind: 'again', card: tripCard(actor.c, form, { token: data.token, values, errors: outcome.errors }) };
}

/**
 * Handles `value` when it is one of the volunteer cards' submissions; null when it is not (the
 * caller then tries the other cards, or treats the activity as a command).
 */
export async function submitVolunteerCard(tc: TeamsContext, turn: TeamsTurn, value: unknown): Promise<CardOutcome | null> {
  const signup = signupData.safeParse(value);
  const trip = signup.success ? null : tripData.safeParse(value);
  if (!signup.success && !trip?.success) return null;
  const identity = teamsIdentity(turn);
  if (!identity) return done(message('info', [t(turn.locale ?? tc.deps.defaultLocale).teams.unidentified]));
  const actor = await actorFor(tc.deps, identity);
  if (signup.success) {
    // The answer replaces the card for everyone in a channel: personal data is only taken in a 1:1 chat.
    if (turn.conversationType !== 'personal') return done(message('info', [actor.c.volunteers.form.privateOnly]));
    return signupSubmitted(tc, actor, signup.data);
  }
  return trip?.success ? tripSubmitted(tc, actor, trip.data) : null;
}
