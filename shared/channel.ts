import type { z } from 'zod';
import type { Access } from './roles';

/** One IPC channel: who may call it, what it takes and what it answers (see shared/api.ts). */
export function channel<I extends z.ZodType, O extends z.ZodType>(access: Access, input: I, output: O) {
  return { access, input, output };
}
