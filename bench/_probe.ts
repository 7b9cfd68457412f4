import { migrateToLatest, openDatabase } from '../db/connect.js';
import { createStores } from '../db/stores.js';
import { startFakeSlack } from '../test/support/fake-slack.js';
import { slackSignature, slashCommandBody } from '../test/support/slack-sign.js';
import { minor } from '../src/shared/money.js';
import { load } from './load.js';
import { localDay, scratchDatabase, startChildBot } from './support.js';
const SECRET = 's';
const database = await scratchDatabase('caravane_probe');
const slack = await startFakeSlack('xoxb-bench');
const handle = await openDatabase({ url: database.url, dataDir: '' });
await migrateToLatest(handle);
await createStores(handle.db).campaigns.create({ name: 'B', currency: 'MAD', goalMinor: minor(15_000_000_000), startsOn: localDay(-10), endsOn: localDay(20) });
const bot = await startChildBot({ DATABASE_URL: database.url, SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_API_URL: slack.apiUrl, PLEDGE_MAX: '1000000' }, 3931);
let n = 0;
const mk = (people: number, cmd = '/pledge', text = '125') => () => {
  const body = slashCommandBody(cmd, text, { user: `UP${n++ % people}` });
  const ts = Math.floor(Date.now() / 1000);
  return { path: '/slack/events', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(ts), 'x-slack-signature': slackSignature(SECRET, ts, body) }, body };
};
await load(bot.url, mk(1), 5, 200);
for (const [label, m] of [['help same user', mk(1, '/pledge', 'help')], ['pledge same user', mk(1)], ['pledge 5000 users', mk(5000)]] as const) {
  const r1 = await load(bot.url, m, 1, 300);
  const r100 = await load(bot.url, m, 100, 3000);
  console.log(label, 'p50', r1.p50.toFixed(1), '100c/s', r100.perSecond, 'p99', r100.p99.toFixed(0), 'err', r1.errors + r100.errors);
}
console.log('users.info calls', slack.calls.filter((c) => c.method === 'users.info').length);
await bot.stop(); await handle.close(); await slack.close(); await database.drop();
