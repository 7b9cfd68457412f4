import { describe, expect, it } from 'vitest';
import { addAdmin, isAdmin } from '../../../src/admins/admins.service.js';
import { actorFor } from '../../../src/chat/actor.js';
import type { Identity } from '../../../src/ports.js';
import { adminsFixture, HOME_TENANT, HOME_WORKSPACE } from '../../support/fakes/admins.js';

const slack = (userId: string, tenantId = HOME_WORKSPACE): Identity => ({ platform: 'slack', tenantId, userId });
const teams = (userId: string, tenantId = HOME_TENANT): Identity => ({ platform: 'teams', tenantId, userId });

describe('who is HR', () => {
  it('people of the ADMINS setting and those added, speaking from the home organisation', async () => {
    const f = adminsFixture();
    expect(await isAdmin(f.deps, slack('UBOSS'))).toBe(true);
    expect(await isAdmin(f.deps, teams('aad-boss'))).toBe(true);
    expect(await isAdmin(f.deps, slack('UNEW'))).toBe(false);
    expect(await addAdmin(f.deps, ' slack:UNEW ', 'slack:UBOSS')).toEqual({ ok: true, value: { platform: 'slack', userId: 'UNEW', added: true } });
    expect(await isAdmin(f.deps, slack('UNEW'))).toBe(true);
    expect(await addAdmin(f.deps, 'slack:UNEW', 'slack:UBOSS')).toEqual({ ok: true, value: { platform: 'slack', userId: 'UNEW', added: false } });
  });

  it('the same user id from another workspace or tenant is someone else, never HR', async () => {
    const f = adminsFixture();
    expect(await isAdmin(f.deps, slack('UBOSS', 'T0OTHER'))).toBe(false);
    expect(await isAdmin(f.deps, teams('aad-boss', 'other-tenant'))).toBe(false);
  });

  it('refuses what is not a person reference, and adds nobody', async () => {
    const f = adminsFixture();
    for (const ref of ['UNEW', 'discord:U1', 'slack:', 'slack:U1 U2'])
      expect(await addAdmin(f.deps, ref, 'slack:UBOSS')).toEqual({ ok: false, error: { code: 'admin.bad_ref' } });
    expect(await f.deps.admins.list()).toEqual([]);
  });

  it('an actor speaks their language (the platform’s, else the one they had, else the campaign’s) and asks about HR once', async () => {
    const f = adminsFixture();
    const first = await actorFor(f.deps, { ...slack('UBOSS'), locale: 'en' });
    expect(first.locale).toBe('en');
    expect((await actorFor(f.deps, slack('UBOSS'))).locale).toBe('en');
    expect((await actorFor(f.deps, slack('U2'))).locale).toBe('fr');
    let asked = 0;
    const counting = {
      ...f.deps,
      admins: {
        ...f.deps.admins,
        isAdmin: async () => {
          asked += 1;
          return false;
        },
      },
    };
    const actor = await actorFor(counting, slack('U3'));
    expect([await actor.isAdmin(), await actor.isAdmin(), asked]).toEqual([false, false, 1]);
  });
});
