import { describe, expect, it } from 'vitest';
import { parseOutboxPayload } from '../../../src/outbox/payload.js';

describe('outbox payloads as stored', () => {
  it('reads plain messages, HR photo reviews and photo notices back as they were queued', () => {
    const plain = { kind: 'message', tone: 'info', headline: 'Caravane 2026', lines: ['12 donors'] };
    const review = { kind: 'photo.review', batchId: 7, locale: 'en' };
    const notice = { kind: 'photo.notice', locale: 'fr', notice: { kind: 'message', tone: 'ok', lines: ['Validées'] }, withdrawBatchId: 7 };
    for (const payload of [plain, review, notice]) expect(parseOutboxPayload(JSON.parse(JSON.stringify(payload)))).toEqual(payload);
  });

  it('refuses a row this version cannot draw, so the worker fails it instead of crashing', () => {
    expect(parseOutboxPayload({ kind: 'photo.review', batchId: '7; drop', locale: 'en' })).toBeNull();
    expect(parseOutboxPayload({ kind: 'photo.review', batchId: 7, locale: 'de' })).toBeNull();
    expect(parseOutboxPayload({ kind: 'photo.notice', locale: 'fr', notice: { kind: 'message', tone: 'loud', lines: [] } })).toBeNull();
    expect(parseOutboxPayload({ kind: 'photo.retract', posts: [] })).toBeNull();
    expect(parseOutboxPayload(null)).toBeNull();
  });
});
