// Scaffolds a city plugin: `npm run plugin:new -- <name> [--city <City>]... [--dir <folder>]`.
// Writes <folder>/<name>/{index.ts, README.md, <name>.test.ts}: a pilot field that is validated and
// filterable, a live event with its subscription, and a test that passes as generated.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (name: string) => args.flatMap((a, i) => (a === `--${name}` && args[i + 1] ? [args[i + 1]!] : []));
const name = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
const cities = flag('city').length ? flag('city') : ['Amsterdam'];
const dir = resolve(flag('dir')[0] ?? join(root, 'plugins'));

const fail = (message: string): never => {
  console.error(message);
  process.exit(1);
};
if (!name) fail('Usage: npm run plugin:new -- <name> [--city <City>]... [--dir <folder>]   (name: lowerCamelCase, e.g. rotterdam)');
if (!/^[a-z][a-zA-Z0-9]*$/.test(name!)) fail(`The name "${name}" must be lowerCamelCase (letters and digits), e.g. rotterdam or zaanstad.`);
const folder = join(dir, name!);
if (existsSync(folder)) fail(`${relative(process.cwd(), folder) || folder} already exists.`);

const Name = name![0]!.toUpperCase() + name!.slice(1);
const api = relative(folder, join(root, 'src/plugins/api.ts')).split('\\').join('/');
const kit = relative(folder, join(root, 'test/support/plugins.ts')).split('\\').join('/');
const cityList = cities.map((c) => JSON.stringify(c)).join(', ');

const index = `/**
 * ${Name}: <one line about the pilot>. See README.md in this folder for what each field means.
 */
import { definePlugin, field } from '${api}';

export default definePlugin({
  name: '${name}',
  version: '0.1.0',
  description: 'Pilot ${Name}: <what the pilot tries out>',
  cities: [${cityList}],
  requires: { api: '^1.0.0' },
  fields: {
    Activity: {
      parentsPresent: field.boolean({
        description: 'Whether parents or carers took part in the activity.',
        filterable: true,
        groupable: true,
      }),
      parentCount: field.int({ description: 'How many parents or carers took part.', min: 0, max: 500 }),
    },
  },
  events: {
    activityWithParents: {
      description: 'An activity with parents or carers present was logged.',
      record: 'Activity',
    },
  },
  on: {
    // Runs after the activity is committed, in the instance that logged it.
    async activityLogged(event, api) {
      const values = await api.pilotValues('Activity', event.id);
      if (values?.parentsPresent === true) api.publish('activityWithParents', event);
    },
  },
  schema(api) {
    api.subscription('${name}ActivitiesWithParents', {
      event: 'activityWithParents',
      description: 'Activities with parents present, as they are logged (to those who may see them).',
    });
  },
});
`;

const readme = `# Plugin \`${name}\`

<What the pilot is, who runs it, which schools, since when.>

Applies to: ${cities.join(', ')}. Its values are stored under \`pilotData.${name}\` of each record and
appear in GraphQL as \`${name} { … }\` (null on records of other cities).

## Fields

| Type | Field | Type | Rules | Filter | Evaluation | Meaning |
|---|---|---|---|---|---|---|
| Activity | \`parentsPresent\` | Boolean | – | yes | groupable | Whether parents or carers took part. |
| Activity | \`parentCount\` | Int | 0–500 | – | – | How many parents or carers took part. |

## Live events

- \`${name}ActivitiesWithParents\` — an activity with parents present was logged; delivered to
  subscribers who may see that activity.

## Try it

\`\`\`graphql
mutation { logActivity(input: { partnershipId: "…", kind: HOMEWORK_HELP, startsAt: "…", durationMinutes: 60,
  ${name}: { parentsPresent: true, parentCount: 3 } }) { activity { id ${name} { parentsPresent parentCount } } } }

{ activities(first: 10, filter: { ${name}: { parentsPresent: true } }) { edges { node { id } } } }

subscription { ${name}ActivitiesWithParents { activity { id startsAt } } }
\`\`\`

Test: \`npx vitest run ${relative(root, join(folder, `${name}.test.ts`)).split('\\').join('/')}\`
`;

const test = `import { afterAll, beforeAll, expect, it } from 'vitest';
import { bootWithPlugins, type PluginTestApp } from '${kit}';

let kit: PluginTestApp;
beforeAll(async () => {
  kit = await bootWithPlugins(['${name}']${flag('dir').length ? `, { dir: ${JSON.stringify(dir)} }` : ''});
}, 120_000);
afterAll(() => kit?.close());

const LOG = \`mutation($input: LogActivityInput!) { logActivity(input: $input) { activity { id ${name} { parentsPresent parentCount } } } }\`;

it('records, validates and filters parentsPresent, and announces it live', async () => {
  const { partnershipId, youthWorker } = await kit.partnershipIn(${JSON.stringify(cities[0])});
  const input = (${name}: Record<string, unknown>) => ({ partnershipId, kind: 'HOMEWORK_HELP', startsAt: new Date().toISOString(), durationMinutes: 60, ${name} });
  const log = async () => (await kit.graphql(LOG, { input: input({ parentsPresent: true, parentCount: 2 }) }, youthWorker)).data.logActivity.activity;

  const feed = kit.subscribe(\`subscription { ${name}ActivitiesWithParents { activity { id } } }\`, {}, youthWorker);
  await kit.untilLive(feed, async () => (await log()).id, (d: any) => d.${name}ActivitiesWithParents.activity.id);

  const logged = await log();
  expect(logged.${name}).toEqual({ parentsPresent: true, parentCount: 2 });
  expect(await feed.nextData()).toEqual({ ${name}ActivitiesWithParents: { activity: { id: logged.id } } });

  const bad = await kit.graphql(LOG, { input: input({ parentCount: 501 }) }, youthWorker);
  expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.${name}.parentCount', rule: 'max' });

  const without = (await kit.graphql(LOG, { input: input({ parentsPresent: false }) }, youthWorker)).data.logActivity.activity;
  const filtered = await kit.graphql(\`{ activities(first: 100, filter: { ${name}: { parentsPresent: true } }) { edges { node { id } } } }\`, {}, youthWorker);
  const ids = filtered.data.activities.edges.map((e: { node: { id: string } }) => e.node.id);
  expect(ids).toContain(logged.id);
  expect(ids).not.toContain(without.id);
});
`;

mkdirSync(folder, { recursive: true });
writeFileSync(join(folder, 'index.ts'), index);
writeFileSync(join(folder, 'README.md'), readme);
writeFileSync(join(folder, `${name}.test.ts`), test);
const shown = relative(process.cwd(), folder) || folder;
console.log(`Created ${shown}/index.ts, README.md and ${name}.test.ts.
Next:
  1. describe the pilot and its fields in ${shown}/README.md and index.ts;
  2. npx vitest run ${shown}/${name}.test.ts
  3. enable it: PLUGINS=${['amsterdam', 'arnhem', name].join(',')} npm start   (or add it to the deployment's PLUGINS)`);
