import type { HandlerSlice } from '../api-types';
import { getSettings, updateSettings } from './settings.service';

export const settingsApi = {
  'settings.get': (ctx) => getSettings(ctx),
  'settings.update': updateSettings,
} satisfies HandlerSlice<'settings.get' | 'settings.update'>;
