import { useId, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

import type { TimelineItem } from '@shared/timeline';
import { QueryState } from '../../components/QueryState';
import { useSession } from '../../shell/session';
import { SelectField } from '../../components/SelectField';
import { formatTime, formatDay } from '../../i18n/format';
import { isBareDate, groupByDay } from './dates';
import { timelineQuery } from './queries';
import { filterOf, filtersFor, type TimelineFilter } from './timelineKinds';
import { translateKey } from '../../i18n/keys';

interface TimelineTabProps {
  participantId: string;
  /** Whether the tab is shown; it reads the timeline again each time it is, so changes made on other tabs appear. */
  active: boolean;
}

/**
 * Where each part of the file keeps the words for its codes (note type, consent purpose, flag kind...): the
 * timeline speaks of them as their own tabs do.
 */
const LABEL_KEY: Record<TimelineFilter, ((code: string) => string) | null> = {
  file: (code) => `participant.status.${code}`,
  notes: (code) => `notes.types.${code}`,
  psychosocial: (code) => `psychosocial.kinds.${code}`,
  referrals: (code) => `referrals.statuses.${code}`,
  plans: null,
  assessments: (code) => `assessments.stages.${code}`,
  funder: (code) => `participation.followUpOutcomes.${code}`,
  consents: (code) => `consents.purposes.${code}`,
  flags: (code) => `flags.kinds.${code}`,
};

/** What happened, in words: the kind of event, and its type or purpose when the interface knows the code. */
function useItemWords() {
  const { t, i18n } = useTranslation();
  return (item: TimelineItem) => {
    const kind = t(`case.timeline.kinds.${item.kind}`);
    const labelKey = LABEL_KEY[filterOf(item.kind)]?.(item.label) ?? null;
    return labelKey && i18n.exists(labelKey)
      ? t('case.timeline.kindWithLabel', { kind, label: translateKey(t, labelKey) })
      : kind;
  };
}

/** Everything about the participant, newest first, grouped by day, narrowed to one part of the file if wished. */
export function TimelineTab({ participantId, active }: TimelineTabProps) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const words = useItemWords();
  // Fetched while the tab is shown, and again each time it is chosen (other tabs change what it lists).
  const query = useQuery({ ...timelineQuery(participantId), enabled: active });
  const items = query.data?.items ?? null;
  const [filter, setFilter] = useState<TimelineFilter | 'all'>('all');
  const filters = filtersFor(useSession().role);

  const shown = (items ?? []).filter((item) => filter === 'all' || filterOf(item.kind) === filter);
  const locale = i18n.language;

  return (
    <section className="timeline" aria-labelledby={headingId}>
      <div className="timeline-header">
        <h2 id={headingId}>{t('case.timeline.title')}</h2>
        <SelectField
          label={t('case.timeline.filter')}
          options={[
            { value: 'all', label: t('case.timeline.filters.all') },
            ...filters.map((f) => ({ value: f, label: t(`case.timeline.filters.${f}`) })),
          ]}
          value={filter}
          onChange={(event) => setFilter(filters.find((f) => f === event.target.value) ?? 'all')}
        />
      </div>
      <QueryState query={query} loading={t('case.timeline.loading')}>
        {() =>
          shown.length === 0 ? (
            <p className="timeline-empty">{t(filter === 'all' ? 'case.timeline.empty' : 'case.timeline.emptyFiltered')}</p>
          ) : (
            <ol className="timeline-days">
              {groupByDay(shown).map((group) => (
                <li key={group.day} className="timeline-day">
                  <h3>{formatDay(group.day, 'full', locale)}</h3>
                  <ul className="timeline-items">
                    {group.items.map((item, index) => (
                      <li
                        key={`${item.kind}:${item.id}:${item.at}:${index}`}
                        className={`timeline-item timeline-${filterOf(item.kind)}`}
                      >
                        <p className="timeline-what">
                          {isBareDate(item.at) ? null : (
                            <>
                              <span className="timeline-time">{formatTime(item.at, locale)}</span>{' '}
                            </>
                          )}
                          <strong>{words(item)}</strong>
                        </p>
                        {item.byName ? <p className="timeline-who">{t('case.timeline.by', { name: item.byName })}</p> : null}
                        {item.text ? <p className="timeline-text">{item.text}</p> : null}
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ol>
          )
        }
      </QueryState>
    </section>
  );
}
