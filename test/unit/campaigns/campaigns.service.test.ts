import { describe, expect, it } from 'vitest';
import { createCampaign, currentProgress } from '../../../src/campaigns/campaigns.service.js';
import { minor } from '../../../src/shared/money.js';
import { adminsFixture } from '../../support/fakes/admins.js';

const campaign = (extra: Partial<{ name: string; currency: string; goal: number; from: string; to: string }> = {}) => ({
  name: extra.name ?? 'Caravane 2026',
  currency: extra.currency ?? 'mad',
  goalMinor: minor((extra.goal ?? 150_000) * 100),
  startsOn: extra.from ?? '2026-11-15',
  endsOn: extra.to ?? '2026-12-15',
});

describe('campaigns', () => {
  it('are created with a trimmed name and an upper-case currency, and refused when a rule is broken', async () => {
    const f = adminsFixture();
    const made = await createCampaign(f.deps, campaign({ name: '  Caravane 2026 ' }));
    expect(made.ok && [made.value.name, made.value.currency]).toEqual(['Caravane 2026', 'MAD']);
    expect(await createCampaign(f.deps, campaign({ name: ' ' }))).toEqual({ ok: false, error: { code: 'campaign.name_missing' } });
    expect(await createCampaign(f.deps, campaign({ currency: 'dirham' }))).toEqual({ ok: false, error: { code: 'campaign.bad_currency' } });
    expect(await createCampaign(f.deps, campaign({ from: '2026-02-30' }))).toEqual({ ok: false, error: { code: 'campaign.bad_date' } });
    expect(await createCampaign(f.deps, campaign({ to: '2026-11-01' }))).toEqual({ ok: false, error: { code: 'campaign.ends_before_start' } });
    expect(await createCampaign(f.deps, campaign({ goal: 0 }))).toEqual({ ok: false, error: { code: 'campaign.goal_not_positive' } });
    expect(await f.campaigns.list()).toHaveLength(1);
  });

  it('the current one is running today, else the one that just ended; an upcoming one is named with its day', async () => {
    const f = adminsFixture();
    await createCampaign(f.deps, campaign({ name: 'Prochaine', from: '2027-01-10', to: '2027-02-10' }));
    expect(await currentProgress(f.deps)).toMatchObject({
      ok: false,
      error: { code: 'campaign.none', upcoming: { startsOn: '2027-01-10', name: 'Prochaine' } },
    });
    await createCampaign(f.deps, campaign({ name: 'Automne', from: '2026-10-01', to: '2026-10-31' }));
    const ended = await currentProgress(f.deps);
    expect(ended.ok && [ended.value.campaign.name, ended.value.phase, ended.value.today]).toEqual(['Automne', 'ended', '2026-11-27']);
    await createCampaign(f.deps, campaign());
    const running = await currentProgress(f.deps);
    expect(running.ok && [running.value.campaign.name, running.value.phase, running.value.totals.pledges]).toEqual(['Caravane 2026', 'running', 0]);
  });
});
