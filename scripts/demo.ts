/**
 * `npm run demo -- --data-dir <dir> [--scale N] [--seed S]`: fills a fresh Gerai data folder with a
 * believable branch in Kecamatan Depok, Sleman. Everything that has a channel goes in through it, as
 * the UI would (setup, login, users.create, warehouses, the product CSV import, goods receipts for the
 * opening stock, member/reseller prices), so the audit log and the sync outbox are what a real first
 * days would leave. Customers and routers have no channels yet: they are generated, validated and
 * written to `<dir>/demo/*.json` for the ISP features to import.
 */
import { readFileSync } from 'node:fs';
import { resolve, join } from 'node:path';
import { parseArgs } from 'node:util';
import packageJson from '../package.json' with { type: 'json' };
import type { Channel, ChannelInput, ChannelOutput } from '../shared/contract/index';
import { createCore, type Core } from '../electron/core/core';
import { writeDemoFiles } from '../electron/core/demo/files';
import {
  loadShopData,
  RECEIVE_BATCH,
  type ShopLoadResult,
  type ShopLoadStage,
} from '../electron/core/demo/load';
import {
  MAX_DEMO_SCALE,
  demoCounts,
  generateDemo,
  type DemoCounts,
  type DemoData,
} from '../electron/core/demo/generate';
import { formatLocal } from '../electron/core/demo/phones';
import { DEMO_PASSWORD } from '../electron/core/demo/staff';
import { validateDemo } from '../electron/core/demo/validate';

const HELP = `Gerai demo data: a believable branch (shop + neighbourhood ISP) in Kecamatan Depok, Sleman.

  npm run demo -- --data-dir DIR [--scale N] [--seed S]

  --data-dir  a NEW data folder (the demo refuses one that already has users)
  --scale     1 = 1,000 products and 500 customers (default); they grow linearly, e.g. 100 → 100,000
              products (about a minute on a 2-core machine). 3 warehouses, 3 routers and 8 staff at any
              scale. At most ${MAX_DEMO_SCALE}.
  --seed      any text (default "gerai"); the same seed and scale always give the same data

Then: npm run web -- --data-dir DIR   and sign in with one of the printed demo logins.
`;

const out = (line = '') => process.stdout.write(line + '\n');
const err = (line: string) => process.stderr.write(line + '\n');

/** One progress line per task on stderr: rewritten in place on a terminal, a line per 25% otherwise. */
function progressReporter() {
  const tty = process.stderr.isTTY === true;
  const lastQuarter = new Map<string, number>();
  return (task: string, done: number, total: number) => {
    const text = `  ${task}: ${done.toLocaleString('en')}/${total.toLocaleString('en')}`;
    if (tty) {
      process.stderr.write(`\r${text}\u001b[K`);
      if (done === total) process.stderr.write('\n');
      return;
    }
    const quarter = Math.floor((done / total) * 4);
    if (quarter !== lastQuarter.get(task) && (quarter > 0 || done === total)) {
      lastQuarter.set(task, quarter);
      err(text);
    }
  };
}

const STAGE_LABELS: Record<ShopLoadStage, string> = {
  warehouses: 'warehouses (inventory.warehouses.update/create)',
  products: 'importing products (inventory.import.products, job.progress)',
  stock: `receiving opening stock (inventory.stock.receive, ${RECEIVE_BATCH} lines a receipt)`,
  prices: 'member/reseller prices (catalog.priceLists.setPrice)',
};

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

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
  let loaded: ShopLoadResult;
  let manifest: ReturnType<typeof writeDemoFiles>;
  const demoDir = join(dataDir, 'demo');
  const phases: [string, number][] = [];
  let phaseStart = Date.now();
  const phaseDone = (label: string) => {
    phases.push([label, Date.now() - phaseStart]);
    phaseStart = Date.now();
  };
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
      onProgress: ({ dataset, done, total }) => progress(`generating ${dataset}`, done, total),
    });
    const problems = validateDemo(data);
    if (problems.length > 0) {
      err('The generated data failed validation (a bug in the generator):');
      for (const problem of problems) err(`  - ${problem}`);
      return 1;
    }
    // The files first: products.csv is what the import channel reads.
    manifest = writeDemoFiles(demoDir, data);
    phaseDone('generate, validate and write demo/*');

    err('Setting up the branch and its staff (setup.owner.create, users.create)…');
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
    phaseDone('setup and staff');

    err('Loading the shop through the channels…');
    const announced = new Set<ShopLoadStage>();
    loaded = await loadShopData({
      core,
      token,
      data,
      productsCsv: readFileSync(join(demoDir, 'products.csv'), 'utf8'),
      onProgress: ({ stage, done, total }) => {
        if (!announced.has(stage)) {
          announced.add(stage);
          err(` ${STAGE_LABELS[stage]}`);
        }
        progress(stage, done, total);
      },
      onIspProgress: ({ stage, done, total }) => progress(`ISP ${stage}`, done, total),
    });
    for (const stage of ['warehouses', 'products', 'stock', 'prices'] as const) {
      phases.push([stage, loaded.timings[stage]]);
    }
    for (const [stage, ms] of Object.entries(loaded.isp?.timings ?? {})) phases.push([`ISP ${stage}`, ms]);
    await call(core, 'auth.session.logout', {}, token);
    phaseStart = Date.now();
  } finally {
    await core.close();
  }
  phaseDone('close (WAL checkpoint)');
  const total = Date.now() - started;

  out(
    `Demo branch "${data.branch.name}" (${data.meta.kecamatan}) is ready in ${dataDir} (${seconds(total)}).`,
  );
  out();
  out('Loaded through the channels (audit log and sync outbox included):');
  out(`  the branch, 5 default roles and ${data.staff.length} staff`);
  out(`  ${loaded.warehouses.length} warehouses:`);
  for (const w of loaded.warehouses) {
    const stock = loaded.stock[w.demoCode]!;
    const note = w.how === 'renamed' ? ' (setup’s shop floor, renamed)' : '';
    out(
      `    ${w.code.padEnd(10)} ${w.name}${note} — ${stock.stocked.toLocaleString('en')} items in stock` +
        (stock.low > 0 ? ` (${stock.low.toLocaleString('en')} at or below their low-stock threshold)` : '') +
        (stock.zero > 0 ? `, ${stock.zero.toLocaleString('en')} at zero` : ''),
    );
  }
  out(
    `  ${loaded.products.toLocaleString('en')} products from demo/products.csv; opening stock in ${loaded.receipts.toLocaleString('en')} goods receipts` +
      ` (${loaded.stockLines.toLocaleString('en')} lines)`,
  );
  out(`  ${loaded.prices.toLocaleString('en')} member/reseller prices (some with quantity breaks)`);
  const records = (dataset: string) => (manifest.files[`${dataset}.json`]?.records ?? 0).toLocaleString('en');
  out();
  if (loaded.isp) {
    out(
      `  ISP: ${loaded.isp.routers} routers (placeholder addresses and password: change them in Jaringan), ${loaded.isp.plans} service plans,`,
    );
    out(
      `  ${loaded.isp.customers.toLocaleString('en')} customers (customers.import) and ${loaded.isp.subscriptions.toLocaleString('en')} active subscriptions` +
        ` (${loaded.isp.secondLines.toLocaleString('en')} second lines), activated this billing period; the scheduler bills them when the app starts.`,
    );
  }
  out(`  The generated records (${records('customers')} customers, ${records('routers')} routers) are also in ${demoDir}: customers.json, routers.json, with`);
  out('  products.json, warehouses.json, products.csv and manifest.json (counts and SHA-256 of each file).');
  out();
  out(`Timings: ${phases.map(([label, ms]) => `${label} ${seconds(ms)}`).join(', ')}.`);
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
