import type { App } from '@slack/bolt';
import { z } from 'zod';
import { announce, announcementMessage, checkAnnouncement } from '../../../src/announcements/announcements.service.js';
import { announceErrorText } from '../../../src/announcements/texts.js';
import { today } from '../../../src/campaigns/campaigns.service.js';
import { actorFor, requireHr, type HrActor } from '../../../src/chat/actor.js';
import { t, type Catalogue } from '../../../src/shared/i18n/index.js';
import { ANNOUNCE_BLOCK, ANNOUNCE_COMPOSE, ANNOUNCE_CONFIRM, announceDoneModal, announcePreviewModal } from '../announce-modal.js';
import type { SlackContext } from '../context.js';
import { renderMessage } from '../render.js';
import { slackPlain } from '../text.js';
import { submitter, viewMetadata } from '../view-submission.js';

const locale = z.enum(['fr', 'en']);
const composeMeta = z.object({ locale });
const confirmMeta = z.object({ locale, text: z.string(), sendAt: z.number().int().nullable(), volunteers: z.boolean() });
const state = z.object({
  [ANNOUNCE_BLOCK.text]: z.object({ value: z.object({ value: z.string().nullable().optional() }) }),
  [ANNOUNCE_BLOCK.when]: z.object({ value: z.object({ selected_option: z.object({ value: z.string() }).nullable().optional() }) }).optional(),
  [ANNOUNCE_BLOCK.at]: z.object({ value: z.object({ selected_date_time: z.number().int().nullable().optional() }) }).optional(),
  [ANNOUNCE_BLOCK.also]: z
    .object({
      value: z.object({
        selected_options: z
          .array(z.object({ value: z.string() }))
          .nullable()
          .optional(),
      }),
    })
    .optional(),
});
/** Slack keeps at most 3000 characters of private metadata. */
const METADATA_MAX = 3000;

/**
 * The announcement form: compose → preview (exactly what the channels will show, and when) → send.
 * HR is checked again on "send"; a redelivered submission enqueues once (keyed on the view id).
 */
export function registerAnnounceViews(app: App, sc: SlackContext): void {
  app.view(ANNOUNCE_COMPOSE, async ({ ack, view }) => {
    const meta = composeMeta.safeParse(viewMetadata(view.private_metadata));
    const lang = meta.success ? meta.data.locale : sc.deps.defaultLocale;
    const c = t(lang);
    const values = state.safeParse(view.state.values);
    if (!values.success) {
      await ack({ response_action: 'errors', errors: { [ANNOUNCE_BLOCK.text]: c.broadcasts.modal.textMissing } });
      return;
    }
    const text = values.data.text.value.value ?? '';
    const later = values.data.when?.value.selected_option?.value === 'later';
    const atSeconds = values.data.at?.value.selected_date_time ?? null;
    if (later && atSeconds === null) {
      await ack({ response_action: 'errors', errors: { [ANNOUNCE_BLOCK.at]: c.broadcasts.modal.atMissing } });
      return;
    }
    const checked = checkAnnouncement(text, later && atSeconds !== null ? new Date(atSeconds * 1000) : null, sc.deps.clock.now());
    if (!checked.ok) {
      const block = checked.error.code === 'announce.empty' || checked.error.code === 'announce.too_long' ? ANNOUNCE_BLOCK.text : ANNOUNCE_BLOCK.at;
      // An empty form is asked for its message; the command's usage would speak of typing it after the command.
      const said = checked.error.code === 'announce.empty' ? c.broadcasts.modal.textMissing : announceErrorText(c, checked.error, '/');
      await ack({ response_action: 'errors', errors: { [block]: slackPlain(said) } });
      return;
    }
    const { sendAt } = checked.value;
    const volunteers = (values.data.also?.value.selected_options ?? []).some((o) => o.value === 'volunteers');
    const metadata = JSON.stringify({ locale: lang, text: checked.value.text, sendAt: sendAt ? sendAt.getTime() : null, volunteers });
    if (metadata.length > METADATA_MAX) {
      await ack({
        response_action: 'errors',
        errors: { [ANNOUNCE_BLOCK.text]: c.broadcasts.announce.tooLong(checked.value.text.length - (metadata.length - METADATA_MAX)) },
      });
      return;
    }
    const audience = c.broadcasts.announce.audience((await sc.deps.messaging.channels.list()).length, volunteers ? await confirmedVolunteers(sc) : null);
    const when = sendAt ? c.broadcasts.modal.previewAt(c.broadcasts.at(sendAt, sc.deps.timeZone), audience) : c.broadcasts.modal.previewNow(audience);
    // The preview is in the campaign's language: that is what the channels will read.
    const preview = renderMessage(announcementMessage(t(sc.deps.defaultLocale), checked.value.text));
    await ack({ response_action: 'update', view: announcePreviewModal(c, preview, when, metadata) });
  });

  app.view(ANNOUNCE_CONFIRM, async ({ ack, body, view, logger }) => {
    const meta = confirmMeta.safeParse(viewMetadata(view.private_metadata));
    const c = t(meta.success ? meta.data.locale : sc.deps.defaultLocale);
    try {
      const actor = await actorFor(sc.deps, await sc.people.identity(...submitter(body)));
      const outcome = meta.success ? await confirm(sc, c, await requireHr(actor), meta.data, view.id) : c.common.sorry;
      await ack({ response_action: 'update', view: announceDoneModal(c, outcome) });
    } catch (error) {
      logger.error(`announcement form failed: ${String(error)}`);
      await ack({ response_action: 'update', view: announceDoneModal(c, c.common.sorry) }).catch(() => undefined);
    }
  });
}

/** How many confirmed volunteers the announcement would reach privately . */
async function confirmedVolunteers(sc: SlackContext): Promise<number> {
  const campaign = await sc.deps.campaigns.current(today(sc.deps));
  return campaign ? (await sc.deps.messaging.volunteers.confirmedDestinations(campaign.id)).length : 0;
}

async function confirm(sc: SlackContext, c: Catalogue, hr: HrActor | null, meta: z.infer<typeof confirmMeta>, viewId: string): Promise<string> {
  if (!hr) return c.common.notAdmin;
  const result = await announce(sc.deps, hr, {
    text: meta.text,
    sendAt: meta.sendAt === null ? null : new Date(meta.sendAt),
    dedupeKey: `announcement:slack:view:${viewId}`,
    alsoVolunteers: meta.volunteers,
  });
  if (!result.ok) return announceErrorText(c, result.error, '/');
  const { channels, volunteers, created, sendAt } = result.value;
  if (!created) return c.broadcasts.announce.duplicate;
  const a = c.broadcasts.announce;
  const audience = a.audience(channels, meta.volunteers ? volunteers : null);
  return sendAt ? a.scheduled(c.broadcasts.at(sendAt, sc.deps.timeZone), audience, '/') : a.queued(audience, '/');
}
