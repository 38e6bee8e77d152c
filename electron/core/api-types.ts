import type { z } from 'zod';
import type { Channel, ChannelOutput, Contract } from '../../shared/contract/index';
import type { HandlerContext } from './context';

/** The input a handler receives: the contract's schema already applied (defaults filled, strings trimmed). */
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;

export type Handler<C extends Channel> = (ctx: HandlerContext, input: ParsedInput<C>) => Promise<ChannelOutput<C>>;

/** A feature's part of the channel table. */
export type HandlerSlice<C extends Channel> = { [K in C]: Handler<K> };
