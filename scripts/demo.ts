/**
 * `npm run demo -- --data-dir <dir> [--scale N] [--seed S]`: fills a fresh Gerai data folder with a
 * believable branch in Kecamatan Depok, Sleman. Users go in through the real channels (setup, login,
 * users.create), so the audit log and the sync outbox are what a real first day would leave. Datasets
 * whose tables do not exist yet are generated, validated and written to `<dir>/demo/*.json`.
 */
import { resolve, join } from 'node:path';
import { parseArgs } from 'node:util';
import packageJson from '../package.json' with { type: 'json' };
import type { Channel, ChannelInput, ChannelOutput } from '../shared/contract/index';
import { createCore, type Core } from '../electron/core/core';
import { writeDemoFiles } from '../electron/core/demo/files';
import {
  MAX_DEMO_SCALE,
  demoCounts,
  generateDemo,
  type DemoCounts,
  type DemoData,
  type DemoDataset,
} from '../electron/core/demo/generate';
import { formatLocal } from '../electron/core/demo/phones';
import { DEMO_PASSWORD } from '../electron/core/demo/staff';
import { validateDemo } from '../electron/core/demo/validate';

const HELP = `Gerai demo data: a believable branch (shop + neighbourhood ISP) in Kecamatan Depok, Sleman.

  npm run demo -- --data-dir DIR [--scale N] [--seed S]

  --data-dir  a NEW data folder (the demo refuses one that already has users)
  --scale     1 = 1,000 products and 500 customers (default); they grow linearly, e.g. 100 → 100,000
              products. 3 warehouses, 3 routers and 8 staff at any scale. At most ${MAX_DEMO_SCALE}.
  --seed      any text (default "gerai"); the same seed and scale always give the same data

Then: npm run web -- --data-dir DIR   and sign in with one of the printed demo logins.
`;

const out = (line = '') => process.stdout.write(line + '\n');
const err = (line: string) => process.stderr.write(line + '\n');

/** One progress line on stderr: rewritten in place on a terminal, a line per 25% otherwise. */
function progressReporter() {
  const tty = process.stderr.isTTY === true;
  let lastQuarter = new Map<DemoDataset, number>();
  return {
    update(dataset: DemoDataset, done: number, total: number) {
      const text = `  generating ${dataset}: ${done.toLocaleString('en')}/${total.toLocaleString('en')}`;
      if (tty) {
        process.stderr.write(`\r${text}\u001b[K`);
        if (done === total) process.stderr.write('\n');
        return;
      }
      const quarter = Math.floor((done / total) * 4);
      if (quarter !== lastQuarter.get(dataset) && (quarter > 0 || done === total)) {
        lastQuarter.set(dataset, quarter);
        err(text);
      }
    },
    reset() {
      lastQuarter = new Map();
    },
  };
}

/** Calls a channel through the dispatcher exactly as the UI would, and fails loudly on an error. */
async function call<C extends Channel>(
  core: Core,
  channel: C,
  input: ChannelInput<C>,
  token?: string,
): Promise<ChannelOutput<C>> {
  const result = await core.dispatch(channel, input, { token: token ?? null, locale: 'en' });
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} — ${result.error.message}`);
  return result.data as ChannelOutput<C>;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      scale: { type: 'string', default: '1' },
      seed: { type: 'string', default: 'gerai' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    out(HELP);
    return 0;
  }
  if (!values['data-dir']) {
    err('--data-dir is required (a new folder; the demo never touches your real data).\n');
    err(HELP);
    return 2;
  }
  const dataDir = resolve(values['data-dir']);
  const scale = Number(values.scale);
  const seed = values.seed;
  let counts: DemoCounts;
  try {
    counts = demoCounts(scale);
  } catch (error) {
    err(`--scale: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }

  const started = Date.now();
  const core = await createCore({ dataDir, appVersion: packageJson.version });
  let data: DemoData;
  try {
    // Checked before generating, so a refused run of a large scale costs nothing.
    const status = await call(core, 'setup.status', {});
    if (!status.needsOwner) {
      err(`${dataDir} already has users, so the demo will not touch it.`);
      err('Pick a fresh folder instead, e.g.:');
      err(
        `  npm run demo -- --data-dir ${dataDir}-demo-${Date.now().toString(36)} --scale ${scale} --seed ${seed}`,
      );
      return 1;
    }

    err(
      `Generating demo data (seed "${seed}", scale ${scale}): ${counts.products.toLocaleString('en')} products, ${counts.customers.toLocaleString('en')} customers…`,
    );
    const progress = progressReporter();
    data = generateDemo({
      seed,
      scale,
      onProgress: ({ dataset, done, total }) => progress.update(dataset, done, total),
    });
    const problems = validateDemo(data);
    if (problems.length > 0) {
      err('The generated data failed validation (a bug in the generator):');
      for (const problem of problems) err(`  - ${problem}`);
      return 1;
    }

    const [owner, ...others] = data.staff;
    if (!owner || owner.role !== 'owner')
      throw new Error('the generated staff list must start with the owner');
    await call(core, 'setup.owner.create', {
      name: owner.name,
      username: owner.username,
      password: DEMO_PASSWORD,
      branchName: data.branch.name,
    });
    const { token } = await call(core, 'auth.session.login', {
      username: owner.username,
      password: DEMO_PASSWORD,
    });
    await call(
      core,
      'settings.update',
      { branchAddress: data.branch.address, branchPhone: formatLocal(data.branch.phone) },
      token,
    );
    const roles = await call(core, 'roles.list', {}, token);
    const roleIdByKey = new Map(roles.flatMap((role) => (role.key ? [[role.key, role.id] as const] : [])));
    for (const member of others) {
      const roleId = roleIdByKey.get(member.role);
      if (!roleId) throw new Error(`no default role "${member.role}" after setup`);
      await call(
        core,
        'users.create',
        { username: member.username, name: member.name, password: DEMO_PASSWORD, roleId },
        token,
      );
    }
    await call(core, 'auth.session.logout', {}, token);
  } finally {
    await core.close();
  }

  const demoDir = join(dataDir, 'demo');
  const manifest = writeDemoFiles(demoDir, data);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);

  out(`Demo branch "${data.branch.name}" (${data.meta.kecamatan}) is ready in ${dataDir} (${seconds} s).`);
  out();
  out(
    `Loaded through the channels: the branch, 5 default roles and ${data.staff.length} staff (audit log and sync outbox included).`,
  );
  const generated = (['products', 'warehouses', 'customers', 'routers'] as const)
    .map((dataset) => `${(manifest.files[`${dataset}.json`]?.records ?? 0).toLocaleString('en')} ${dataset}`)
    .join(', ');
  out(
    `products/warehouses/customers/routers generated (${generated}) — not yet loaded: their tables arrive with the inventory/ISP features.`,
  );
  out(
    `  Import source: ${demoDir}/{products,warehouses,customers,routers}.json, products.csv (the catalog's CSV`,
  );
  out('  import format) and manifest.json (counts and SHA-256 of each file).');
  out();
  out(`Demo logins (password for all: ${DEMO_PASSWORD}):`);
  const width = Math.max(...data.staff.map((s) => s.username.length));
  for (const member of data.staff)
    out(`  ${member.username.padEnd(width)}  ${member.role.padEnd(10)}  ${member.name}`);
  out();
  out(`Open it:  npm run web -- --data-dir ${dataDir}`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    err(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 1;
  },
);
