/**
 * Submissions of the sign-up and trip modals. Every bad field comes back with `response_action:
 * errors` on its block and nothing is stored; a redelivered submission is recognised by the view id.
 * Field values are read, checked and stored; none is ever written to a log.
 */
import type { App, SlackViewAction, ViewOutput } from '@slack/bolt';
import { z } from 'zod';
import { actorFor, type Actor } from '../../../src/chat/actor.js';
import { t } from '../../../src/shared/i18n/index.js';
import type { FormOutcome } from '../../../src/chat/reply.js';
import { submitSignupForm } from '../../../src/volunteers/forms.js';
import type { SignupField } from '../../../src/volunteers/signup.js';
import { submitTripForm } from '../../../src/volunteers/trip-form.js';
import type { TripField } from '../../../src/volunteers/trip.js';
import type { SlackContext } from '../context.js';
import { renderMessage } from '../render.js';
import { SIGNUP_BLOCK, TRIP_BLOCK, TRIP_VIEW, VOLUNTEER_VIEW } from './modals.js';
import { blockErrors, inputText, submitter, tellPrivately, ticked, viewMetadata, viewValues, type ViewValues } from '../view-submission.js';

const meta = z.object({ channel: z.string().nullable(), locale: z.enum(['fr', 'en']), tripId: z.number().int().positive().nullable().optional() });

type Submit<F extends string> = (actor: Actor, values: ViewValues, view: ViewOutput, tripId: number | null) => Promise<FormOutcome<F>>;

function registerForm<F extends string>(app: App, sc: SlackContext, callbackId: string, blocks: Record<F, string>, submit: Submit<F>) {
  app.view<SlackViewAction>(callbackId, async ({ ack, body, view, client, logger }) => {
    const parsedMeta = meta.safeParse(viewMetadata(view.private_metadata));
    const locale = parsedMeta.success ? parsedMeta.data.locale : sc.deps.defaultLocale;
    const values = viewValues(view.state.values);
    const firstBlock = Object.values<string>(blocks)[0] ?? 'choice';
    try {
      const identity = await sc.people.identity(...submitter(body));
      const actor = await actorFor(sc.deps, { ...identity, locale: identity.locale ?? locale });
      const outcome = await submit(actor, values, view, parsedMeta.success ? (parsedMeta.data.tripId ?? null) : null);
      if (outcome.kind === 'errors') {
        await ack({ response_action: 'errors', errors: blockErrors(outcome.errors, (field) => blocks[field]) });
        return;
      }
      await ack();
      await tellPrivately(client, body.user.id, parsedMeta.success ? parsedMeta.data.channel : null, renderMessage(outcome.reply));
    } catch (error) {
      logger.error(`${callbackId} submission failed: ${error instanceof Error ? error.message : 'unknown error'}`);
      await ack({ response_action: 'errors', errors: { [firstBlock]: t(locale).common.sorry } }).catch(() => undefined);
    }
  });
}

export function registerVolunteerViews(app: App, sc: SlackContext): void {
  registerForm<SignupField>(app, sc, VOLUNTEER_VIEW, SIGNUP_BLOCK, (actor, v, view) =>
    submitSignupForm(
      sc.deps,
      actor,
      {
        choice: inputText(v, SIGNUP_BLOCK.choice),
        phone: inputText(v, SIGNUP_BLOCK.phone),
        emergencyName: inputText(v, SIGNUP_BLOCK.emergencyName),
        emergencyPhone: inputText(v, SIGNUP_BLOCK.emergencyPhone),
        notes: inputText(v, SIGNUP_BLOCK.notes),
        rules: ticked(v, SIGNUP_BLOCK.rules, 'accepted'),
      },
      `slack:view:${view.id}`,
    ),
  );
  registerForm<TripField>(app, sc, TRIP_VIEW, TRIP_BLOCK, (actor, v, _view, tripId) => {
    const field = (f: TripField) => inputText(v, TRIP_BLOCK[f]);
    return submitTripForm(sc.deps, actor, tripId, {
      name: field('name'),
      from: field('from'),
      to: field('to'),
      seats: field('seats'),
      roles: field('roles'),
      meeting: field('meeting'),
      meetingTime: field('meetingTime'),
      deadline: field('deadline'),
    });
  });
}
