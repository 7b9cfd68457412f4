/**
 * The Teams app package an admin uploads: manifest.json (from the template next to this file, its
 * `{{…}}` slots filled from the configuration and the catalogue), its English localization, and the
 * two icons, zipped. French is the app's default language, like the catalogue's.
 */
import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { z } from 'zod';
import { en } from '../../../src/shared/i18n/en.js';
import { fr } from '../../../src/shared/i18n/fr.js';
import type { TeamsTexts } from '../../../src/shared/i18n/teams.js';
import { err, ok, type Result } from '../../../src/shared/result.js';

const here = (name: string) => new URL(name, import.meta.url);
/** 1980-01-01 00:00, the earliest date a zip holds: fixed, so the same inputs give the same bytes. */
const ZIP_TIME = new Date(1980, 0, 1);
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const template = z.looseObject({
  developer: z.looseObject({}),
  bots: z.array(z.looseObject({ commandLists: z.array(z.looseObject({ scopes: z.array(z.string()) })) })).length(1),
  localizationInfo: z.looseObject({ additionalLanguages: z.array(z.looseObject({ languageTag: z.literal('en-us'), file: z.string() })).length(1) }),
});

export interface PackageInput {
  /** MICROSOFT_APP_ID: the bot's id, also used as the Teams app's id. */
  appId: string | undefined;
  /** PUBLIC_URL: where Teams reaches the bot; its host is the app's only valid domain. */
  publicUrl: string;
  /** The app version Teams shows (x.y.z): package.json's. */
  version: string;
}

export type PackageError = 'teams_package.app_id' | 'teams_package.public_url' | 'teams_package.version';

export interface TeamsPackage {
  manifest: Record<string, unknown>;
  localization: Record<string, string>;
  zip: Buffer;
}

/** The manifest texts in one language, keyed the way Teams localization files name them. */
function texts(app: TeamsTexts['app'], lists: number): Record<string, string> {
  const out: Record<string, string> = {
    'name.short': app.nameShort,
    'name.full': app.nameFull,
    'description.short': app.descriptionShort,
    'description.full': app.descriptionFull,
  };
  for (let l = 0; l < lists; l++) {
    app.commands.forEach((command, i) => {
      out[`bots[0].commandLists[${l}].commands[${i}].title`] = command.title;
      out[`bots[0].commandLists[${l}].commands[${i}].description`] = command.description;
    });
  }
  return out;
}

function fill(input: PackageInput & { appId: string; host: string }): { manifest: Record<string, unknown>; lists: number } {
  const base = template.parse(JSON.parse(readFileSync(here('manifest.json'), 'utf8')));
  const app = fr.teams.app;
  const [bot] = base.bots;
  const manifest = {
    ...base,
    version: input.version,
    id: input.appId,
    developer: { ...base.developer, websiteUrl: input.publicUrl, privacyUrl: input.publicUrl, termsOfUseUrl: input.publicUrl },
    name: { short: app.nameShort, full: app.nameFull },
    description: { short: app.descriptionShort, full: app.descriptionFull },
    bots: [{ ...bot, botId: input.appId, commandLists: (bot?.commandLists ?? []).map((list) => ({ ...list, commands: app.commands })) }],
    validDomains: [input.host],
  };
  return { manifest, lists: bot?.commandLists.length ?? 0 };
}

/**
 * Builds the package. `teams_package.app_id`: MICROSOFT_APP_ID missing or not a GUID.
 * `teams_package.public_url`: PUBLIC_URL not https (Teams only calls https endpoints).
 * `teams_package.version`: not x.y.z.
 */
export function teamsAppPackage(input: PackageInput): Result<TeamsPackage, PackageError> {
  if (!input.appId || !GUID.test(input.appId)) return err('teams_package.app_id');
  const url = URL.canParse(input.publicUrl) ? new URL(input.publicUrl) : null;
  if (!url || url.protocol !== 'https:') return err('teams_package.public_url');
  if (!/^\d+\.\d+\.\d+$/.test(input.version)) return err('teams_package.version');
  const { manifest, lists } = fill({ ...input, appId: input.appId, publicUrl: url.origin, host: url.host });
  const json = JSON.stringify(manifest, null, 2);
  // A slot the code above forgot would ship literally: refuse rather than upload a broken app.
  if (json.includes('{{')) throw new Error('teams manifest template has a slot the packager does not fill');
  const localization = {
    $schema: 'https://developer.microsoft.com/en-us/json-schemas/teams/v1.17/MicrosoftTeams.Localization.schema.json',
    ...texts(en.teams.app, lists),
  };
  const bytes = zipSync(
    {
      'manifest.json': Buffer.from(json),
      'en-us.json': Buffer.from(JSON.stringify(localization, null, 2)),
      'color.png': readFileSync(here('color.png')),
      'outline.png': readFileSync(here('outline.png')),
    },
    { level: 9, mtime: ZIP_TIME },
  );
  return ok({ manifest, localization, zip: Buffer.from(bytes) });
}
