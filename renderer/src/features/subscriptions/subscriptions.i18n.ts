/** The subscriptions screens' words: Bahasa Indonesia (default) and English, typed against the same keys. */
export const subscriptionsId = {} satisfies Record<string, string>;

export const subscriptionsEn: Record<keyof typeof subscriptionsId, string> = {};
