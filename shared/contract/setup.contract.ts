import { z } from 'zod';
import { defineChannels } from './channel';
import { Empty, Password, PersonName, Username } from './common.schema';
import { SessionUser } from './auth.contract';

export const setupChannels = defineChannels({
  'setup.status': {
    summary: 'Whether this installation still needs its first owner.',
    input: Empty,
    output: z.strictObject({ needsOwner: z.boolean() }),
    access: 'public',
    writes: false,
  },
  'setup.owner.create': {
    summary: 'First run only: creates the branch and its owner. Answers CONFLICT once any user exists.',
    input: z.strictObject({
      name: PersonName,
      username: Username,
      password: Password,
      branchName: z.string().trim().min(1).max(100),
    }),
    output: z.strictObject({ user: SessionUser }),
    access: 'public',
    writes: true,
  },
});
