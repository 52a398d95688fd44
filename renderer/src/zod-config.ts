/**
 * Imported first by main.tsx, before any schema is built. The CSP forbids eval; without `jitless`, zod probes
 * `new Function` while building object schemas, and the blocked probe is reported as a CSP violation.
 */
import { z } from 'zod';

z.config({ jitless: true });
