import type { CoreDeps } from '../context';
import { NotifySender, type NotifySenderOptions } from './notify-sender';

export type NotifyOptions = NotifySenderOptions;

/** The notification sender, made once per core and closed with it. */
export type NotifyRuntime = {
  sender: NotifySender;
  /** Wakes the sender (after the commit that queued messages or changed settings). */
  kick(): void;
  /** Puts messages a crash left `sending` back in the queue and starts sending. */
  start(): Promise<void>;
  /** Stops sending; requests under way are cut off and their messages go back to pending. */
  close(): Promise<void>;
};

export type NotifyDeps = Pick<CoreDeps, 'store' | 'clock' | 'logger' | 'secrets' | 'events'>;

export function createNotifyRuntime(deps: NotifyDeps, options: NotifyOptions = {}): NotifyRuntime {
  const sender = new NotifySender(
    {
      db: deps.store.db,
      clock: deps.clock,
      logger: deps.logger,
      secrets: deps.secrets,
      onChange: (id) => deps.events.emit('notify.outbox', { id }),
    },
    options,
  );
  let closing: Promise<void> | null = null;
  return {
    sender,
    kick: () => sender.kick(),
    start: () => sender.start(),
    close() {
      closing ??= sender.close();
      return closing;
    },
  };
}
