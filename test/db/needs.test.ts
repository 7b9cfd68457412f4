import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreServices } from '../../adapters/main.js';
import { cancelGift, give, receiveItems } from '../../src/needs/give.service.js';
import { importNeeds, needsOverview } from '../../src/needs/needs.service.js';
import { ManualClock } from '../../src/shared/clock.js';
import { testDatabase, type TestDatabase } from '../support/db.js';
import { need, site } from '../support/needs.js';
import { campaign, coreDeps, person } from '../support/volunteers.js';

let db: TestDatabase;
let deps: CoreServices;
const clock = new ManualClock(new Date('2026-11-27T11:00:00Z'));
// HR-only use cases take an HrOperator: only `requireHr` or the console makes one (someone else is refused in chat, test/adapters/needs.test.ts).
const hr = { console: true } as const;

beforeAll(async () => {
  db = await testDatabase();
  deps = coreDeps(db, clock);
  await campaign(deps);
  await site(deps, 'Imzer');
  await site(deps, 'Ifrtan');
});
afterAll(async () => db?.drop());

const thanks = () => db.db.selectFrom('outbox_messages').selectAll().where('kind', '=', 'thanks').execute();

describe('hand-in', () => {
  it('HR marks items received, in parts, never more than given; each hand-in thanks the giver once', async () => {
    const pulls = await need(deps, 'Imzer', 'pull', '8-10', 20);
    const giver = await person(deps, 'UGIVER');
    const given = await give(deps.needs, { personId: giver.id, platform: 'slack' }, '5 pulls 8-10', 'k:pulls');
    if (!given.ok) throw new Error(given.error.code);
    const id = given.value.pledge.id;

    expect(await db.db.selectFrom('needs').select('received').where('id', '=', pulls.id).executeTakeFirstOrThrow()).toEqual({ received: 0 });
    expect(await thanks()).toHaveLength(0);

    const part = await receiveItems(deps.needs, hr, id, 2);
    expect(part.ok && part.value).toMatchObject({ quantity: 2, pledge: { received: 2 }, need: { received: 2 }, thanked: true });
    const rest = await receiveItems(deps.needs, hr, id, null);
    expect(rest.ok && rest.value).toMatchObject({ quantity: 3, pledge: { received: 5 } });
    expect(await receiveItems(deps.needs, hr, id, 1)).toEqual({ ok: false, error: { code: 'gift.too_many', id, left: 0 } });

    const sent = await thanks();
    expect(sent).toHaveLength(2);
    expect(JSON.stringify(sent[0]?.payload)).toContain('Imzer');
    // A gift already handed in cannot be cancelled by its giver.
    expect(await cancelGift(deps.needs, giver.id, id)).toEqual({ ok: false, error: { code: 'gift.received', id } });
  });

  it('a giver cancels their own gift and the units are needed again; nobody else can', async () => {
    const bottes = await need(deps, 'Ifrtan', 'bottes', 'T32', 10);
    const giver = await person(deps, 'UBOOTS');
    const other = await person(deps, 'UOTHER');
    const given = await give(deps.needs, { personId: giver.id, platform: 'teams' }, '4 boots 32 ifrtan', null);
    if (!given.ok) throw new Error(given.error.code);
    expect(given.value.need.pledged).toBe(4);
    expect((await cancelGift(deps.needs, other.id, given.value.pledge.id)).ok).toBe(false);
    const cancelled = await cancelGift(deps.needs, giver.id, given.value.pledge.id);
    expect(cancelled.ok && cancelled.value.need).toMatchObject({ id: bottes.id, pledged: 0 });
  });
});

describe('the needs CSV import', () => {
  it('refuses the whole file on one bad row, with its line number, and imports nothing', async () => {
    const before = await db.db.selectFrom('needs').select('id').execute();
    const csv = '\uFEFFsite;item;size;quantity;unit_price\r\nImzer;couvertures;;40;120\r\n"Ifrtan";"ballon de football";;6;\r\nIfrtan;parka;8-10;beaucoup;\r\n';
    const result = await importNeeds(deps.needs, { console: true }, csv);
    expect(result).toEqual({ ok: false, error: { code: 'import.bad_row', line: 4, error: { code: 'need.bad_quantity', quantity: 'beaucoup', max: 100_000 } } });
    expect(await db.db.selectFrom('needs').select('id').execute()).toEqual(before);
  });

  it('reads commas or semicolons, a BOM, quoted fields and accents, and sites by name or number', async () => {
    const sites = await deps.needs.store.sites((await deps.needs.campaigns.current('2026-11-27'))?.id ?? '');
    const ifrtan = sites.find((s) => s.name === 'Ifrtan')?.id;
    const csv = `\uFEFFsite,item,size,quantity,unit_price\nimzèr,Couvertures,,40,"120,50"\n${ifrtan},"Ballon de football",,6,\nIMZER,fauteuil roulant,,2,1 500\n`;
    const result = await importNeeds(deps.needs, { console: true }, csv);
    expect(result).toEqual({ ok: true, value: { created: 3, updated: 0 } });
    const overview = await needsOverview(deps.needs);
    const imzer = overview.ok ? overview.value.sites.find((s) => s.site.name === 'Imzer') : undefined;
    expect(imzer?.needs.find((n) => n.itemKey === 'blanket')).toMatchObject({ quantity: 40, unitPriceMinor: 12050, size: null });
    expect(imzer?.needs.find((n) => n.itemKey === 'wheelchair')).toMatchObject({ quantity: 2, unitPriceMinor: 150000 });
  });

  it('refuses an unknown site and a missing column', async () => {
    expect(await importNeeds(deps.needs, { console: true }, 'site,item,quantity\nTalamoussa,pull,3\n')).toMatchObject({
      ok: false,
      error: { code: 'import.bad_row', line: 2, error: { code: 'need.site_unknown' } },
    });
    expect(await importNeeds(deps.needs, { console: true }, 'site,item\nImzer,pull\n')).toMatchObject({
      ok: false,
      error: { code: 'import.missing_column', column: 'quantity' },
    });
  });
});
