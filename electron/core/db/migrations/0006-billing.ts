import { sql, type Kysely } from 'kysely';

/**
 * Billing: branch billing settings, charges waiting for an invoice (installation, devices,
 * proration, credits), invoices with their lines, payments and their allocation to invoices,
 * credit notes, dunning steps taken (so none is taken twice) and the daily scheduler's record.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const sync = sql.raw(`
    id TEXT PRIMARY KEY NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    hlc TEXT NOT NULL,
    origin_device TEXT NOT NULL,
    deleted_at INTEGER`);
  const run = (query: ReturnType<typeof sql>) => query.execute(db);

  // One row per branch (the branch's id).
  await run(sql`CREATE TABLE billing_settings (
    ${sync},
    billing_mode TEXT NOT NULL DEFAULT 'fixed' CHECK (billing_mode IN ('fixed', 'anniversary')),
    billing_day INTEGER NOT NULL DEFAULT 1 CHECK (billing_day BETWEEN 1 AND 28),
    -- Invoices are issued this many days before their period starts (0 = on the first day).
    issue_days_before INTEGER NOT NULL DEFAULT 0 CHECK (issue_days_before BETWEEN 0 AND 28),
    due_days INTEGER NOT NULL DEFAULT 10 CHECK (due_days BETWEEN 0 AND 60),
    -- JSON arrays of day offsets relative to the due date.
    reminder_before_days TEXT NOT NULL DEFAULT '[3]' CHECK (json_valid(reminder_before_days)),
    reminder_on_due INTEGER NOT NULL DEFAULT 1 CHECK (reminder_on_due IN (0, 1)),
    reminder_after_days TEXT NOT NULL DEFAULT '[1, 3]' CHECK (json_valid(reminder_after_days)),
    grace_days INTEGER NOT NULL DEFAULT 3 CHECK (grace_days BETWEEN 0 AND 60),
    late_fee_type TEXT NOT NULL DEFAULT 'none' CHECK (late_fee_type IN ('none', 'fixed', 'percent')),
    late_fee_value INTEGER NOT NULL DEFAULT 0 CHECK (late_fee_value >= 0),
    isolir_after_days INTEGER NOT NULL DEFAULT 5 CHECK (isolir_after_days BETWEEN 0 AND 120),
    auto_isolir INTEGER NOT NULL DEFAULT 1 CHECK (auto_isolir IN (0, 1)),
    auto_reactivate INTEGER NOT NULL DEFAULT 1 CHECK (auto_reactivate IN (0, 1)),
    payment_instructions TEXT NOT NULL DEFAULT '',
    -- 'draft': new invoices (the run's, and one-off ones unless told) wait as drafts until issued.
    issue_mode TEXT NOT NULL DEFAULT 'issue' CHECK (issue_mode IN ('issue', 'draft'))
  ) STRICT`);

  // Something to bill that waits for the next invoice (or is billed on its own).
  await run(sql`CREATE TABLE billing_charges (
    ${sync},
    customer_id TEXT NOT NULL REFERENCES customers (id),
    subscription_id TEXT REFERENCES subscriptions (id),
    kind TEXT NOT NULL CHECK (kind IN ('installation', 'device', 'other', 'discount', 'proration_credit', 'proration_charge')),
    description TEXT NOT NULL,
    -- Signed: credits and discounts are negative.
    amount INTEGER NOT NULL,
    tax_mode TEXT NOT NULL DEFAULT 'included' CHECK (tax_mode IN ('included', 'excluded', 'exempt')),
    -- Local date it applies from; billed by the first invoice issued on or after it.
    effective_on TEXT NOT NULL,
    invoice_id TEXT REFERENCES invoices (id),
    user_id TEXT
  ) STRICT`);
  await run(
    sql`CREATE INDEX billing_charges_open ON billing_charges (customer_id) WHERE invoice_id IS NULL AND deleted_at IS NULL`,
  );

  await run(sql`CREATE TABLE invoices (
    ${sync},
    number TEXT NOT NULL,
    customer_id TEXT NOT NULL REFERENCES customers (id),
    subscription_id TEXT REFERENCES subscriptions (id),
    -- 'YYYY-MM' for a subscription's period invoice; NULL for one-off invoices.
    period TEXT,
    period_start TEXT,
    period_end TEXT,
    issue_date TEXT NOT NULL,
    due_date TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'issued' CHECK (status IN ('draft', 'issued', 'partial', 'paid', 'void')),
    subtotal INTEGER NOT NULL DEFAULT 0,
    discount INTEGER NOT NULL DEFAULT 0,
    ppn INTEGER NOT NULL DEFAULT 0,
    total INTEGER NOT NULL DEFAULT 0,
    paid INTEGER NOT NULL DEFAULT 0,
    credited INTEGER NOT NULL DEFAULT 0,
    notes TEXT NOT NULL DEFAULT '',
    void_reason TEXT NOT NULL DEFAULT '',
    paid_on TEXT
  ) STRICT`);
  await run(sql`CREATE UNIQUE INDEX invoices_number ON invoices (number)`);
  // The rule the billing run stands on: one invoice per subscription per period, ever.
  await run(
    sql`CREATE UNIQUE INDEX invoices_once ON invoices (subscription_id, period) WHERE period IS NOT NULL`,
  );
  await run(sql`CREATE INDEX invoices_customer ON invoices (customer_id, status)`);
  await run(sql`CREATE INDEX invoices_open ON invoices (due_date) WHERE status IN ('issued', 'partial')`);
  // The invoice list's order (newest first), walked backwards.
  await run(sql`CREATE INDEX invoices_listing ON invoices (issue_date, number)`);

  await run(sql`CREATE TABLE invoice_lines (
    ${sync},
    invoice_id TEXT NOT NULL REFERENCES invoices (id),
    kind TEXT NOT NULL CHECK (kind IN ('plan', 'installation', 'device', 'other', 'discount', 'proration_credit', 'proration_charge', 'late_fee')),
    description TEXT NOT NULL,
    quantity INTEGER NOT NULL DEFAULT 1,
    unit_price INTEGER NOT NULL,
    -- Signed line amount as priced (before PPN when tax_mode is excluded).
    amount INTEGER NOT NULL,
    tax_mode TEXT NOT NULL CHECK (tax_mode IN ('included', 'excluded', 'exempt')),
    ppn INTEGER NOT NULL DEFAULT 0,
    charge_id TEXT REFERENCES billing_charges (id)
  ) STRICT`);
  await run(sql`CREATE INDEX invoice_lines_invoice ON invoice_lines (invoice_id)`);

  await run(sql`CREATE TABLE billing_payments (
    ${sync},
    number TEXT NOT NULL,
    customer_id TEXT NOT NULL REFERENCES customers (id),
    amount INTEGER NOT NULL CHECK (amount > 0),
    method TEXT NOT NULL CHECK (method IN ('cash', 'transfer', 'qris', 'credit')),
    reference TEXT NOT NULL DEFAULT '',
    received_by TEXT,
    shift_id TEXT REFERENCES shifts (id),
    received_on TEXT NOT NULL,
    voided_at INTEGER,
    notes TEXT NOT NULL DEFAULT ''
  ) STRICT`);
  await run(sql`CREATE UNIQUE INDEX billing_payments_number ON billing_payments (number)`);
  await run(sql`CREATE INDEX billing_payments_customer ON billing_payments (customer_id)`);
  await run(sql`CREATE INDEX billing_payments_day ON billing_payments (received_on, received_by)`);

  await run(sql`CREATE TABLE payment_allocations (
    ${sync},
    payment_id TEXT NOT NULL REFERENCES billing_payments (id),
    invoice_id TEXT NOT NULL REFERENCES invoices (id),
    amount INTEGER NOT NULL CHECK (amount > 0)
  ) STRICT`);
  await run(sql`CREATE INDEX payment_allocations_invoice ON payment_allocations (invoice_id)`);
  await run(sql`CREATE INDEX payment_allocations_payment ON payment_allocations (payment_id)`);

  await run(sql`CREATE TABLE credit_notes (
    ${sync},
    number TEXT NOT NULL,
    invoice_id TEXT NOT NULL REFERENCES invoices (id),
    amount INTEGER NOT NULL CHECK (amount > 0),
    reason TEXT NOT NULL,
    user_id TEXT
  ) STRICT`);
  await run(sql`CREATE UNIQUE INDEX credit_notes_number ON credit_notes (number)`);

  // Each dunning step taken for an invoice, once: reminders (with their day offset), late fee, isolir.
  await run(sql`CREATE TABLE dunning_steps (
    ${sync},
    invoice_id TEXT NOT NULL REFERENCES invoices (id),
    step TEXT NOT NULL,
    taken_on TEXT NOT NULL
  ) STRICT`);
  await run(sql`CREATE UNIQUE INDEX dunning_steps_once ON dunning_steps (invoice_id, step)`);

  // The daily scheduler's record: a task done for a day is never done again for that day. Local.
  await run(sql`CREATE TABLE scheduler_days (
    task TEXT NOT NULL,
    day TEXT NOT NULL,
    done_at INTEGER NOT NULL,
    result TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(result)),
    PRIMARY KEY (task, day)
  ) STRICT`);
}
