/** `/hr`: the same numbers as /api/campaigns/current, the per-day chart, milestones and volunteers. */
import { currentProgress } from '../../../src/campaigns/campaigns.service.js';
import { listMilestones } from '../../../src/milestones/milestones.service.js';
import { missing } from '../../../src/needs/need.js';
import { needsOverview } from '../../../src/needs/needs.service.js';
import type { Catalogue } from '../../../src/shared/i18n/index.js';
import { formatDay, formatPercent, money } from '../../../src/shared/i18n/format.js';
import { minor, percentOf } from '../../../src/shared/money.js';
import { everyDay } from '../../../src/dashboard/charts.service.js';
import { dayChartSvg } from './day-chart.js';
import type { HrHandler } from './hr-handler.js';
import { sendPage } from './render.js';
import type { DashboardFeatureDeps } from '../../../src/dashboard/ports.js';
import type { BroadcastDeps } from '../../../src/messaging/deps.js';
import type { NeedsFeatureDeps } from '../../../src/needs/ports.js';
import type { VolunteerFeatureDeps } from '../../../src/volunteers/ports.js';

export function overviewPage(deps: DashboardFeatureDeps & BroadcastDeps & VolunteerFeatureDeps & NeedsFeatureDeps): HrHandler {
  return async (_req, res, session, c) => {
    const words = c.dashboard.pages;
    const progress = await currentProgress(deps);
    if (!progress.ok) return sendPage(res, 200, 'overview', c, { session, nav: 'overview', campaign: null });
    const { campaign, totals } = progress.value;
    const [seats, days, milestones, needs] = await Promise.all([
      deps.volunteers.signups.counts(campaign.id),
      deps.dashboard.stats.pledgeDays(campaign.id, deps.timeZone),
      listMilestones(deps),
      needRows(deps, c),
    ]);
    const m = (amount: number) => money(minor(amount), campaign.currency, c.locale);
    const chart =
      days.length === 0
        ? null
        : dayChartSvg(everyDay(days, campaign.startsOn, progress.value.today < campaign.endsOn ? progress.value.today : campaign.endsOn), {
            title: words.overview.perDay,
            pledged: words.overview.pledged,
            collected: words.overview.collected,
            amount: m,
            day: (day) => formatDay(day, c.locale),
          });
    sendPage(res, 200, 'overview', c, {
      session,
      nav: 'overview',
      campaign: { name: campaign.name, from: formatDay(campaign.startsOn, c.locale), to: formatDay(campaign.endsOn, c.locale) },
      cards: [
        { label: words.overview.pledged, value: m(totals.pledgedMinor), note: formatPercent(percentOf(totals.pledgedMinor, campaign.goalMinor), c.locale) },
        {
          label: words.overview.collected,
          value: m(totals.collectedMinor),
          note: formatPercent(percentOf(totals.collectedMinor, campaign.goalMinor), c.locale),
        },
        { label: words.overview.goal, value: m(campaign.goalMinor), note: '' },
        { label: words.overview.donors, value: String(totals.donors), note: `${totals.pledges} ${words.overview.pledges.toLowerCase()}` },
        {
          label: words.overview.volunteers,
          value: `${seats.confirmed} / ${seats.capacity}`,
          note: `${seats.waitlisted} ${words.overview.waitlisted.toLowerCase()}`,
        },
      ],
      chart,
      milestones: milestones.ok
        ? milestones.value.milestones.map((ms) => ({
            label: ms.percent !== null ? formatPercent(ms.percent, c.locale) : m(ms.amountMinor),
            amount: m(ms.amountMinor),
            reached: ms.reached,
          }))
        : [],
      needs,
    });
  };
}

/** In-kind needs site by site, the biggest shortfall of each site first: counts only, never who gives. */
async function needRows(deps: DashboardFeatureDeps & BroadcastDeps & VolunteerFeatureDeps & NeedsFeatureDeps, c: Catalogue) {
  const overview = await needsOverview(deps.needs);
  if (!overview.ok) return [];
  return overview.value.sites.flatMap(({ site, needs }) =>
    [...needs]
      .sort((a, b) => missing(b) - missing(a))
      .map((n) => ({ site: site.name, item: c.needs.item(n), needed: n.quantity, pledged: n.pledged, received: n.received, missing: Math.max(0, missing(n)) })),
  );
}
