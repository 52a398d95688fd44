import { AUDIT_PAGE_SIZE } from '@shared/audit';
import type { HandlerGroup } from '../handler';
import { listAudit, verifyAuditChain } from './audit';

export const auditHandlers = {
  'audit.list': {
    kind: 'tx',
    run: (input, { db }) => listAudit(db, { ...input, limit: input.limit ?? AUDIT_PAGE_SIZE.default }),
  },
  'audit.verify': {
    kind: 'tx',
    run: (_input, { db }) => verifyAuditChain(db),
    audit: () => ({ action: 'audit.verify' }),
  },
} satisfies HandlerGroup;
