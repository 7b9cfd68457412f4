/**
 * Why a message did not reach one destination, in words both senders share. The Slack and Teams
 * senders map their platform's answers into it; the outbox stores it as a short key (`deliveryKey`)
 * and HR reads it translated in the delivery status (`deliveryFailureText`, src/announcements/texts.ts).
 */

export type DeliveryFailure =
  /** The channel, conversation or person is not there (any more). */
  | { readonly code: 'destination.not_found' }
  | { readonly code: 'destination.archived' }
  /** The bot is not a member of the channel. */
  | { readonly code: 'bot.not_member' }
  /** The bot was removed or blocked there. */
  | { readonly code: 'bot.removed' }
  /** The bot's own account is deactivated. */
  | { readonly code: 'bot.inactive' }
  /** The platform refused the bot's credentials. */
  | { readonly code: 'token.refused' }
  /** The bot lacks a permission (scope) for this. */
  | { readonly code: 'permission.missing' }
  /** The platform refused this message as it is (too long, bad blocks); `platformCode` is its own word. */
  | { readonly code: 'message.refused'; readonly platformCode: string }
  /** A stored Teams conversation points at a Bot Connector host we do not trust. */
  | { readonly code: 'host.not_allowed' }
  /** The photos to upload are gone (withdrawn) or file storage is not configured. */
  | { readonly code: 'files.unavailable' }
  /** A destination of the other platform reached this sender (a bug upstream). */
  | { readonly code: 'platform.mismatch' }
  | { readonly code: 'rate_limited' }
  /** The platform had trouble of its own (5xx, internal error); `status` is the HTTP status when known. */
  | { readonly code: 'platform.error'; readonly status?: number | undefined }
  /** The request did not get through (refused connection, reset); `refused`: it surely reached nobody. */
  | { readonly code: 'network'; readonly refused: boolean }
  | { readonly code: 'timeout' }
  /** The outbox's own: no sender for the platform, or a stored message it cannot read. */
  | { readonly code: 'no_sender' }
  | { readonly code: 'bad_payload' }
  /** Anything else; `detail` is kept for the logs and shown as is. */
  | { readonly code: 'unexpected'; readonly detail: string };

export type DeliveryFailureCode = DeliveryFailure['code'];

/** The failure as stored with the target: its code, and its one piece of data after a colon. */
export function deliveryKey(f: DeliveryFailure): string {
  switch (f.code) {
    case 'message.refused':
      return `${f.code}:${f.platformCode.slice(0, 80)}`;
    case 'platform.error':
      return f.status === undefined ? f.code : `${f.code}:${f.status}`;
    case 'network':
      return f.refused ? `${f.code}:refused` : f.code;
    case 'unexpected':
      return `${f.code}:${f.detail.slice(0, 100)}`;
    default:
      return f.code;
  }
}

/** After the outbox's last try: the failure that made it give up. */
export const GAVE_UP = 'gave_up:';

/** The failures that carry no data, by their key. */
const SIMPLE = new Map<string, DeliveryFailure>(
  (
    [
      'destination.not_found',
      'destination.archived',
      'bot.not_member',
      'bot.removed',
      'bot.inactive',
      'token.refused',
      'permission.missing',
      'host.not_allowed',
      'files.unavailable',
      'platform.mismatch',
      'rate_limited',
      'timeout',
      'no_sender',
      'bad_payload',
    ] as const
  ).map((code) => [code, { code }]),
);

/** Keys written before the failures had their own words: Slack's codes, read once here. */
const EARLIER = new Map<string, DeliveryFailure>([
  ['channel_not_found', { code: 'destination.not_found' }],
  ['not_found', { code: 'destination.not_found' }],
  ['is_archived', { code: 'destination.archived' }],
  ['not_in_channel', { code: 'bot.not_member' }],
  ['account_inactive', { code: 'bot.inactive' }],
  ['invalid_auth', { code: 'token.refused' }],
  ['missing_scope', { code: 'permission.missing' }],
  ['forbidden', { code: 'bot.removed' }],
  ['ratelimited', { code: 'rate_limited' }],
]);

/** A stored key back into the failure; what no sender writes any more reads as `unexpected`. */
export function parseDeliveryKey(key: string): { gaveUp: boolean; failure: DeliveryFailure } {
  const gaveUp = key.startsWith(GAVE_UP);
  const rest = gaveUp ? key.slice(GAVE_UP.length) : key;
  const [code = '', detail = ''] = rest.split(/:(.*)/s);
  const failure = ((): DeliveryFailure => {
    const simple = detail === '' ? SIMPLE.get(code) : undefined;
    if (simple) return simple;
    if (code === 'message.refused' && detail !== '') return { code, platformCode: detail };
    if (code === 'platform.error') return /^\d{3}$/.test(detail) ? { code, status: Number(detail) } : { code };
    if (code === 'network') return { code, refused: detail === 'refused' };
    if (code === 'unexpected') return { code, detail };
    return EARLIER.get(rest) ?? { code: 'unexpected', detail: rest };
  })();
  return { gaveUp, failure };
}
