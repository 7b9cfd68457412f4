/**
 * The pledge's hot path: the two fixed statements that record a pledge (for a known person, and for
 * someone the instance does not know yet) with the donor count and one shard of the totals, in one
 * round trip each, and what they answer as a PledgeChange.
 */
import { CompiledQuery, type Kysely } from 'kysely';
import type { CampaignTotals } from '../../src/campaigns/campaign.js';
import type { Pledge } from '../../src/pledges/pledge.js';
import type { Identity, NewPledge, Person, PledgeChange } from '../../src/ports.js';
import { minor } from '../../src/shared/money.js';
import { parseLocale } from '../row-enums.js';
import type { Database } from '../schema.js';
import { TOTAL_SHARDS } from './campaign-rows.js';
import { prepared } from '../prepared.js';
import { FIND_OR_CREATE_PERSON, givenNameAndLocale } from './people.js';

/**
 * What a recording statement returns: only what the database decided (the pledge's id, its person,
 * its time) and the totals before it. The rest of the pledge is what was sent, so those columns are
 * not described, sent back and parsed on every pledge.
 */
interface RecordedRow {
  id: number;
  person_id: string;
  created_at: Date;
  before_pledged: number;
  before_collected: number;
  before_donors: number;
  before_pledges: number;
  new_donor: number;
}

/**
 * The end of the pledge's `insert … into pledges` (CTE `p`) in both recording statements: a repeated key
 * inserts nothing; the donor is counted (`d`) and one shard of the totals moved (`t`, shard `shard`).
 */
const AFTER_INSERT = (shard: string) => `
      on conflict (idempotency_key) do nothing
      returning id, campaign_id, person_id, amount_minor, created_at
    ), d as (
      insert into campaign_donors as cd (campaign_id, person_id, active_pledges)
      select campaign_id, person_id, 1 from p
      on conflict (campaign_id, person_id) do update set active_pledges = cd.active_pledges + 1
      returning active_pledges
    ), t as (
      update campaign_totals ct set
        pledged_minor = ct.pledged_minor + p.amount_minor,
        pledges = ct.pledges + 1,
        donors = ct.donors + (select count(*) from d where d.active_pledges = 1)
      from p
      where ct.campaign_id = p.campaign_id and ct.shard = ${shard}
      returning 1
    )`;

/** What both recording statements answer: the pledge's id, person and time, and the totals just before it (campaign `campaign`). */
const PLEDGE_AND_TOTALS_BEFORE = (campaign: string) => `
    select p.id, p.person_id, p.created_at, b.*, (select count(*) from d where d.active_pledges = 1)::int as new_donor
    from p, (select count(*) from t) as moved,
      (select coalesce(sum(pledged_minor), 0)::bigint as before_pledged,
              coalesce(sum(collected_minor), 0)::bigint as before_collected,
              coalesce(sum(donors), 0)::int as before_donors,
              coalesce(sum(pledges), 0)::int as before_pledges
       from campaign_totals where campaign_id = ${campaign}) as b`;

/**
 * Inserts the pledge, counts the donor and moves one shard of the totals in a single statement (one
 * round trip, one commit): the hot path of a campaign launch. Data-modifying CTEs all see the same
 * snapshot, so the sums read here are the totals just before this pledge (one pass over the shard
 * rows). The text is fixed, so nothing is compiled per pledge, and prepared once per connection (its
 * columns named, so a column added by a newer instance's migration does not break the prepared
 * statement of one still running). Null when the key was seen.
 */
const RECORD_PLEDGE = prepared(`
    with p as (
      insert into pledges (campaign_id, person_id, amount_minor, anonymous, note, source, idempotency_key, status)
      values ($1, $2, $3, $4, $5, $6, $7, 'pledged')
${AFTER_INSERT('$8')}
${PLEDGE_AND_TOTALS_BEFORE('$1')}`);

export async function recordInOneStatement(db: Kysely<Database>, input: NewPledge): Promise<(PledgeChange & { duplicate: false }) | null> {
  const { rows } = await db.executeQuery<RecordedRow>(CompiledQuery.raw(RECORD_PLEDGE, [input.campaignId, input.personId, ...pledgeValues(input)]));
  const row = rows[0];
  return row ? { ...changeOf(row, input), duplicate: false } : null;
}

/** The pledge and the totals before and after it, from the row a recording statement returned. */
function changeOf(row: RecordedRow, input: Omit<NewPledge, 'personId'>): PledgeChange {
  const before: CampaignTotals = {
    pledgedMinor: minor(row.before_pledged),
    collectedMinor: minor(row.before_collected),
    donors: row.before_donors,
    pledges: row.before_pledges,
  };
  const after: CampaignTotals = {
    pledgedMinor: minor(before.pledgedMinor + input.amountMinor),
    collectedMinor: before.collectedMinor,
    donors: before.donors + row.new_donor,
    pledges: before.pledges + 1,
  };
  const pledge: Pledge = {
    id: row.id,
    campaignId: input.campaignId,
    personId: row.person_id,
    amountMinor: input.amountMinor,
    anonymous: input.anonymous,
    note: input.note,
    status: 'pledged',
    source: input.source,
    createdAt: row.created_at,
  };
  return { pledge, before, after };
}

/**
 * Any shard will do: the totals are sums. Taking them in turn (from a random start per instance)
 * gives the pledges that run together distinct rows, so none waits on another's row lock until it
 * commits; drawn at random, two of ten concurrent pledges nearly always shared one.
 */
let shardTurn = Math.floor(Math.random() * TOTAL_SHARDS);
export function nextShard(): number {
  shardTurn = (shardTurn + 1) % TOTAL_SHARDS;
  return shardTurn;
}

/** The parameters both recording statements end with, in their order: the pledge as sent, then its shard. */
function pledgeValues(input: Omit<NewPledge, 'personId'>): unknown[] {
  return [input.amountMinor, input.anonymous, input.note, input.source, input.idempotencyKey, nextShard()];
}

interface RecordedAsRow extends Partial<RecordedRow> {
  stored_name: string | null;
  stored_locale: string | null;
  /** The person row made for nothing when the same newcomer was created by another statement at the same moment. */
  orphan_id: string | null;
}

/**
 * RECORD_PLEDGE for someone this instance does not know: the person behind the identity is found,
 * or created with their identity, in the same statement (what db/repositories/people.ts does alone
 * otherwise), the stored name and language refreshed when others are given. One row always comes
 * back; its pledge columns are null when nothing was recorded (a repeated key, or a race with the
 * same newcomer's other command, whose person row is then named in `orphan_id`).
 * `renaming` false leaves the refresh out, for an identity that gives neither a name nor a language
 * (a Slack command: the profile is looked up after the answer): every part of a statement costs its
 * executor set-up on each run, even one that could touch no row.
 */
const recordPledgeAs = (renaming: boolean) =>
  prepared(`${FIND_OR_CREATE_PERSON}, ${
    renaming
      ? `renamed as (
      update identities i set display_name = coalesce($4::text, f.display_name), locale = coalesce($5::text, f.locale), updated_at = now()
      from found f
      where i.platform = $1::text and i.tenant_id = $2::text and i.user_id = $3::text
        and (($4::text is not null and $4::text is distinct from f.display_name) or ($5::text is not null and $5::text is distinct from f.locale))
      returning 1
    ), `
      : ''
  }who as (
      select person_id from found union all select person_id from ni
    ), p as (
      insert into pledges (campaign_id, person_id, amount_minor, anonymous, note, source, idempotency_key, status)
      select $6::uuid, who.person_id, $7::bigint, $8::boolean, $9::text, $10::text, $11::text, 'pledged' from who
${AFTER_INSERT('$12::int')}
    select r.*, f.display_name as stored_name, f.locale as stored_locale,
      (select np.id from np where not exists (select 1 from ni)) as orphan_id
    from (select ${renaming ? '(select count(*) from renamed)' : '0'} as renamed) as one
    left join found f on true
    left join (
      ${PLEDGE_AND_TOTALS_BEFORE('$6::uuid')}
    ) as r on true`);
const RECORD_PLEDGE_AS = recordPledgeAs(true);
const RECORD_PLEDGE_AS_UNNAMED = recordPledgeAs(false);

export async function recordAsInOneStatement(
  db: Kysely<Database>,
  identity: Identity,
  input: Omit<NewPledge, 'personId'>,
): Promise<(PledgeChange & { duplicate: false; person: Person }) | null> {
  const { name, locale } = givenNameAndLocale(identity);
  const { rows } = await db.executeQuery<RecordedAsRow>(
    CompiledQuery.raw(name === null && locale === null ? RECORD_PLEDGE_AS_UNNAMED : RECORD_PLEDGE_AS, [
      identity.platform,
      identity.tenantId,
      identity.userId,
      name,
      locale,
      input.campaignId,
      ...pledgeValues(input),
    ]),
  );
  const row = rows[0];
  if (row?.orphan_id) await db.deleteFrom('people').where('id', '=', row.orphan_id).execute();
  if (!row || !isRecorded(row)) return null;
  const person: Person = {
    id: row.person_id,
    displayName: name ?? row.stored_name,
    locale: locale ?? parseLocale.nullable(row.stored_locale),
  };
  return { ...changeOf(row, input), duplicate: false, person };
}

function isRecorded(row: RecordedAsRow): row is RecordedAsRow & RecordedRow {
  return row.id !== null && row.id !== undefined;
}
