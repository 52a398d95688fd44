/**
 * The main side's only log. It writes event names, channel names, durations and error classes — never
 * messages, inputs or outputs, which could carry personal data.
 */
export function logEvent(
  event: 'internal-error' | 'slow-request' | 'erasure-checkpoint-busy' | 'disk-full' | 'audit-not-recorded',
  fields: { channel?: string; ms?: number; error?: unknown; count?: number },
): void {
  const parts = [`polku ${event}`];
  if (fields.channel) parts.push(`channel=${fields.channel}`);
  if (fields.ms !== undefined) parts.push(`ms=${Math.round(fields.ms)}`);
  if (fields.count !== undefined) parts.push(`count=${Math.round(fields.count)}`);
  if (fields.error !== undefined) parts.push(`error=${describe(fields.error)}`);
  process.stderr.write(`${parts.join(' ')}\n`);
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const code = (error as { code?: unknown }).code;
  const frame = error.stack?.split('\n').find((line) => line.trim().startsWith('at '));
  return [error.name, typeof code === 'string' ? code : '', frame ? placeOf(frame) : ''].filter(Boolean).join(' ');
}

/**
 * The file name and line of a stack frame (`index.js:4123`): never the folders before it, which can hold the OS
 * user's name, nor the function's name.
 */
function placeOf(frame: string): string {
  const place = /([^\\/\s():]+):(\d+):\d+\)?\s*$/.exec(frame);
  return place ? `${place[1]}:${place[2]}` : '';
}
