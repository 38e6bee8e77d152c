/** The map screens' words: Bahasa Indonesia (default) and English, typed against the same keys. */
export const mapId = {} satisfies Record<string, string>;

export const mapEn: Record<keyof typeof mapId, string> = {};
