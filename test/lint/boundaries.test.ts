/**
 * The module-boundary rule of `npm run lint` (eslint.config.js) bites: each pattern is fed an import it must
 * refuse and one it must allow, linted as if the file sat at that path in the tree.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname });

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport const used = x;\n`, { filePath });
  return result!.messages
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === '@typescript-eslint/no-restricted-imports')
    .map((m) => m.message);
}

describe('module boundaries (eslint.config.js)', () => {
  it("a module imports another module's index.ts, never its other files", async () => {
    const file = 'src/modules/ledger/probe.ts';
    expect(await boundaryErrors(file, `import { x } from '../members/member.service.js';`)).toEqual([
      expect.stringContaining('only through its index.ts'),
    ]);
    expect(await boundaryErrors(file, `import { x } from '../members/index.js';`)).toEqual([]);
    expect(await boundaryErrors(file, `import { x } from './posting.js';`)).toEqual([]);
    expect(await boundaryErrors(file, `import { x } from '../../platform/db/sql.js';`)).toEqual([]);
  });

  it('a module never imports the module list or the composition root', async () => {
    const file = 'src/modules/settlement/probe.ts';
    expect(await boundaryErrors(file, `import { x } from '../index.js';`)).toHaveLength(1);
    expect(await boundaryErrors(file, `import { x } from '../../app.js';`)).toHaveLength(1);
    expect(await boundaryErrors(file, `import { x } from '../../schema.js';`)).toHaveLength(1);
  });

  it('central files use public APIs; the module list also imports manifests', async () => {
    expect(await boundaryErrors('src/app.ts', `import { x } from './modules/ledger/posting.js';`)).toHaveLength(1);
    expect(await boundaryErrors('src/app.ts', `import { x } from './modules/ledger/index.js';`)).toEqual([]);
    expect(await boundaryErrors('src/seed/probe.ts', `import { x } from '../modules/members/tier.js';`)).toHaveLength(
      1,
    );
    const list = 'src/modules/index.ts';
    expect(await boundaryErrors(list, `import { x } from './ledger/ledger.module.js';`)).toEqual([]);
    expect(await boundaryErrors(list, `import { x } from './ledger/posting.js';`)).toHaveLength(1);
    expect(await boundaryErrors(list, `import { x } from './ledger/members.module.js';`)).toHaveLength(1);
  });

  it('the platform imports no module (types of the services record excepted)', async () => {
    const file = 'src/platform/graphql/probe.ts';
    expect(await boundaryErrors(file, `import { x } from '../../modules/ledger/index.js';`)).toHaveLength(1);
    expect(await boundaryErrors(file, `import type { x } from '../../modules/index.js';`)).toEqual([]);
  });

  it('tests and the bench may reach inside a module', async () => {
    expect(await boundaryErrors('test/probe.test.ts', `import { x } from '../src/modules/ledger/posting.js';`)).toEqual(
      [],
    );
  });
});
