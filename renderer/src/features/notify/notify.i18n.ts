/** The notify screens' words: Bahasa Indonesia (default) and English, typed against the same keys. */
export const notifyId = {} satisfies Record<string, string>;

export const notifyEn: Record<keyof typeof notifyId, string> = {};
