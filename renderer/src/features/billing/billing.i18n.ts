/** The billing screens' words: Bahasa Indonesia (default) and English, typed against the same keys. */
export const billingId = {} satisfies Record<string, string>;

export const billingEn: Record<keyof typeof billingId, string> = {};
