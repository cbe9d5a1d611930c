/**
 * The module list (src/modules/index.ts): every migration file is claimed by exactly one module (or the platform), the applied
 * order is the files' name order, and the list's checks refuse a module listed before its dependencies.
 */
import 'reflect-metadata';
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hubModuleList } from '../../src/modules/index.js';
import { hubMigrations, platformMigrations } from '../../src/database.js';
import { checkModules, type HubModule } from '../../src/platform/module.js';

const files = readdirSync(new URL('../../migrations', import.meta.url))
  .filter((f) => /^Migration\d+_\w+\.ts$/.test(f))
  .map((f) => f.replace(/\.ts$/, ''))
  .sort();

describe('module list', () => {
  it('claims every file in migrations/ exactly once (a module or the platform), and nothing else', () => {
    const claimed = [...platformMigrations, ...hubModuleList.flatMap((m) => m.migrations)].map((mig) => mig.name);
    expect([...claimed].sort()).toEqual(files);
    expect(new Set(claimed).size).toBe(claimed.length);
    expect(
      readdirSync(new URL('../../migrations', import.meta.url)).filter((f) => !files.includes(f.replace(/\.ts$/, ''))),
    ).toEqual([]);
  });

  it('names each migration class like its file, so the applied order is the files’ name order', () => {
    for (const m of hubMigrations()) expect(files).toContain(m.name);
  });

  it('lists every dependency before the module that needs it, and refuses otherwise', () => {
    expect(() => checkModules(hubModuleList)).not.toThrow();
    const a: HubModule = { name: 'a', migrations: [] };
    const b: HubModule = { name: 'b', dependsOn: ['a'], migrations: [] };
    expect(() => checkModules([a, b])).not.toThrow();
    expect(() => checkModules([b, a])).toThrow('module "b" depends on "a", which must be listed before it');
    expect(() => checkModules([a, a])).toThrow('listed twice');
    class Migration1_x {}
    expect(() =>
      checkModules([
        { name: 'a', migrations: [Migration1_x] },
        { name: 'b', migrations: [Migration1_x] },
      ]),
    ).toThrow('claimed by "a" and "b"');
  });
});
