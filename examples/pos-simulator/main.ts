/**
 * `npm run pos-simulator` (with `npm start` running in another terminal): a till of the first demo partner,
 * using only the SDK. HUB_URL, CLIENT_ID and CLIENT_SECRET override the demo hub and its credentials
 * (.data/demo-credentials.json).
 */
import { readFileSync } from 'node:fs';
import { LoyaltyHub } from '@coalition-hub/client';
import { simulate } from './simulate.js';

const demo = () =>
  (
    JSON.parse(readFileSync('.data/demo-credentials.json', 'utf8')) as {
      partners: { clientId: string; clientSecret: string }[];
    }
  ).partners[0]!;
const env = process.env;
const hub = new LoyaltyHub({
  url: env.HUB_URL ?? 'http://127.0.0.1:4000',
  clientId: env.CLIENT_ID ?? demo().clientId,
  clientSecret: env.CLIENT_SECRET ?? demo().clientSecret,
});
const report = await simulate(hub, { customers: 5, sales: 30, prefix: `POS-${Date.now().toString(36)}` });
console.log(JSON.stringify(report, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), 2));
