import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { AppManifestUtils, TeamsManifestConverter } from '@microsoft/app-manifest';
import Ajv04 from 'ajv-draft-04';
import { afterAll, describe, expect, it } from 'vitest';
import { unzip } from '../support/unzip.js';

/**
 * The generated app package checked with Microsoft's own manifest validator (@microsoft/app-manifest),
 * against the schemas it ships (no download). 1.22 is the newest manifest version Teams' documentation
 * calls current ("App manifest" reference page) that the validator also knows.
 */
const VERSION = '1.22';
const require = createRequire(import.meta.url);
type Schema = Parameters<typeof AppManifestUtils.validateAgainstSchema>[1];
const schemaOf = (name: string): Schema => require(`@microsoft/app-manifest/build/json-schemas/teams/v${VERSION}/${name}`);
const manifestSchema = schemaOf('MicrosoftTeams.schema.json');
/** The localization file is no manifest, so the validator's own engine (ajv, draft-04) checks it directly; its patterns are not `u`-mode regexps. */
const validateLocalization = new Ajv04.default({ allErrors: true, strict: false, unicodeRegExp: false }).compile(
  schemaOf('MicrosoftTeams.Localization.schema.json') ?? {},
);

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'caravane-manifest-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function generatedPackage(): Promise<Map<string, Buffer>> {
  const out = join(dir, 'app.zip');
  await run('node', [join(process.cwd(), 'bin', 'caravane.js'), 'teams', 'package', '--out', out], {
    env: {
      PATH: process.env.PATH ?? '',
      LOG_LEVEL: 'silent',
      MICROSOFT_APP_ID: '5b9c3c7e-1111-4222-8333-944455556666',
      PUBLIC_URL: 'https://caravane.example.com/',
    },
  });
  return unzip(readFileSync(out));
}

const text = (files: Map<string, Buffer>, name: string) => files.get(name)?.toString('utf8') ?? '{}';

describe('the Teams app package against Microsoft’s manifest validator', () => {
  it(`is a valid ${VERSION} manifest with a valid English localization`, async () => {
    const files = await generatedPackage();
    const manifest = TeamsManifestConverter.jsonToManifest(text(files, 'manifest.json'));
    expect(manifest.manifestVersion).toBe(VERSION);
    expect(manifest.$schema).toBe(`https://developer.microsoft.com/en-us/json-schemas/teams/v${VERSION}/MicrosoftTeams.schema.json`);
    expect(await AppManifestUtils.validateAgainstSchema(manifest, manifestSchema)).toEqual([]);
    const english: unknown = JSON.parse(text(files, 'en-us.json'));
    expect(validateLocalization(english) ? [] : validateLocalization.errors).toEqual([]);
  });

  it('the validator does refuse what Teams refuses (a colour that is not #RRGGBB, a short name over 30 characters)', async () => {
    const manifest = TeamsManifestConverter.jsonToManifest(text(await generatedPackage(), 'manifest.json'));
    const broken = { ...manifest, accentColor: 'orange', name: { short: 'Caravane, la caravane de solidarité', full: 'Caravane' } };
    const failures = await AppManifestUtils.validateAgainstSchema(broken, manifestSchema);
    expect(failures.join('\n')).toContain('/accentColor');
    expect(failures.join('\n')).toContain('/name/short');
  });
});
