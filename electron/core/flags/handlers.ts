import type { HandlerGroup } from '../handler';

// Placeholder: the handlers of this domain are being written.
export const flagHandlers = {} satisfies HandlerGroup;
