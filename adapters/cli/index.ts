/**
 * `caravane …`: start the bot, run migrations, and the operator's tools. Exit 0 on success; 1 with a
 * single line on stderr on bad input. Never a stack trace for an operator's mistake.
 */
import { ConfigError, loadConfig } from '../config.js';
import { UsageError } from './args.js';
import { commands } from './commands.js';

const USAGE = `usage: caravane <command>
  start                                   run the bot
  migrate                                 apply pending database migrations
  campaign create --name TEXT --goal AMOUNT [--currency MAD] --from YYYY-MM-DD --to YYYY-MM-DD
  campaign list
  admin add PLATFORM:USER_ID              e.g. slack:U0123ABCD or teams:<aadObjectId>
  admin list
  pledges export [--campaign ID]          CSV on stdout
  pledges collect ID
  trip create --name TEXT --from YYYY-MM-DD --to YYYY-MM-DD --seats N [--role NAME:SEATS]...
              [--meeting TEXT] [--meeting-time HH:MM] [--deadline YYYY-MM-DD]
                                          prints the new trip's number; it belongs to the current campaign
  trip list
  volunteers export [--trip N]            CSV on stdout (personal data: phones, emergency contacts)
  site add --name TEXT [--place TEXT] [--beneficiaries N] [--contact TEXT]
                                          prints the new site's number; it belongs to the current campaign
  site list
  need add --site N|NAME --item TEXT [--size TEXT] --quantity N [--unit-price AMOUNT]
                                          prints the need's number (same item and size again: new quantity)
  needs list
  needs import FILE                       CSV site,item,size,quantity,unit_price (, or ;); all rows or none
  needs export                            CSV on stdout: needed, pledged, received, missing per need
  needs received N [QUANTITY]             items of gift N were handed in (the giver is thanked)
  teams package [--out FILE]              the Teams app zip (needs MICROSOFT_APP_ID, https PUBLIC_URL)`;

async function main(argv: string[]): Promise<number> {
  const [group = '', sub = '', ...rest] = argv;
  if (group === '' || group === 'help' || group === '--help' || group === '-h') {
    console.log(USAGE);
    return group === '' ? 1 : 0;
  }
  const key = commands[`${group} ${sub}`] ? `${group} ${sub}` : group;
  const command = commands[key];
  if (!command) throw new UsageError(`unknown command "${argv.slice(0, 2).join(' ')}" (try caravane help)`);
  const args = key === group ? [sub, ...rest].filter((a) => a !== '') : rest;
  const config = loadConfig(process.env);
  return command(config, args);
}

main(process.argv.slice(2)).then(
  (code) => {
    // A stopped bot exits now, whatever timer a library left behind.
    if (process.argv[2] === 'start') process.exit(code);
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof ConfigError) {
      for (const line of error.problems) console.error(line);
    } else if (error instanceof UsageError) {
      console.error(`caravane: ${error.message}`);
    } else {
      const message = error instanceof Error ? error.message : String(error);
      console.error(`caravane: ${message.split('\n')[0]}`);
    }
    // A start that failed half-way may leave a library's handle open: it must not linger unstarted.
    if (process.argv[2] === 'start') process.exit(1);
    process.exitCode = 1;
  },
);
