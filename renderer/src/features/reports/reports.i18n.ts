/** The reports screens' words: Bahasa Indonesia (default) and English, typed against the same keys. */
export const reportsId = {} satisfies Record<string, string>;

export const reportsEn: Record<keyof typeof reportsId, string> = {};
