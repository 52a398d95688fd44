import type { ReactNode } from 'react';

interface FoldToggleProps {
  open: boolean;
  onToggle: (open: boolean) => void;
  /** The id of the part it shows and hides. */
  controls: string;
  title: ReactNode;
  /** What the folded part holds, after the title ("· 4 kertaa · peruttuja 1"); the button's name reads it too. */
  counts?: ReactNode;
  /** A tag after the counts ("kuluva viikko"). */
  tag?: ReactNode;
}

/**
 * The one disclosure button of a folded part under its heading (a programme week, a group's members): a marker,
 * the title and the counts, all in the button's name, and aria-expanded for screen readers. The heading element
 * around it is the caller's, so its level follows the page's outline.
 */
export function FoldToggle({ open, onToggle, controls, title, counts, tag }: FoldToggleProps) {
  return (
    <button
      type="button"
      className="programme-week-toggle"
      aria-expanded={open}
      aria-controls={controls}
      onClick={() => onToggle(!open)}
    >
      <span className="programme-week-marker" aria-hidden="true">
        {open ? '▾' : '▸'}
      </span>
      <span className="programme-week-title">{title}</span>
      {counts ? <span className="programme-week-counts">· {counts}</span> : null}
      {tag ? <span className="programme-tag">{tag}</span> : null}
    </button>
  );
}
