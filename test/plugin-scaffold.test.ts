/**
 * `npm run plugin:new` end to end: scaffolds a plugin for a city the demo data does not have, then
 * runs the test it generated, as generated (imported while this file is collected, so its hooks and
 * test belong to this file): a field validated, filterable and visible in the schema, and a live
 * subscription, without touching src/.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;
// Under node_modules: bare imports in the generated files resolve, and no test run collects them.
const dir = join(root, 'node_modules', '.scaffold-tmp', randomBytes(4).toString('hex'));
const scaffold = (...args: string[]) =>
  execFileSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/plugin-new.ts'), ...args], { cwd: root, encoding: 'utf8', stdio: 'pipe' });

const output = scaffold('zaanstad', '--city', 'Zaanstad', '--dir', dir);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run plugin:new', () => {
  it('writes the plugin, its README and its test, and says what to do next', () => {
    for (const file of ['index.ts', 'README.md', 'zaanstad.test.ts']) expect(existsSync(join(dir, 'zaanstad', file))).toBe(true);
    expect(readFileSync(join(dir, 'zaanstad', 'index.ts'), 'utf8')).toContain("cities: [\"Zaanstad\"]");
    expect(output).toContain('PLUGINS=amsterdam,arnhem,zaanstad');
  });

  it('refuses a bad name and an existing folder, with one line', () => {
    for (const [args, message] of [
      [['Zaan-stad', '--dir', dir], /must be lowerCamelCase/],
      [['zaanstad', '--dir', dir], /already exists/],
      [[], /Usage: npm run plugin:new/],
    ] as const) {
      let stderr = '';
      try {
        scaffold(...args);
      } catch (error) {
        stderr = String((error as { stderr: string }).stderr);
      }
      expect(stderr).toMatch(message);
    }
  });
});

describe('the generated test', async () => {
  await import(join(dir, 'zaanstad', 'zaanstad.test.ts'));
});
