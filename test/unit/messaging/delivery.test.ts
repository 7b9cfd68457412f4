import { describe, expect, it } from 'vitest';
import { failureReason } from '../../../src/announcements/texts.js';
import { deliveryKey, parseDeliveryKey, type DeliveryFailure } from '../../../src/messaging/delivery.js';
import { t } from '../../../src/shared/i18n/index.js';

const every: DeliveryFailure[] = [
  { code: 'destination.not_found' },
  { code: 'destination.archived' },
  { code: 'bot.not_member' },
  { code: 'bot.removed' },
  { code: 'bot.inactive' },
  { code: 'token.refused' },
  { code: 'permission.missing' },
  { code: 'message.refused', platformCode: 'msg_too_long' },
  { code: 'host.not_allowed' },
  { code: 'files.unavailable' },
  { code: 'platform.mismatch' },
  { code: 'rate_limited' },
  { code: 'platform.error' },
  { code: 'platform.error', status: 503 },
  { code: 'network', refused: true },
  { code: 'network', refused: false },
  { code: 'timeout' },
  { code: 'no_sender' },
  { code: 'bad_payload' },
  { code: 'unexpected', detail: 'sender_error:boom' },
];

describe('delivery failures', () => {
  it.each(every.map((f) => [deliveryKey(f), f] as const))('%s is stored and read back as the same failure', (key, failure) => {
    expect(parseDeliveryKey(key)).toEqual({ gaveUp: false, failure });
    expect(parseDeliveryKey(`gave_up:${key}`)).toEqual({ gaveUp: true, failure });
  });

  it.each([
    ['fr', 'bot retiré ou bloqué', 'abandon après plusieurs essais : erreur de la plateforme (HTTP 503)', 'message refusé par la plateforme (msg_too_long)'],
    ['en', 'bot removed or blocked', 'gave up after several attempts: platform error (HTTP 503)', 'message refused by the platform (msg_too_long)'],
  ] as const)('HR reads them in %s, never in a platform’s own prose', (locale, removed, gaveUp, refused) => {
    const c = t(locale);
    expect(failureReason(c, deliveryKey({ code: 'bot.removed' }))).toBe(removed);
    expect(failureReason(c, `gave_up:${deliveryKey({ code: 'platform.error', status: 503 })}`)).toBe(gaveUp);
    expect(failureReason(c, deliveryKey({ code: 'message.refused', platformCode: 'msg_too_long' }))).toBe(refused);
    const other = t(locale === 'fr' ? 'en' : 'fr');
    for (const f of every.filter((x) => x.code !== 'unexpected' && x.code !== 'message.refused')) {
      const text = failureReason(c, deliveryKey(f));
      expect(text, f.code).not.toBe(failureReason(other, deliveryKey(f)));
      expect(text, f.code).not.toMatch(/[a-z]+\.[a-z_]+|teams connector|http_\d/);
    }
  });

  it('reads the keys stored before the failures had names (Slack codes) in the person’s words', () => {
    expect(failureReason(t('fr'), 'channel_not_found')).toContain('canal introuvable');
    expect(failureReason(t('en'), 'gave_up:ratelimited')).toBe('gave up after several attempts: too many messages at once');
    expect(failureReason(t('fr'), 'teams connector answered 403')).toBe('erreur inattendue (teams connector answered 403)');
  });
});
