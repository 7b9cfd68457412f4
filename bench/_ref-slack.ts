/**
 * The Slack reference for `bench/pledges.ts`: a minimal Bolt 5 app on its own HTTPReceiver (signature
 * checked, as Bolt does by default) answering `/pledge`. `REF_MODE=insert` adds one INSERT through a
 * `pg` pool of 10 before the answer: the ceiling a bot that records a pledge can reach on this machine.
 */
import { App, LogLevel } from '@slack/bolt';
import pg from 'pg';

const mode = process.env.REF_MODE === 'insert' ? 'insert' : 'ack';
const pool = mode === 'insert' ? new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 }) : undefined;

const app = new App({
  signingSecret: process.env.SLACK_SIGNING_SECRET ?? '',
  token: process.env.SLACK_BOT_TOKEN ?? '',
  // Nothing outside at start: the fake Web API is not asked who the bot is.
  tokenVerificationEnabled: false,
  botId: 'BREF',
  botUserId: 'UREF',
  logLevel: LogLevel.ERROR,
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL ?? 'http://127.0.0.1:9/api/' },
});

app.command('/pledge', async ({ command, ack }) => {
  if (pool) await pool.query('insert into reference_pledges (user_id, amount_text) values ($1, $2)', [command.user_id, command.text]);
  await ack({ response_type: 'ephemeral', text: `Promesse enregistrée : ${command.text}` });
});

await app.start({ port: Number(process.env.PORT ?? 3000), host: '127.0.0.1' });
process.once('SIGTERM', () => {
  void Promise.all([app.stop(), pool?.end()]).finally(() => process.exit(0));
});
