import type { SyncColumns } from '../db/schema';

export type SubscriptionState = 'pending' | 'active' | 'isolated' | 'terminated';
export type SubscriptionRow = SyncColumns & {
  code: string;
  customer_id: string;
  plan_id: string;
  router_id: string;
  /** The PPP secret's (or hotspot user's) name on the router. */
  username: string;
  ppp_secret_id: string | null;
  /**
   * Hotspot plans: the managed hotspot user. Optional in the type only so that writers that never
   * make hotspot subscriptions (demo data, fixtures) need not name it; the column defaults to NULL.
   */
  hotspot_user_id?: string | null;
  /** Static IP given to the subscription, or empty (the router's pool decides). */
  remote_address: string;
  /** The ODP (distribution box) port it hangs off, for the map's port counts. */
  odp_id: string | null;
  state: SubscriptionState;
  /** Day of the month its billing cycle starts. */
  anchor_day: number;
  /** Local dates, YYYY-MM-DD. */
  activated_on: string | null;
  terminated_on: string | null;
  notes: string;
};
export type SubscriptionEventKind =
  'create' | 'activate' | 'isolate' | 'reactivate' | 'terminate' | 'plan_change' | 'update';
export type SubscriptionEventRow = SyncColumns & {
  subscription_id: string;
  kind: SubscriptionEventKind;
  from_state: SubscriptionState | null;
  to_state: SubscriptionState;
  reason: string;
  user_id: string | null;
  /** JSON object. */
  details: string;
};

export type SubscriptionsTables = {
  subscriptions: SubscriptionRow;
  subscription_events: SubscriptionEventRow;
};
