import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Failure } from '@shared/errors';
import type { RegistryViewState, SavedView } from '@shared/views';
import { invoke } from '../../api/client';
import { ConfirmBox } from '../../components/ConfirmBox';
import { StatusMessage } from '../../components/ErrorMessage';
import { SelectField } from '../../components/SelectField';
import { usePendingFocus } from '../../components/usePendingFocus';
import { SaveViewForm } from './SaveViewForm';
import { sameState } from './viewState';

interface SavedViewsProps {
  views: readonly SavedView[];
  /** The arrangement shown now. */
  state: RegistryViewState;
  onApply: (view: SavedView) => void;
  onViewsChange: (views: SavedView[]) => void;
}

const byName = (a: SavedView, b: SavedView) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' });

/**
 * The user's saved arrangements of the registry: choosing one applies it; the arrangement shown can be saved
 * under a name (the same name replaces a view); the chosen view can be deleted after a confirmation.
 */
export function SavedViews({ views, state, onApply, onViewsChange }: SavedViewsProps) {
  const { t } = useTranslation();
  const root = useRef<HTMLDivElement>(null);
  const focusLater = usePendingFocus(root);
  const [mode, setMode] = useState<'idle' | 'save' | 'delete'>('idle');
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const active = views.find((view) => sameState(view.state, state)) ?? null;

  function apply(id: string) {
    const view = views.find((v) => v.id === id);
    if (!view) return;
    setMode('idle');
    onApply(view);
    setNotice(t('registry.views.applied', { name: view.name }));
  }

  function saved(view: SavedView) {
    onViewsChange([...views.filter((v) => v.id !== view.id), view].sort(byName));
    setMode('idle');
    setNotice(t('registry.views.saved', { name: view.name }));
    focusLater('save');
  }

  async function remove(view: SavedView) {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    const result = await invoke('views.delete', { id: view.id });
    setBusy(false);
    // Already gone (deleted in another window) counts as done.
    if (!result.ok && result.code !== 'not_found') return setFailure(result);
    onViewsChange(views.filter((v) => v.id !== view.id));
    setMode('idle');
    setNotice(t('registry.views.deleted', { name: view.name }));
    focusLater('views');
  }

  return (
    <div ref={root} className="registry-views">
      <div className="registry-views-bar">
        <SelectField
          label={t('registry.views.label')}
          data-focus-key="views"
          value={active?.id ?? ''}
          onChange={(event) => apply(event.target.value)}
          options={[
            { value: '', label: t('registry.views.none') },
            ...views.map((view) => ({ value: view.id, label: view.name })),
          ]}
        />
        <button
          type="button"
          className="button button-secondary button-small"
          data-focus-key="save"
          aria-expanded={mode === 'save'}
          onClick={() => {
            setNotice(null);
            setMode(mode === 'save' ? 'idle' : 'save');
          }}
        >
          {t('registry.views.saveAs')}
        </button>
        {active ? (
          <button
            type="button"
            className="button button-danger-quiet button-small"
            data-focus-key="delete"
            aria-expanded={mode === 'delete'}
            onClick={() => {
              setNotice(null);
              setFailure(null);
              setMode(mode === 'delete' ? 'idle' : 'delete');
            }}
          >
            {t('registry.views.delete')}
          </button>
        ) : null}
      </div>
      {mode === 'save' ? (
        <SaveViewForm
          views={views}
          state={state}
          initialName={active?.name ?? ''}
          onSaved={saved}
          onCancel={() => {
            setMode('idle');
            focusLater('save');
          }}
        />
      ) : null}
      {mode === 'delete' && active ? (
        <ConfirmBox
          question={t('registry.views.deleteQuestion', { name: active.name })}
          explanation={t('registry.views.deleteExplanation')}
          confirmLabel={t('registry.views.delete')}
          destructive
          busy={busy}
          failure={failure}
          onConfirm={() => void remove(active)}
          onCancel={() => {
            setMode('idle');
            focusLater('delete');
          }}
        />
      ) : null}
      <StatusMessage tone="success">{notice}</StatusMessage>
    </div>
  );
}
