import type { AdoptCandidate, AdoptItem, Plan } from '../../../../shared/contract/index';

/** A customer picked for an adopted secret. */
export type PickedCustomer = { id: string; code: string; name: string };

/** What the person decided for one secret of the router. */
export type AdoptRow = {
  secret: AdoptCandidate;
  selected: boolean;
  planId: string;
  mode: 'existing' | 'new';
  customer: PickedCustomer | null;
  newName: string;
};

/** Rows as the preview suggests them: nothing selected, suggested plan and customer (else a new one). */
export function initialRows(secrets: readonly AdoptCandidate[]): AdoptRow[] {
  return secrets.map((secret) => ({
    secret,
    selected: false,
    planId: secret.suggestedPlan?.id ?? '',
    mode: secret.suggestedCustomer ? 'existing' : 'new',
    customer: secret.suggestedCustomer,
    newName: secret.suggestedName,
  }));
}

/** The state adoption gives: isolated when the secret is disabled or on the plan's isolir profile. */
export function adoptedState(row: AdoptRow, plan: Plan | undefined): 'active' | 'isolated' {
  if (row.secret.disabled) return 'isolated';
  if (plan?.isolirMethod === 'profile' && plan.isolirProfile && plan.isolirProfile === row.secret.profile)
    return 'isolated';
  return 'active';
}

/** Why a selected row cannot be sent yet (the key of the words), or null. */
export function rowProblem(row: AdoptRow): 'subs.adopt.needPlan' | 'subs.adopt.needCustomer' | null {
  if (!row.planId) return 'subs.adopt.needPlan';
  if (row.mode === 'existing' ? !row.customer : !row.newName.trim()) return 'subs.adopt.needCustomer';
  return null;
}

/** The channel's items for the selected rows. */
export function adoptItems(rows: readonly AdoptRow[]): AdoptItem[] {
  return rows
    .filter((row) => row.selected)
    .map((row) =>
      row.mode === 'existing' && row.customer
        ? { name: row.secret.name, planId: row.planId, customerId: row.customer.id }
        : { name: row.secret.name, planId: row.planId, newCustomer: { name: row.newName.trim() } },
    );
}

/** Rows whose name, comment, profile or address contain the text (any case). */
export function matchingRows(rows: readonly AdoptRow[], text: string): AdoptRow[] {
  const wanted = text.trim().toLowerCase();
  if (!wanted) return [...rows];
  return rows.filter((row) =>
    [row.secret.name, row.secret.comment, row.secret.profile, row.secret.remoteAddress].some((value) =>
      value.toLowerCase().includes(wanted),
    ),
  );
}
