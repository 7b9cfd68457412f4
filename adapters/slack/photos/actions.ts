/**
 * The photo buttons on Slack: consent and discard (uploader), approve and reject (HR; reject opens a
 * modal for the reason), withdraw (uploader or HR). Each acks at once, runs one use case and replaces
 * the message it came from with the outcome; refusals are answered privately in the same DM.
 */
import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import { actorFor, requireHr, type Actor } from '../../../src/chat/actor.js';
import { message, type MessageReply } from '../../../src/chat/reply.js';
import { photoNumbers } from '../../../src/photos/photo.js';
import { withdrawnReply } from '../../../src/photos/photos-command.js';
import { reviewBatch, type Decision } from '../../../src/photos/review.service.js';
import { photoErrorText } from '../../../src/photos/texts.js';
import { consentBatch } from '../../../src/photos/upload.service.js';
import { withdrawPhotos } from '../../../src/photos/withdraw.service.js';
import { t } from '../../../src/shared/i18n/index.js';
import type { SlackContext } from '../context.js';
import { renderMessage } from '../render.js';
import { ACTION, BLOCK, REJECT_VIEW, rejectModal, type RejectMeta } from './blocks.js';
import { submitter, viewMetadata } from '../view-submission.js';

const inputValue = z.looseObject({ value: z.string().nullable().optional().catch(undefined) });
const actionBody = z.looseObject({
  user: z.looseObject({ id: z.string().min(1), team_id: z.string().optional().catch(undefined) }),
  team: z.looseObject({ id: z.string() }).nullable().optional().catch(undefined),
  container: z
    .looseObject({ channel_id: z.string().optional().catch(undefined), message_ts: z.string().optional().catch(undefined) })
    .optional()
    .catch(undefined),
  trigger_id: z.string().optional().catch(undefined),
  actions: z.array(z.looseObject({ value: z.string().optional().catch(undefined) })).min(1),
  state: z
    .looseObject({ values: z.record(z.string(), z.record(z.string(), inputValue)) })
    .optional()
    .catch(undefined),
});
type ActionBody = z.infer<typeof actionBody>;

interface Clicked {
  body: ActionBody;
  batchId: number;
  channel: string | null;
  ts: string | null;
  teamId: string;
}

function clicked(raw: unknown): Clicked | null {
  const parsed = actionBody.safeParse(raw);
  if (!parsed.success) return null;
  const value = parsed.data.actions[0]?.value ?? '';
  if (!/^\d{1,15}$/.test(value)) return null;
  const { container, user, team } = parsed.data;
  return {
    body: parsed.data,
    batchId: Number(value),
    channel: container?.channel_id ?? null,
    ts: container?.message_ts ?? null,
    teamId: user.team_id ?? team?.id ?? '',
  };
}

/** Replaces the clicked message with the outcome; a new DM message when it cannot be edited. */
async function replace(client: WebClient, who: string, where: { channel: string | null; ts: string | null }, reply: MessageReply): Promise<void> {
  const rendered = renderMessage(reply);
  if (where.channel && where.ts) {
    const updated = await client.chat.update({ channel: where.channel, ts: where.ts, ...rendered }).then(
      () => true,
      () => false,
    );
    if (updated) return;
  }
  await client.chat.postMessage({ channel: where.channel ?? who, ...rendered });
}

/** A refusal goes below the message, which keeps its buttons (the person may fix the caption and retry). */
async function refuse(client: WebClient, who: string, where: { channel: string | null }, text: string): Promise<void> {
  await client.chat.postMessage({ channel: where.channel ?? who, ...renderMessage(message('error', [text])) });
}

type Handler = (sc: SlackContext, actor: Actor, click: Clicked, client: WebClient) => Promise<void>;

const handlers: Record<string, Handler> = {
  [ACTION.consent]: async (sc, actor, click, client) => {
    const values = click.body.state?.values ?? {};
    const caption = values[BLOCK.caption]?.value?.value ?? null;
    const place = values[BLOCK.place]?.value?.value ?? null;
    const result = await consentBatch(sc.deps, actor, click.batchId, { caption, place });
    if (!result.ok) return refuse(client, actor.identity.userId, click, photoErrorText(actor.c, result.error));
    const ids = result.value.batch.photos.filter((ph) => ph.withdrawnAt === null).map((ph) => ph.id);
    const lines = [actor.c.photos.consented(photoNumbers(ids), ids.length), ...(result.value.notified === 0 ? [actor.c.photos.consentedNoHr(ids.length)] : [])];
    await replace(client, actor.identity.userId, click, message('ok', lines));
  },
  [ACTION.discard]: async (sc, actor, click, client) => {
    const result = await withdrawPhotos(sc.deps, actor, { batchId: click.batchId });
    if (!result.ok) return refuse(client, actor.identity.userId, click, photoErrorText(actor.c, result.error));
    await replace(
      client,
      actor.identity.userId,
      click,
      message('ok', [actor.c.photos.discarded(photoNumbers(result.value.photoIds), result.value.photoIds.length)]),
    );
  },
  [ACTION.withdraw]: async (sc, actor, click, client) => {
    const result = await withdrawPhotos(sc.deps, actor, { batchId: click.batchId });
    if (!result.ok) return refuse(client, actor.identity.userId, click, photoErrorText(actor.c, result.error));
    const reply = withdrawnReply(actor, result.value);
    if (reply.kind === 'message') await replace(client, actor.identity.userId, click, reply);
  },
  [ACTION.approve]: async (sc, actor, click, client) => decide(sc, actor, click, client, { approve: true }),
};

async function decide(
  sc: SlackContext,
  actor: Actor,
  where: { batchId: number; channel: string | null; ts: string | null },
  client: WebClient,
  decision: Decision,
): Promise<void> {
  const hr = await requireHr(actor);
  if (!hr) return refuse(client, actor.identity.userId, where, photoErrorText(actor.c, { code: 'photo.not_hr' }));
  const result = await reviewBatch(sc.deps, hr, where.batchId, decision);
  if (!result.ok) return refuse(client, actor.identity.userId, where, photoErrorText(actor.c, result.error));
  const ids = result.value.batch.photos.filter((ph) => ph.withdrawnAt === null).map((ph) => ph.id);
  const done = (decision.approve ? actor.c.photos.youApproved : actor.c.photos.youRejected)(photoNumbers(ids), ids.length);
  await replace(client, actor.identity.userId, where, message('ok', [done]));
}

const viewBody = z.looseObject({
  user: z.looseObject({ id: z.string().min(1), team_id: z.string().optional().catch(undefined) }),
  view: z.looseObject({
    private_metadata: z.string().max(3000),
    team_id: z.string().optional().catch(undefined),
    state: z.looseObject({ values: z.record(z.string(), z.record(z.string(), inputValue)) }),
  }),
});
const rejectMeta = z.object({ batchId: z.number().int().positive(), channel: z.string().nullable(), ts: z.string().nullable(), locale: z.enum(['fr', 'en']) });

export function registerPhotoActions(app: App, sc: SlackContext): void {
  for (const [actionId, handler] of Object.entries(handlers)) {
    app.action(actionId, async ({ ack, body, client }) => {
      await ack();
      const click = clicked(body);
      if (!click) return;
      const actor = await actorFor(sc.deps, await sc.people.identity(click.teamId, click.body.user.id));
      try {
        await handler(sc, actor, click, client);
      } catch (error) {
        sc.logger.error({ component: 'photos', action: actionId, err: String(error) }, 'photo action failed');
        await refuse(client, click.body.user.id, click, actor.c.common.sorry).catch(() => undefined);
      }
    });
  }
  registerReject(app, sc);
}

/** Reject: the modal opens first (trigger ids live 3 s), the decision is taken when it is submitted. */
function registerReject(app: App, sc: SlackContext): void {
  app.action(ACTION.reject, async ({ ack, body, client }) => {
    await ack();
    const click = clicked(body);
    if (!click?.body.trigger_id) return;
    // The form speaks the language stored for HR (the identity alone carries none).
    const { locale } = await actorFor(sc.deps, await sc.people.identity(click.teamId, click.body.user.id));
    const meta: RejectMeta = { batchId: click.batchId, channel: click.channel, ts: click.ts, locale };
    await client.views.open({ trigger_id: click.body.trigger_id, view: rejectModal(t(locale), meta) }).catch((error: unknown) => {
      sc.logger.warn({ component: 'photos', err: String(error) }, 'reject form not opened');
    });
  });

  app.view(REJECT_VIEW, async ({ ack, body, client }) => {
    await ack();
    const parsed = viewBody.safeParse(body);
    const meta = parsed.success ? rejectMeta.safeParse(viewMetadata(parsed.data.view.private_metadata)) : null;
    if (!parsed.success || !meta?.success) return;
    const { view } = parsed.data;
    const identity = await sc.people.identity(...submitter(body));
    const actor = await actorFor(sc.deps, { ...identity, locale: identity.locale ?? meta.data.locale });
    const reason = view.state.values[BLOCK.reason]?.value?.value ?? null;
    try {
      await decide(sc, actor, meta.data, client, { approve: false, reason });
    } catch (error) {
      sc.logger.error({ component: 'photos', err: String(error) }, 'photo rejection failed');
    }
  });
}
