/** The customers screens' words: Bahasa Indonesia (default) and English, typed against the same keys. */
export const customersId = {} satisfies Record<string, string>;

export const customersEn: Record<keyof typeof customersId, string> = {};
