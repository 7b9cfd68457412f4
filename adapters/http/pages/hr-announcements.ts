/**
 * `/hr/announcements`: compose, preview, send now or schedule, and the delivery report. Sending goes
 * through `announce`, the use case behind `/caravan announce`, so the same checks, channels and
 * outbox apply; the report is `/caravan announce status`'s.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { announce, announcementMessage, checkAnnouncement, deliveryStatus } from '../../../src/announcements/announcements.service.js';
import { zonedTime } from '../../../src/announcements/schedule.js';
import { announceErrorText, deliveryStatusLines } from '../../../src/announcements/texts.js';
import type { HrSession } from '../../../src/dashboard/ports.js';
import { t, type Catalogue } from '../../../src/shared/i18n/index.js';
import { hrOf } from './hr-actor.js';
import type { HrHandler } from './hr-handler.js';
import { sendPage } from './render.js';
import type { ActorDeps } from '../../../src/chat/actor.js';
import type { BroadcastDeps } from '../../../src/messaging/deps.js';

const form = z.object({
  text: z.string().max(10_000).default(''),
  day: z.string().max(20).default(''),
  time: z.string().max(10).default(''),
  volunteers: z.literal('on').optional(),
  action: z.enum(['preview', 'send']).default('preview'),
  key: z
    .string()
    .regex(/^[0-9a-f-]{36}$/)
    .optional(),
});
type Draft = z.infer<typeof form>;

/** The report's lines, one group per delivery: in chat an empty line parts them, on the page each group is one list item. */
function byDelivery(lines: readonly string[]): string[][] {
  const groups: string[][] = [[]];
  for (const line of lines) {
    if (line === '') groups.push([]);
    else groups.at(-1)?.push(line);
  }
  return groups.filter((g) => g.length > 0);
}

async function render(
  deps: BroadcastDeps & ActorDeps,
  res: Parameters<HrHandler>[1],
  session: HrSession,
  c: Catalogue,
  draft: Draft,
  extra: { preview?: string[]; notice?: string; error?: string; status?: number },
) {
  const report = byDelivery(deliveryStatusLines(c, await deliveryStatus(deps, 5), deps.timeZone, deps.clock.now()));
  sendPage(res, extra.status ?? 200, 'announcements', c, {
    session,
    nav: 'announcements',
    draft: { ...draft, key: draft.key ?? randomUUID() },
    report,
    preview: extra.preview ?? null,
    notice: extra.notice ? { text: extra.notice, details: [] } : null,
    error: extra.error ?? null,
  });
}

export function announcementsPage(deps: BroadcastDeps & ActorDeps): HrHandler {
  return async (_req, res, session, c) => render(deps, res, session, c, form.parse({}), {});
}

export function announcementsForm(deps: BroadcastDeps & ActorDeps): HrHandler {
  return async (req, res, session, c) => {
    const parsed = form.safeParse(req.body);
    const draft = parsed.success ? parsed.data : form.parse({});
    const sendAt = draft.day.trim() === '' ? null : zonedTime(draft.day.trim(), draft.time.trim() || '09:00', deps.timeZone);
    if (draft.day.trim() !== '' && !sendAt) return render(deps, res, session, c, draft, { error: c.dashboard.pages.announcements.badTime, status: 422 });
    const checked = checkAnnouncement(draft.text, sendAt, deps.clock.now());
    if (!checked.ok) return render(deps, res, session, c, draft, { error: announceErrorText(c, checked.error, '/'), status: 422 });
    if (draft.action === 'preview') {
      // Channels read it in the campaign's default language, as when sent from chat.
      const shown = announcementMessage(t(deps.defaultLocale), checked.value.text);
      return render(deps, res, session, c, draft, { preview: [shown.headline ?? '', ...shown.lines] });
    }
    const hr = await hrOf(deps, session, res, c);
    if (!hr) return;
    const done = await announce(deps, hr, {
      text: checked.value.text,
      sendAt,
      dedupeKey: `hr-page:${draft.key ?? randomUUID()}`,
      alsoVolunteers: draft.volunteers === 'on',
    });
    if (!done.ok) return render(deps, res, session, c, draft, { error: announceErrorText(c, done.error, '/'), status: 422 });
    const a = c.broadcasts.announce;
    const audience = a.audience(done.value.channels, draft.volunteers === 'on' ? done.value.volunteers : null);
    const notice = !done.value.created ? a.duplicate : sendAt ? a.scheduled(c.broadcasts.at(sendAt, deps.timeZone), audience, '/') : a.queued(audience, '/');
    return render(deps, res, session, c, form.parse({}), { notice });
  };
}
