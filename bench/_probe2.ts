import { Agent, request } from 'node:http';
import { startFakeSlack } from '../test/support/fake-slack.js';
import { slackSignature, slashCommandBody } from '../test/support/slack-sign.js';
import { scratchDatabase, startChildBot } from './support.js';
const database = await scratchDatabase('caravane_probe');
const slack = await startFakeSlack('xoxb-bench');
const bot = await startChildBot({ DATABASE_URL: database.url, SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_API_URL: slack.apiUrl }, 3932);
const agent = new Agent({ keepAlive: true, maxSockets: 1 });
function go(method: string, path: string, body = '', headers: Record<string, string> = {}) {
  const t = performance.now();
  return new Promise<number>((res) => { const r = request(`${bot.url}${path}`, { method, agent, headers }, (m) => { m.resume(); m.on('end', () => res(performance.now() - t)); }); r.end(body); });
}
async function series(label: string, f: () => Promise<number>) {
  const xs: number[] = []; for (let i = 0; i < Number(process.env.N ?? 200); i++) xs.push(await f());
  xs.sort((a, b) => a - b); console.log(label, 'p50', xs[100]?.toFixed(2), 'p90', xs[180]?.toFixed(2));
}
const help = () => { const body = slashCommandBody('/pledge', 'help', { user: 'UX' }); const ts = Math.floor(Date.now() / 1000);
  return go('POST', '/slack/events', body, { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(ts), 'x-slack-signature': slackSignature('s', ts, body) }); };
await series('GET /nothing (express 404)', () => go('GET', '/nothing'));
await series('GET /healthz (select 1)', () => go('GET', '/healthz'));
await series('POST /slack/events unsigned (gate 401)', () => go('POST', '/slack/events', 'x=1', { 'content-type': 'application/x-www-form-urlencoded' }));
await series('/pledge help', help);
await series('GET /nothing (express 404)', () => go('GET', '/nothing'));
await bot.stop(); await slack.close(); await database.drop();
