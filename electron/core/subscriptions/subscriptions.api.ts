import type { subscriptionsChannels } from '../../../shared/contract/subscriptions.contract';
import type { HandlerSlice } from '../api-types';
import { changePlan, previewPlanChange } from './plan-change.service';
import {
  activateSubscription,
  createSubscription,
  getSubscription,
  isolateSubscriptionChannel,
  listSubscriptions,
  reactivateSubscriptionChannel,
  terminateSubscription,
} from './subscriptions.service';
import { adoptSecrets, previewAdoption } from './subscription-adopt';
import { updateSubscription } from './subscription-update';

export const subscriptionsApi = {
  'subscriptions.list': listSubscriptions,
  'subscriptions.get': getSubscription,
  'subscriptions.create': createSubscription,
  'subscriptions.update': updateSubscription,
  'subscriptions.activate': activateSubscription,
  'subscriptions.isolate': isolateSubscriptionChannel,
  'subscriptions.reactivate': reactivateSubscriptionChannel,
  'subscriptions.terminate': terminateSubscription,
  'subscriptions.changePlan': changePlan,
  'subscriptions.changePlan.preview': previewPlanChange,
  'subscriptions.adopt.preview': previewAdoption,
  'subscriptions.adopt': adoptSecrets,
} satisfies HandlerSlice<keyof typeof subscriptionsChannels>;
