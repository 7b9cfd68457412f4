import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { peopleStore } from '../../db/repositories/people.js';
import { teamsConversationStore } from '../../db/repositories/teams-conversations.js';
import { CorruptRowError, parseLocale, parsePlatform, parseSignupStatus } from '../../db/row-enums.js';
import { testDatabase, type TestDatabase } from '../support/db.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await testDatabase();
});
afterAll(async () => db?.drop());

describe('enum columns are parsed once, and a corrupt value throws', () => {
  it('knows each member and nothing else', () => {
    expect(parsePlatform('teams')).toBe('teams');
    expect(parseSignupStatus('waitlisted')).toBe('waitlisted');
    expect(() => parsePlatform('msteams')).toThrow(CorruptRowError);
    expect(() => parseSignupStatus('gone')).toThrow('corrupt signup status in a row: "gone"');
    // Not a member, though every object has it.
    expect(() => parseLocale('toString')).toThrow(CorruptRowError);
    expect(parseLocale.nullable(null)).toBeNull();
    expect(() => parseLocale.nullable('de')).toThrow(CorruptRowError);
    expect(parsePlatform.is('slack')).toBe(true);
    expect(parsePlatform.is('discord')).toBe(false);
  });

  it(`a Teams conversation of an unknown type is not taken for a channel (${process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite'})`, async () => {
    const store = teamsConversationStore(db.db);
    await store.upsert({
      conversationId: 'a:meeting-1',
      type: 'channel',
      tenantId: 'tenant-1',
      serviceUrl: 'https://smba.trafficmanager.net/emea/',
      bfChannelId: 'msteams',
      botId: '28:bot',
      botName: 'Caravane',
      teamsChannelId: null,
      teamId: null,
      userAadObjectId: null,
      userId: null,
      active: true,
    });
    expect((await store.get('a:meeting-1'))?.type).toBe('channel');
    // As a later version without the check might write it.
    await sql`alter table teams_conversations drop constraint teams_conversations_conversation_type_check`.execute(db.db);
    await sql`update teams_conversations set conversation_type = 'meeting' where conversation_id = 'a:meeting-1'`.execute(db.db);
    await expect(store.get('a:meeting-1')).rejects.toThrow(CorruptRowError);
  });

  it('an identity on an unknown platform is not taken for Slack', async () => {
    const people = peopleStore(db.db);
    const person = await people.resolve({ platform: 'teams', tenantId: 'tenant-9', userId: 'aad-9', locale: 'en' });
    expect(await people.identities(person.id)).toEqual([expect.objectContaining({ platform: 'teams', locale: 'en' })]);
    await sql`alter table identities drop constraint identities_platform_check`.execute(db.db);
    await sql`update identities set platform = 'webex' where user_id = 'aad-9'`.execute(db.db);
    await expect(people.identities(person.id)).rejects.toThrow('corrupt platform in a row: "webex"');
  });
});
