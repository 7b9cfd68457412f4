/**
 * Digest and milestone posts on Slack: the chart PNG is uploaded privately first (the bot owns it),
 * then the one chat.postMessage shows it as an image block next to the text. The post itself stays a
 * single call carrying the delivery tag, so a lost answer is found again and never posted twice; a
 * chart that cannot be drawn, uploaded or shown leaves the text post to go out alone.
 */
import type { ImageBlock } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import type { ChartImages } from '../../src/messaging/charts.js';
import type { ChartAttachment } from '../../src/messaging/ports.js';

const CHART_FILE = 'caravane-progress.png';

const completed = z.looseObject({
  files: z
    .array(
      z.looseObject({
        files: z
          .array(z.looseObject({ id: z.string().min(1) }))
          .optional()
          .catch(undefined),
      }),
    )
    .optional()
    .catch(undefined),
});

/** The Slack file id of the uploaded chart; null when it could not be drawn or uploaded (nothing was posted). */
export async function uploadChart(client: WebClient, charts: ChartImages, chart: ChartAttachment): Promise<string | null> {
  try {
    const png = await charts.png(chart.campaignId, chart.locale);
    // No channel: the file stays private to the bot until the post shows it.
    const res = completed.safeParse(await client.filesUploadV2({ file_uploads: [{ file: png, filename: CHART_FILE, alt_text: chart.alt }] }));
    return (res.success ? res.data.files?.[0]?.files?.[0]?.id : undefined) ?? null;
  } catch {
    return null;
  }
}

export const chartBlock = (fileId: string, chart: ChartAttachment): ImageBlock => ({
  type: 'image',
  slack_file: { id: fileId },
  alt_text: chart.alt.slice(0, 2000) || ' ',
});

/** Best effort: a chart whose post did not go out is not left behind in the bot's files. */
export async function dropChart(client: WebClient, fileId: string): Promise<void> {
  await client.files.delete({ file: fileId }).catch(() => undefined);
}
