import {
  assessmentProgress,
  levelFigures,
  progressChartLabels,
  progressRows,
  type DomainLevel,
} from '@shared/assessment-progress';
import { progressChart } from '@shared/charts/progress';
import { assessmentsWithVersions } from '../../assessments/repo';
import { chartSvg } from '../chart-svg';
import type { Html } from '../html';
import type { PrintSection, SectionContext } from './section';

/** A cell of the table: the step reached in the version's words, and the level and how many questions it rests on. */
function levelCell(context: SectionContext, level: DomainLevel | null): Html {
  const { html, text } = context;
  if (!level) return html`<td class="muted">${text.t('assessments.progress.notAssessed')}</td>`;
  const figures = levelFigures(level, (key, values) => text.t(key, values));
  return html`<td>${level.label ? html`${level.label}<br />` : ''}<span class="muted">${figures}</span></td>`;
}

/**
 * The progress picture of the participant's file: each domain at each stage recorded, the participant's own view
 * hatched and the caseworker's solid (the same geometry as on screen, drawn as static SVG), and the same numbers as
 * a table. Stage, domain and rater names are the interface's; the steps are in the words of each assessment's own
 * instrument version.
 */
export const assessmentsSection: PrintSection = {
  id: 'assessments',
  permission: 'assessments.read',
  signatures: false,
  dated: false,
  render(context) {
    const { html, text, db, participant } = context;
    const { assessments, instruments } = assessmentsWithVersions(db, participant.id);
    if (assessments.length === 0) return html`<p class="muted">${text.t('assessments.progress.none')}</p>`;
    const progress = assessmentProgress(assessments, instruments, text.locale);
    const model = progressChart(
      progress,
      progressChartLabels((key, values) => text.t(key, values)),
    );
    const p = (key: string) => text.t(`assessments.progress.${key}`);
    return html`<div class="chart">${chartSvg(model, 'progress')}</div>
      <h3>${p('tableCaption')}</h3>
      <table>
        <thead>
          <tr>
            <th scope="col">${p('domain')}</th>
            <th scope="col">${p('rater')}</th>
            ${progress.stages.map((stage) => html`<th scope="col">${text.t(`assessments.stages.${stage}`)}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${progressRows(progress).map(
            (row) =>
              html`<tr>
                <th scope="row">${text.t(`assessments.domains.${row.domain}`)}</th>
                <td>${row.rater ? text.t(`assessments.raters.${row.rater}`) : ''}</td>
                ${row.cells.map((cell) => levelCell(context, cell))}
              </tr>`,
          )}
        </tbody>
      </table>`;
  },
};
