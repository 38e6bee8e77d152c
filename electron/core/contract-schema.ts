import { z } from 'zod';
import { contract, type Channel } from '../../shared/contract/index';

export type ChannelDescription = {
  channel: Channel;
  summary: string;
  access: string;
  writes: boolean;
  input: unknown;
  output: unknown;
};

/** Every channel with its access rule and its input/output as JSON Schema, made from the zod schemas. */
export function describeContract(): ChannelDescription[] {
  return (Object.keys(contract) as Channel[]).sort().map((channel) => {
    const spec = contract[channel];
    return {
      channel,
      summary: spec.summary,
      access: spec.access,
      writes: spec.writes,
      input: z.toJSONSchema(spec.input, { io: 'input', unrepresentable: 'any' }),
      output: z.toJSONSchema(spec.output, { io: 'output', unrepresentable: 'any' }),
    };
  });
}
