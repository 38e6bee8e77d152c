import type { z } from 'zod';
import type { Access } from '../domain/permissions';

/** One channel of the contract: what it takes, what it answers, who may call it, whether it writes. */
export type ChannelSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> = {
  input: I;
  output: O;
  access: Access;
  /** Writing channels run in one transaction and leave an audit entry. */
  writes: boolean;
  /** One line for the API reference. */
  summary: string;
};

/** Keeps the literal types of a contract slice while checking its shape. */
export function defineChannels<const T extends Record<string, ChannelSpec>>(slice: T): T {
  return slice;
}
