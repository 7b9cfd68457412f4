import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { teamsAppPackage, type PackageError } from '../teams/manifest/package.js';
import type { Config } from '../config.js';
import { options, UsageError } from './args.js';

const WHY: Record<PackageError['code'], string> = {
  'teams_package.app_id': 'MICROSOFT_APP_ID must be set to the bot’s Microsoft app id (a GUID); it is also the Teams app id',
  'teams_package.public_url': 'PUBLIC_URL must be the bot’s public https address, e.g. https://caravane.example.com (Teams only calls https)',
  'teams_package.version': 'package.json’s version must be x.y.z',
};

/** `caravane teams package [--out FILE]`: writes the zip an admin uploads to Teams, prints its path. */
export async function teamsPackage(config: Config, args: string[]): Promise<number> {
  const { values } = options(args, { out: { type: 'string' } });
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
  const built = teamsAppPackage({ appId: config.teams.appId, publicUrl: config.publicUrl, version: pkg.version ?? '' });
  if (!built.ok) throw new UsageError(WHY[built.error.code]);
  const out = resolve(values.out ?? 'dist/caravane-teams.zip');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, built.value.zip);
  console.log(out);
  return 0;
}
