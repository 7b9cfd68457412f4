/**
 * `caravane site add|list`, `need add`, `needs list|import|export|received`: the operator's side of
 * in-kind needs. Sites and needs belong to the running campaign (or the next one).
 */
import { readFile } from 'node:fs/promises';
import { openDatabase, migrateToLatest } from '../../db/connect.js';
import { needsCsv } from '../../src/needs/export.js';
import { receiveItems } from '../../src/needs/give.service.js';
import type { ImportError, NeedError, SiteError } from '../../src/needs/needs.service.js';
import { addNeed, addSite, importNeeds, listSites, needsOverview } from '../../src/needs/needs.service.js';
import type { RowError } from '../../src/needs/rows.js';
import { missing } from '../../src/needs/need.js';
import { systemClock } from '../../src/shared/clock.js';
import type { Config } from '../config.js';
import { buildDeps, type CoreServices } from '../main.js';
import { options, required, UsageError } from './args.js';

type Command = (config: Config, args: string[]) => Promise<number>;

const cli = { console: true } as const;
const NO_CAMPAIGN = 'no campaign is running or planned: create one first (caravane campaign create)';

async function withDeps<T>(config: Config, fn: (deps: CoreServices) => Promise<T>): Promise<T> {
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateToLatest(database);
    return await fn(buildDeps(config, database, systemClock));
  } finally {
    await database.close();
  }
}

function rowError(e: RowError): string {
  switch (e.code) {
    case 'need.site_unknown':
      return `no site "${e.site}" in the current campaign (see caravane site list)`;
    case 'need.item_missing':
      return 'the item must not be empty';
    case 'need.item_too_long':
      return `the item is limited to ${e.max} characters`;
    case 'need.bad_size':
      return `cannot read the size "${e.size}" (e.g. 8-10, 10-12 ans, T32, XL)`;
    case 'need.bad_quantity':
      return `the quantity must be a whole number from 1 to ${e.max} (got "${e.quantity}")`;
    case 'need.bad_price':
      return `cannot read the unit price "${e.price}" as an amount (e.g. 120 or 120,50)`;
  }
}

function siteError(e: SiteError): string {
  switch (e.code) {
    case 'campaign.none':
      return NO_CAMPAIGN;
    case 'site.name_missing':
      return '--name must not be empty';
    case 'site.name_too_long':
      return `--name is limited to ${e.max} characters`;
    case 'site.bad_beneficiaries':
      return '--beneficiaries must be a whole number';
    case 'site.exists':
      return `a site named "${e.site.name}" already exists (number ${e.site.id})`;
  }
}

function needError(e: NeedError): string {
  if (e.code === 'campaign.none') return NO_CAMPAIGN;
  if (e.code === 'need.below_pledged') return `${e.pledged} are already pledged: the quantity cannot be lower`;
  return rowError(e);
}

function importError(e: ImportError): string {
  switch (e.code) {
    case 'campaign.none':
      return NO_CAMPAIGN;
    case 'import.unreadable':
      return `line ${e.line}: not readable as CSV (check quotes); nothing imported`;
    case 'import.empty':
      return 'the file has no rows under its header; nothing imported';
    case 'import.too_many_rows':
      return `at most ${e.max} rows per file; nothing imported`;
    case 'import.missing_column':
      return `the header has no "${e.column}" column (expected site,item,size,quantity,unit_price); nothing imported`;
    case 'import.bad_row':
      return `line ${e.line}: ${rowError(e.error)}; nothing imported`;
    case 'import.site_unknown':
      return `line ${e.line}: unknown site; nothing imported`;
    case 'import.below_pledged':
      return `line ${e.line}: ${e.value} are already pledged, the quantity cannot be lower; nothing imported`;
  }
}

export const needsCommands: Record<string, Command> = {
  async 'site add'(config, args) {
    const { values } = options(args, { name: { type: 'string' }, place: { type: 'string' }, beneficiaries: { type: 'string' }, contact: { type: 'string' } });
    const b = values.beneficiaries;
    if (b !== undefined && !/^\d{1,7}$/.test(b.trim())) throw new UsageError('--beneficiaries must be a whole number');
    return withDeps(config, async (deps) => {
      const result = await addSite(deps.needs, cli, {
        name: required(values, 'name'),
        place: values.place ?? null,
        beneficiaries: b === undefined ? null : Number(b),
        contact: values.contact ?? null,
      });
      if (!result.ok) throw new UsageError(siteError(result.error));
      console.log(result.value.id);
      return 0;
    });
  },

  async 'site list'(config) {
    return withDeps(config, async (deps) => {
      const result = await listSites(deps.needs, cli);
      if (!result.ok) return 0;
      for (const s of result.value.sites)
        console.log([s.id, s.name, s.place ?? '', s.beneficiaries === null ? '' : `${s.beneficiaries} beneficiaries`, s.contact ?? ''].join('\t'));
      return 0;
    });
  },

  async 'need add'(config, args) {
    const { values } = options(args, {
      site: { type: 'string' },
      item: { type: 'string' },
      size: { type: 'string' },
      quantity: { type: 'string' },
      'unit-price': { type: 'string' },
    });
    const fields = {
      site: required(values, 'site'),
      item: required(values, 'item'),
      size: values.size ?? '',
      quantity: required(values, 'quantity'),
      unitPrice: values['unit-price'] ?? '',
    };
    return withDeps(config, async (deps) => {
      const result = await addNeed(deps.needs, cli, fields);
      if (!result.ok) throw new UsageError(needError(result.error));
      console.log(result.value.need.id);
      return 0;
    });
  },

  async 'needs list'(config) {
    return withDeps(config, async (deps) => {
      const overview = await needsOverview(deps.needs);
      if (!overview.ok) return 0;
      for (const { needs } of overview.value.sites) {
        for (const n of needs) {
          console.log(
            [n.id, n.siteName, n.itemLabel, n.size ?? '', `${n.pledged}/${n.quantity} pledged`, `${n.received} received`, `${missing(n)} missing`].join('\t'),
          );
        }
      }
      return 0;
    });
  },

  async 'needs import'(config, args) {
    const file = args[0];
    if (!file || args.length !== 1) throw new UsageError('needs import takes one FILE (CSV with the header site,item,size,quantity,unit_price)');
    const text = await readFile(file, 'utf8').catch(() => {
      throw new UsageError(`cannot read ${file}`);
    });
    return withDeps(config, async (deps) => {
      const result = await importNeeds(deps.needs, cli, text);
      if (!result.ok) throw new UsageError(importError(result.error));
      console.log(`imported: ${result.value.created} new needs, ${result.value.updated} updated`);
      return 0;
    });
  },

  async 'needs export'(config) {
    return withDeps(config, async (deps) => {
      const overview = await needsOverview(deps.needs);
      if (!overview.ok) throw new UsageError(NO_CAMPAIGN);
      process.stdout.write(needsCsv(overview.value.sites.flatMap((s) => s.needs)));
      return 0;
    });
  },

  async 'needs received'(config, args) {
    const [id = '', qty] = args;
    if (!/^\d{1,12}$/.test(id) || (qty !== undefined && !/^\d{1,6}$/.test(qty)) || args.length > 2)
      throw new UsageError('needs received takes a gift number and an optional quantity, e.g. 12 3');
    return withDeps(config, async (deps) => {
      const result = await receiveItems(deps.needs, cli, Number(id), qty === undefined ? null : Number(qty));
      if (!result.ok) {
        const e = result.error;
        const why = e.code === 'gift.too_many' ? `only ${e.left} left to receive` : e.code === 'gift.cancelled' ? 'it was cancelled' : 'no such gift';
        throw new UsageError(`gift ${id} not marked received: ${why}`);
      }
      console.log(
        `gift ${id}: ${result.value.quantity} received (${result.value.pledge.received}/${result.value.pledge.quantity})${result.value.thanked ? ', thanks queued' : ''}`,
      );
      return 0;
    });
  },
};
