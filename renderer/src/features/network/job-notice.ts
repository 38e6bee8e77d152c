import type { RouterJob } from '../../../../shared/contract/index';
import { notify } from '../../app/errors/notifier-store';
import type { Translate } from '../../app/i18n/translate';

/** Tells the user a change went to the router's job queue (and where to follow it). */
export function notifyJobQueued(t: Translate, job: RouterJob): void {
  notify(t('network.queuedJob', { label: job.label }), 'success');
}

/** RouterOS rate limits as the core accepts them: upload/download, e.g. 5M/10M (empty allowed). */
export const RATE_LIMIT = /^(\d+[kKmMgG]?\/\d+[kKmMgG]?)?$/;
