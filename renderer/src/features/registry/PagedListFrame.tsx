/**
 * What stands around a paged list (the participant registry, the Referrals page): the count said as a status,
 * the filters in use as chips with the way to clear them, the hint how to open a row, a failure with its
 * "try again", and the words said instead of the grid when the list is empty.
 */
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage';
import type { PagedList } from './useParticipantPages';

/** A list page's own words, translated by the page. */
export interface PagedListTexts {
  counting: string;
  /** The count for a total above zero, given the total formatted in the interface language. */
  count: (total: number, formatted: string) => string;
  /** Said when nothing at all is listed yet, and what to do about it. */
  empty: { title: string; advice: string };
  /** Said when the filters leave nothing, and what to do about it. */
  noMatches: { title: string; advice: string };
  clear: string;
  openHint: string;
}

interface PagedListFrameProps {
  list: Pick<PagedList<unknown, unknown>, 'total' | 'failure' | 'retry'>;
  /** Whether filters (or a search) narrow the list: an empty list then says that nothing matches. */
  narrowed: boolean;
  /** The filters in use, shown while the filters are folded. */
  chips: ReactNode;
  onClear: () => void;
  texts: PagedListTexts;
  /** The grid, shown unless the list is empty. */
  children: ReactNode;
}

export function PagedListFrame({ list, narrowed, chips, onClear, texts, children }: PagedListFrameProps) {
  const { t, i18n } = useTranslation();
  const { total, failure } = list;
  // Formatted once per total and language: the screen re-renders whenever a page of rows arrives.
  const language = i18n.language;
  const formattedTotal = useMemo(() => (total === null ? '' : new Intl.NumberFormat(language).format(total)), [total, language]);
  const said = narrowed ? texts.noMatches : texts.empty;
  const countText =
    total === null ? (failure ? '' : texts.counting) : total === 0 ? said.title : texts.count(total, formattedTotal);
  return (
    <>
      <div className="registry-toolbar">
        <p role="status" className="registry-count">
          {countText}
        </p>
        {chips}
        {narrowed ? (
          <button type="button" className="button-link" onClick={onClear}>
            {texts.clear}
          </button>
        ) : null}
        {total !== null && total > 0 ? <span className="registry-hint">{texts.openHint}</span> : null}
      </div>
      {failure ? (
        <div className="registry-failure">
          <ErrorMessage failure={failure.failure} />
          <button type="button" className="button button-secondary button-small" onClick={list.retry}>
            {t('registry.retry')}
          </button>
        </div>
      ) : null}
      {total === 0 ? (
        <div className="registry-empty">
          <p>{said.advice}</p>
        </div>
      ) : (
        children
      )}
    </>
  );
}

/** The button that folds and unfolds a list's filters, saying how many are in use. */
export function FiltersToggle({
  open,
  onToggle,
  controls,
  label,
}: {
  open: boolean;
  onToggle: () => void;
  /** The id of the filters' panel. */
  controls: string;
  label: string;
}) {
  return (
    <button
      type="button"
      className="button button-secondary registry-filters-toggle"
      aria-expanded={open}
      aria-controls={controls}
      onClick={onToggle}
    >
      <span aria-hidden="true">{open ? '▾ ' : '▸ '}</span>
      {label}
    </button>
  );
}
