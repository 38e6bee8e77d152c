import type { notifyChannels } from '../../../shared/contract/notify.contract';
import type { HandlerSlice } from '../api-types';
import {
  getNotifySettings,
  listTemplates,
  resetTemplate,
  updateNotifySettings,
  updateTemplate,
} from './notify-config.service';
import { cancelMessage, listOutbox, retryMessage, sendTestMessage } from './notify-outbox.service';

export const notifyApi = {
  'notify.outbox.list': listOutbox,
  'notify.outbox.retry': retryMessage,
  'notify.outbox.cancel': cancelMessage,
  'notify.templates.list': (ctx) => listTemplates(ctx),
  'notify.templates.update': updateTemplate,
  'notify.templates.reset': resetTemplate,
  'notify.settings.get': (ctx) => getNotifySettings(ctx),
  'notify.settings.update': updateNotifySettings,
  'notify.test': sendTestMessage,
} satisfies HandlerSlice<keyof typeof notifyChannels>;
