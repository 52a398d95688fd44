import type { ReactNode } from 'react';

/**
 * A titled part of a page (a settings group, a list of steps). Deliberately not a named region: its heading
 * already structures the page, and a region named like a field inside it would make labels ambiguous.
 */
export function Section({ title, children, className }: { title: string; children: ReactNode; className?: string }) {
  return (
    <section className={className ? `card ${className}` : 'card'}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}
