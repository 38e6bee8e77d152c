/**
 * Editing a live subscription after creation: static IP, ODP, notes, the hotspot user's MAC binding
 * and a new password. The login on the router (PPP secret or hotspot user) follows through its row
 * and a sync job; an isolir address-list entry moves with the IP; the session is kicked when the IP
 * or password changed so the new one takes effect. One `update` event and one audit entry per edit
 * (the password never: only that it changed).
 */
import { formatIpv4, parseIpv4 } from '../../../shared/domain/ipv4';
import type { ParsedInput } from '../api-types';
import type { HandlerContext } from '../context';
import { assertAddressAssignable } from '../ipam/ip-assign';
import { addToAddressList, removeFromAddressList } from '../network/firewall.service';
import { storeSecret } from '../network/secret-store';
import { AppError } from '../platform/errors';
import {
  accountLabel,
  accountMacAddress,
  enqueueKick,
  findLiveAccount,
  liveAccountOf,
  serviceOf,
  setAccountLogin,
  type LoginChange,
} from './subscription-accounts';
import { currentIsolation } from './subscription-lifecycle';
import { needsStaticAddress, subscriptionPasswordName, type Isolation } from './subscription-provisioning';
import { illegalTransition, loadSubscription } from './subscription-records';
import { assertOdpHasPort, subscriptionOut } from './subscriptions.service';

const UPDATE = { id: 'diubah', en: 'changed' };

type Change<T> = { from: T; to: T };

/** The static IP asked for, in canonical form ('' clears it); undefined when not asked or unchanged. */
async function newAddress(
  ctx: HandlerContext,
  sub: { id: string; router_id: string; remote_address: string },
  asked: string | undefined,
): Promise<string | undefined> {
  if (asked === undefined) return undefined;
  let address = '';
  if (asked !== '') {
    await assertAddressAssignable(ctx, sub.router_id, asked, sub.id);
    address = formatIpv4(parseIpv4(asked)!);
  }
  return address === sub.remote_address ? undefined : address;
}

/** The map point's name, for the history (ids alone say nothing to a reader). */
async function odpName(ctx: HandlerContext, id: string | null): Promise<string | null> {
  if (!id) return null;
  const row = await ctx.db.selectFrom('map_points').select('name').where('id', '=', id).executeTakeFirst();
  return row?.name ?? null;
}

export async function updateSubscription(ctx: HandlerContext, input: ParsedInput<'subscriptions.update'>) {
  const { sub, plan } = await loadSubscription(ctx, input.id);
  if (sub.state === 'terminated') throw illegalTransition(sub, UPDATE);
  const service = serviceOf(sub, plan);
  const live = sub.state === 'active' || sub.state === 'isolated';
  const account = live ? await findLiveAccount(ctx, sub, plan) : null;

  if (input.macAddress !== undefined && service !== 'hotspot') {
    throw new AppError(
      'VALIDATION',
      {
        id: 'Ikatan MAC hanya untuk langganan hotspot.',
        en: 'A MAC binding is for hotspot subscriptions only.',
      },
      { fields: { macAddress: 'hotspot subscriptions only' } },
    );
  }
  const currentMac = await accountMacAddress(ctx, account);
  const mac =
    input.macAddress !== undefined && input.macAddress !== currentMac ? input.macAddress : undefined;
  if (mac !== undefined && !live) {
    throw new AppError(
      'CONFLICT',
      {
        id: `User hotspot langganan ${sub.code} dibuat saat aktivasi: ikat MAC setelah diaktifkan.`,
        en: `The hotspot user of subscription ${sub.code} is made on activation: bind the MAC once it is active.`,
      },
      { fields: { macAddress: 'bind after activation' } },
    );
  }

  const address = await newAddress(ctx, sub, input.remoteAddress);
  const isolation: Isolation | null = sub.state === 'isolated' ? await currentIsolation(ctx, sub.id) : null;
  if (address === '') {
    if (plan.isolir_method === 'address-list') throw needsStaticAddress(sub, plan);
    if (isolation?.method === 'address-list') {
      throw needsStaticAddress(sub, { name: plan.name, isolir_address_list: isolation.list });
    }
  }
  const odpId = input.odpId !== undefined && input.odpId !== sub.odp_id ? input.odpId : undefined;
  if (odpId) await assertOdpHasPort(ctx, odpId, sub.id);
  const notes = input.notes !== undefined && input.notes !== sub.notes ? input.notes : undefined;
  const password = input.password;

  const changes: Record<string, Change<string | null>> = {};
  if (address !== undefined) changes.remoteAddress = { from: sub.remote_address, to: address };
  if (odpId !== undefined) {
    changes.odpId = { from: sub.odp_id, to: odpId };
    changes.odpName = { from: await odpName(ctx, sub.odp_id), to: await odpName(ctx, odpId) };
  }
  if (notes !== undefined) changes.notes = { from: sub.notes, to: notes };
  if (mac !== undefined) changes.macAddress = { from: currentMac, to: mac };
  if (Object.keys(changes).length === 0 && password === undefined) {
    return { subscription: await subscriptionOut(ctx, sub.id), jobIds: [] as string[] };
  }

  // The router: the isolir entry moves with the IP, then the login changes, then the session ends.
  const jobIds: string[] = [];
  let movedIsolation: Isolation | null = isolation;
  const loginChange: LoginChange = {};
  if (address !== undefined) loginChange.address = address;
  if (mac !== undefined) loginChange.macAddress = mac;
  if (password !== undefined) loginChange.password = password;
  if (live && Object.keys(loginChange).length > 0) {
    const login = account ?? (await liveAccountOf(ctx, sub, plan));
    if (address !== undefined && sub.state === 'isolated') {
      const listed =
        isolation?.method === 'address-list'
          ? { list: isolation.list, address: isolation.address }
          : isolation === null && plan.isolir_method === 'address-list' && sub.remote_address
            ? { list: plan.isolir_address_list, address: sub.remote_address }
            : null;
      if (listed) {
        const removed = await removeFromAddressList(ctx, sub.router_id, listed.list, listed.address);
        if (removed) jobIds.push(removed.job.id);
        const added = await addToAddressList(ctx, sub.router_id, listed.list, address, sub.code);
        jobIds.push(added.job.id);
        movedIsolation = { method: 'address-list', list: listed.list, address };
      }
    }
    const what = [
      address !== undefined ? `IP ${address || '(pool)'}` : null,
      mac !== undefined ? `MAC ${mac || '(none)'}` : null,
      password !== undefined ? 'password' : null,
    ].filter(Boolean);
    const label = `${accountLabel(login.service, sub.username)}: ${what.join(', ')} (${sub.code})`;
    jobIds.push((await setAccountLogin(ctx, login, loginChange, label)).id);
    if (address !== undefined || password !== undefined) {
      jobIds.push((await enqueueKick(ctx, login.service, sub.router_id, sub.username)).id);
    }
  } else if (password !== undefined) {
    // Pending: the password waits under the subscription until activation makes the login.
    await storeSecret(ctx.db, ctx.secrets, subscriptionPasswordName(sub.id), password, ctx.clock.now());
  }

  const patch: { remote_address?: string; odp_id?: string | null; notes?: string } = {};
  if (address !== undefined) patch.remote_address = address;
  if (odpId !== undefined) patch.odp_id = odpId;
  if (notes !== undefined) patch.notes = notes;
  if (Object.keys(patch).length > 0) await ctx.writer.update(ctx.db, 'subscriptions', sub.id, patch);
  const details = {
    service,
    changes,
    passwordChanged: password !== undefined,
    // Carried on while isolated, so reactivation undoes the isolation as it now stands.
    ...(sub.state === 'isolated' && movedIsolation ? { isolation: movedIsolation } : {}),
    jobIds,
  };
  const event = await ctx.writer.insert(ctx.db, 'subscription_events', {
    subscription_id: sub.id,
    kind: 'update',
    from_state: sub.state,
    to_state: sub.state,
    reason: input.reason,
    user_id: ctx.session?.user.id ?? null,
    details: JSON.stringify(details),
  });
  const before: Record<string, unknown> = { code: sub.code, state: sub.state };
  const after: Record<string, unknown> = { code: sub.code, state: sub.state };
  for (const [key, change] of Object.entries(changes)) {
    before[key] = change.from;
    after[key] = change.to;
  }
  await ctx.audit({
    entity: 'subscription',
    entityId: sub.id,
    before,
    after: {
      ...after,
      event: 'update',
      reason: input.reason,
      eventId: event.id,
      passwordChanged: password !== undefined,
      jobIds,
    },
  });
  return { subscription: await subscriptionOut(ctx, sub.id), jobIds };
}
