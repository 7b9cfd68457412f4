import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directDestination } from '../../db/repositories/direct-chats.js';
import { teamsConversationStore, type TeamsConversation, type TeamsConversationRef } from '../../db/repositories/teams-conversations.js';
import { testDatabase, type TestDatabase } from '../support/db.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await testDatabase();
});
afterAll(async () => db?.drop());

const personal = (over: Partial<TeamsConversation> = {}): TeamsConversationRef => ({
  conversationId: 'a:personal-1',
  type: 'personal',
  tenantId: 'tenant-1',
  serviceUrl: 'https://smba.trafficmanager.net/emea/',
  bfChannelId: 'msteams',
  botId: '28:bot',
  botName: 'Caravane',
  teamsChannelId: null,
  teamId: null,
  userAadObjectId: 'aad-1',
  userId: '29:user-1',
  active: true,
  ...over,
});

describe(`Teams conversation references (${process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite'})`, () => {
  it('stores every reference of many first activities arriving at once, two of one conversation keeping what each carried', async () => {
    const store = teamsConversationStore(db.db);
    const many = Array.from({ length: 30 }, (_, i) => personal({ conversationId: `a:launch-${i}`, userAadObjectId: `aad-launch-${i}` }));
    await Promise.all([
      ...many.map((ref) => store.upsert(ref)),
      store.upsert(personal({ conversationId: '19:launch@thread.tacv2', type: 'channel', teamId: 'team-1', conversationName: 'Caravane' })),
      store.upsert(personal({ conversationId: '19:launch@thread.tacv2', type: 'channel', teamId: null, teamName: 'Solidarité' })),
    ]);
    for (const ref of many) expect((await store.get(ref.conversationId))?.userAadObjectId).toBe(ref.userAadObjectId);
    expect(await store.get('19:launch@thread.tacv2')).toMatchObject({ teamId: 'team-1', conversationName: 'Caravane', teamName: 'Solidarité' });
  });

  it('upserts: a later activity refreshes the service URL and keeps ids it does not carry', async () => {
    const store = teamsConversationStore(db.db);
    await store.upsert(personal());
    await store.upsert(personal({ serviceUrl: 'https://smba.trafficmanager.net/amer/', tenantId: null, userId: null }));
    const got = await store.get('a:personal-1');
    expect(got).toMatchObject({ serviceUrl: 'https://smba.trafficmanager.net/amer/', tenantId: 'tenant-1', userId: '29:user-1', active: true });
  });

  it('finds the active personal chat of a person, with or without their tenant, and forgets it once inactive', async () => {
    const store = teamsConversationStore(db.db);
    await store.upsert(personal({ conversationId: 'a:personal-2', tenantId: 'tenant-2', userAadObjectId: 'aad-2' }));
    await store.upsert(personal({ conversationId: '19:chan@thread.tacv2', type: 'channel', tenantId: 'tenant-2', userAadObjectId: null }));
    expect((await store.personal('aad-2', 'tenant-2'))?.conversationId).toBe('a:personal-2');
    // HR people listed by AAD object id alone: found all the same, and the destination learns the tenant.
    expect(await directDestination(db.db, { platform: 'teams', userId: 'aad-2' })).toEqual({
      platform: 'teams',
      conversationId: 'a:personal-2',
      tenantId: 'tenant-2',
    });
    expect(await directDestination(db.db, { platform: 'slack', userId: 'U2' })).toEqual({ platform: 'slack', channelId: 'U2' });
    await store.setActive('a:personal-2', false);
    expect(await directDestination(db.db, { platform: 'teams', userId: 'aad-2', tenantId: 'tenant-2' })).toBeNull();
    expect(await store.personal('aad-2', 'tenant-2')).toBeNull();
    expect((await store.get('a:personal-2'))?.active).toBe(false);
  });

  it('does not match another tenant with the same AAD object id', async () => {
    const store = teamsConversationStore(db.db);
    await store.upsert(personal({ conversationId: 'a:personal-3', tenantId: 'tenant-3', userAadObjectId: 'aad-3' }));
    expect(await store.personal('aad-3', 'tenant-other')).toBeNull();
    expect((await store.personal('aad-3', 'tenant-3'))?.conversationId).toBe('a:personal-3');
  });
});
