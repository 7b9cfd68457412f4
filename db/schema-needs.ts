/** The in-kind needs tables (migration 2026_12_01_2100_create_needs), part of the one Database interface. */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface SitesTable {
  id: Generated<number>;
  campaign_id: string;
  name: string;
  /** The name without accents or case, so `Imzer` and `imzèr` are one site. */
  name_key: string;
  place: string | null;
  beneficiaries: number | null;
  contact: string | null;
  created_by: string;
  created_at: Generated<Date>;
}

export interface NeedsTable {
  id: Generated<number>;
  site_id: number;
  item_key: string;
  item_label: string;
  /** `''` when the item has no size. */
  size: Generated<string>;
  quantity: number;
  unit_price_minor: number | null;
  pledged: Generated<number>;
  received: Generated<number>;
  created_at: Generated<Date>;
}

export interface ItemPledgesTable {
  id: Generated<number>;
  need_id: number;
  person_id: string;
  quantity: number;
  received: Generated<number>;
  status: string;
  source: string;
  idempotency_key: string | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface NeedsTables {
  sites: SitesTable;
  needs: NeedsTable;
  item_pledges: ItemPledgesTable;
}
