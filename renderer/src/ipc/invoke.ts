import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/contract/index';
import type { Locale, Result } from '../../../shared/domain/errors';
import { transport } from './transport';

/** Where invoke reads the token and locale from; the session store sets it. */
type CallState = { token: string | null; locale: Locale };
let state: CallState = { token: null, locale: 'id' };
export function setCallState(next: Partial<CallState>): void {
  state = { ...state, ...next };
}

/** Calls a channel. Types come from the contract; the answer is always a Result envelope, never a throw. */
export function invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>> {
  return transport.invoke({ channel, input, token: state.token, locale: state.locale }) as Promise<Result<ChannelOutput<C>>>;
}
