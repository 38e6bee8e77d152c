export type DocSequenceRow = { prefix: string; last: number };
export type DocumentsTables = { doc_sequences: DocSequenceRow };
