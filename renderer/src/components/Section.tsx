import { createContext, useContext, type ReactNode } from 'react';

/** The heading level of a Section: 2 on a page, 3 under a sub-page's own heading (see SubSections). */
const SectionLevel = createContext<2 | 3>(2);

/** Sections inside it sit one level down, under a sub-page's heading (the settings pages). */
export function SubSections({ children }: { children: ReactNode }) {
  return <SectionLevel.Provider value={3}>{children}</SectionLevel.Provider>;
}

/**
 * A titled part of a page (a settings group, a list of steps). Deliberately not a named region: its heading
 * already structures the page, and a region named like a field inside it would make labels ambiguous.
 */
export function Section({ title, children, className }: { title: string; children: ReactNode; className?: string }) {
  const Heading = useContext(SectionLevel) === 3 ? 'h3' : 'h2';
  return (
    <section className={className ? `card ${className}` : 'card'}>
      <Heading>{title}</Heading>
      {children}
    </section>
  );
}
