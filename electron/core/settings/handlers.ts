import type { HandlerGroup } from '../handler';
import { readSettings, writeSettings } from './repo';

export const settingsHandlers = {
  'settings.get': { kind: 'tx', run: (_input, { db }) => readSettings(db) },
  'settings.update': {
    kind: 'tx',
    run: (input, { db }) => writeSettings(db, input),
    audit: (input) => ({ action: 'settings.update', entity: 'settings', entityId: Object.keys(input).join(',') }),
  },
} satisfies HandlerGroup;
