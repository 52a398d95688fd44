import { AUDIT_PAGE_SIZE } from '@shared/audit';
import type { HandlerGroup } from '../handler';
import { auditHashAt, listAudit, verifyAuditChain } from './audit';

export const auditHandlers = {
  'audit.list': {
    kind: 'tx',
    run: (input, { db }) => listAudit(db, { ...input, limit: input.limit ?? AUDIT_PAGE_SIZE.default }),
  },
  'audit.checkpoint': {
    kind: 'tx',
    run: (input, { db }) => ({ matches: auditHashAt(db, input.row)?.startsWith(input.code) ?? false }),
    audit: (input, output) => ({
      action: 'audit.checkpoint',
      detail: `row ${input.row}: ${output.matches ? 'same' : 'different'}`,
    }),
  },
  'audit.verify': {
    kind: 'tx',
    run: (_input, { db }) => verifyAuditChain(db),
    audit: () => ({ action: 'audit.verify' }),
  },
} satisfies HandlerGroup;
