/** schema/schema.graphql is exactly what the code prints; partners and the gateway read that file. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILE, printHubSdl } from '../../scripts/hub-sdl.js';

describe('checked-in subgraph SDL', () => {
  it('matches what the code prints (run `npm run schema` and commit when this fails)', async () => {
    const printed = await printHubSdl();
    const checkedIn = readFileSync(SCHEMA_FILE, 'utf8');
    expect(checkedIn === printed, 'schema/schema.graphql is stale: run `npm run schema` and commit the result').toBe(true);
  });

  it('declares Partner and Member as federation entities and shares HubPageInfo', async () => {
    const sdl = await printHubSdl();
    expect(sdl).toContain('type Partner @key(fields: "id")');
    expect(sdl).toContain('type Member @key(fields: "id")');
    expect(sdl).toContain('type HubPageInfo @shareable');
    expect(sdl).not.toMatch(/^type PageInfo\b/m);
  });
});
