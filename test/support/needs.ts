/** Test helpers for in-kind needs: sites and needs made through the real use cases, as the CLI would. */
import type { CoreServices } from '../../adapters/main.js';
import { addNeed, addSite } from '../../src/needs/needs.service.js';

const cli = { console: true } as const;

export async function site(deps: CoreServices, name: string) {
  const created = await addSite(deps.needs, cli, { name, place: null, beneficiaries: 50, contact: null });
  if (!created.ok) throw new Error(created.error.code);
  return created.value;
}

export async function need(deps: CoreServices, siteName: string, item: string, size: string, quantity: number) {
  const created = await addNeed(deps.needs, cli, { site: siteName, item, size, quantity: String(quantity), unitPrice: '' });
  if (!created.ok) throw new Error(created.error.code);
  return created.value.need;
}
