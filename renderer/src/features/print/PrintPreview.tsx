import { useTranslation } from 'react-i18next';

/**
 * The document as it will print, in a frame without scripts (an empty `sandbox`: no scripts, no forms, its own
 * opaque origin). The frame inherits the window's Content-Security-Policy, which allows the document's one
 * stylesheet by its hash and nothing else (electron/core/static/serve.ts). The page margins (the mark on every
 * page, page numbers) exist only on paper and are not shown here.
 */
export function PrintPreview({ html, stale, title }: { html: string | null; stale: boolean; title?: string }) {
  const { t } = useTranslation();
  if (html === null)
    return (
      <div className="print-preview-empty">
        <p className={stale ? 'notice notice-info' : 'field-hint'}>{t(stale ? 'print.preview.stale' : 'print.preview.empty')}</p>
      </div>
    );
  return <iframe className="print-preview-frame" title={title ?? t('print.preview.frame')} sandbox="" srcDoc={html} />;
}
