// The import page (analysts and administrators): load a department's own records, staff lists, territory assignment
// or boundaries from a file. 1 choose the kind and the file → 2 check the columns (fields) and words Hamkor proposes →
// 3 a check that changes nothing, with its report → 4 the import itself → what changed and a link to the map. Below:
// every import so far (provenance).
import { useEffect, useRef, useState } from 'react';
import { extensionsOf, isBoundaryKind, isRecordImportKind, type ImportKind } from '../../../server/contract/imports.ts';
import { useFmt, useT } from '../../i18n/I18n.tsx';
import { useApiErrors } from '../../i18n/api-error.ts';
import type { ApiIssue } from '../../../server/contract/issues.ts';
import {
  isRunning,
  useCancelJob,
  useDropData,
  useJob,
  useStartJob,
  useUpload,
  type AnyPreview,
} from '../../queries/imports.ts';
import { BoundaryStep, proposedFields } from './BoundaryStep.tsx';
import { ColumnsStep, mappingOf, PreviewTable, proposed, type Choices } from './ColumnsStep.tsx';
import { KIND_GROUPS, kindLabel, kindNote } from './labels.ts';
import { PastImports } from './PastImports.tsx';
import { Downloads, ProgressBar, ReportView } from './ReportView.tsx';
import { Success } from './Success.tsx';
import { usePanelFocus } from '../common/panel-focus.ts';
import './import.css';

export function ImportPage() {
  const [kind, setKind] = useState<ImportKind>('incidents');
  const [file, setFile] = useState<File | null>(null);
  const [crs, setCrs] = useState('');
  const [preview, setPreview] = useState<AnyPreview | null>(null);
  const [choices, setChoices] = useState<Choices>({ columns: {}, values: {} });
  const [keepGood, setKeepGood] = useState(false);
  const [checkId, setCheckId] = useState<string | null>(null);
  const [commitId, setCommitId] = useState<string | null>(null);
  const upload = useUpload();
  const start = useStartJob();
  const cancel = useCancelJob();
  const check = useJob(checkId);
  const commit = useJob(commitId);
  const dropData = useDropData();
  const t = useT();
  const said = useApiErrors();
  // A failed run in the reader's language where the server coded why (a file its reader refused), else its English words.
  const jobError = (job: { error: string | null; issue: ApiIssue | null }): string =>
    job.issue ? said.issue(job.issue) : (job.error ?? '');
  const f = useFmt();
  const bytes = (n: number): string => t('import.bytes', { count: n, n: f.int(n) });
  const committed = commit.data?.state === 'done' && commit.data.result?.committed === true;
  useEffect(() => {
    if (committed) void dropData();
    // once per commit: dropData is a new function each render
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [committed, commitId]);

  const reset = (): void => {
    setPreview(null);
    setCheckId(null);
    setCommitId(null);
    start.reset();
  };
  const send = (): void => {
    if (!file) return;
    reset();
    upload.mutate(
      { file, kind, crs: isBoundaryKind(kind) && crs.trim() ? crs.trim() : undefined },
      {
        onSuccess: (p) => {
          setPreview(p);
          setChoices(p.shape === 'table' ? proposed(p) : proposedFields(p));
        },
      },
    );
  };
  const run = (dryRun: boolean): void => {
    if (!preview) return;
    start.mutate(
      { file: preview.file.id, mapping: mappingOf(choices), dryRun, keepGood: keepGood && canKeepGood },
      { onSuccess: (j) => (dryRun ? setCheckId(j.id) : setCommitId(j.id)) },
    );
  };
  const change = (c: Choices): void => {
    setChoices(c);
    setCheckId(null);
    start.reset();
  };
  const canKeepGood = isRecordImportKind(kind);
  const checked = check.data?.state === 'done' ? check.data.result : null;
  const canCommit =
    checked !== null && checked.rowsGood > 0 && (checked.problemCount === 0 || (keepGood && canKeepGood));
  const boundary = isBoundaryKind(kind);
  const busy = isRunning(check.data) || isRunning(commit.data) || start.isPending;
  // The mapping step takes focus when the file's preview arrives; Escape closes it (the file stays chosen, "Show"
  // brings it back) unless a check or an import is running.
  const mapping = useRef<HTMLElement>(null);
  usePanelFocus(mapping, () => !busy && reset(), preview !== null);

  return (
    <main className="import-page" data-testid="import-page">
      <h2>{t('import.title')}</h2>
      <p className="muted">{t('import.lead')}</p>

      <section className="import-card" aria-labelledby="step-file">
        <h3 id="step-file">{t('import.step1')}</h3>
        <div className="import-row">
          <label>
            {t('import.holds')}{' '}
            <select
              data-testid="import-kind"
              value={kind}
              onChange={(e) => {
                setKind(e.target.value as ImportKind);
                reset();
              }}
            >
              {KIND_GROUPS.map((g) => (
                <optgroup key={g.label} label={t(g.label)}>
                  {g.kinds.map((k) => (
                    <option key={k} value={k}>
                      {kindLabel(k, t)}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </label>
          {/* The browser's own file button speaks the browser's language ("Choose File", "No file chosen"), not the
              app's: the input stays (keyboard, screen readers, tests) but is drawn as our button and the file's name. */}
          <label className="file-pick">
            {t('import.file')}{' '}
            <input
              type="file"
              className="visually-hidden"
              data-testid="import-file"
              accept={extensionsOf(kind).join(',')}
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                reset();
              }}
            />
            <span className="file-button" aria-hidden="true">
              {t('import.file.choose')}
            </span>{' '}
            <span className="file-name" data-testid="import-file-name">
              {file ? file.name : t('import.file.none')}
            </span>
          </label>
          {boundary && (
            <label title={t('import.crs.title')}>
              {t('import.crs')}{' '}
              <input
                className="import-crs"
                data-testid="import-crs"
                inputMode="numeric"
                placeholder={t('import.crs.example')}
                value={crs}
                onChange={(e) => setCrs(e.target.value)}
              />
            </label>
          )}
          <button type="button" data-testid="import-upload" disabled={!file || upload.isPending} onClick={send}>
            {upload.isPending ? t('import.sending') : t('import.show')}
          </button>
        </div>
        <p className="muted" data-testid="import-kind-note">
          {kindNote(kind, t)}
        </p>
        {upload.error && <p className="error-banner">{t('import.refused', { reason: said.error(upload.error) })}</p>}
      </section>

      {preview?.shape === 'table' && (
        <section className="import-card" aria-labelledby="step-columns" ref={mapping} tabIndex={-1}>
          <h3 id="step-columns">
            {t('import.step2.columns', {
              file: preview.file.name,
              size: bytes(preview.file.bytes),
              format: preview.file.format
                ? t('import.format', {
                    encoding: preview.file.format.encoding,
                    bom: preview.file.format.bom ? 'yes' : 'no',
                    sep: preview.file.format.delimiter === '\t' ? t('import.tab') : preview.file.format.delimiter,
                  })
                : '',
            })}
          </h3>
          <p className="muted">{t('import.firstRows')}</p>
          <PreviewTable preview={preview} />
          <p className="muted">{t('import.columnsHint')}</p>
          <ColumnsStep preview={preview} choices={choices} onChange={change} />
        </section>
      )}

      {preview?.shape === 'boundary' && (
        <section className="import-card" aria-labelledby="step-fields" ref={mapping} tabIndex={-1}>
          <h3 id="step-fields">
            {t('import.step2.fields', { file: preview.file.name, size: bytes(preview.file.bytes) })}
          </h3>
          <p className="muted">{t('import.fieldsHint')}</p>
          <BoundaryStep preview={preview} choices={choices} onChange={change} />
        </section>
      )}

      {preview && (
        <section className="import-card" aria-labelledby="step-check">
          <h3 id="step-check">{t('import.step3')}</h3>
          {canKeepGood && (
            <label className="import-row">
              <input
                type="checkbox"
                data-testid="import-keep-good"
                checked={keepGood}
                onChange={(e) => {
                  setKeepGood(e.target.checked);
                  setCheckId(null);
                }}
              />
              {t('import.keepGood')}
            </label>
          )}
          <button type="button" data-testid="import-check" disabled={busy} onClick={() => run(true)}>
            {t('import.check')}
          </button>
          {start.error && <p className="error-banner">{said.error(start.error)}</p>}
          {check.data && <ProgressBar job={check.data} onCancel={() => cancel.mutate(check.data?.id ?? '')} />}
          {check.data?.error && <p className="error-banner">{jobError(check.data)}</p>}
          {check.data && <ReportView job={check.data} />}
        </section>
      )}

      {checked && (
        <section className="import-card" aria-labelledby="step-commit">
          <h3 id="step-commit">{t('import.step4')}</h3>
          {!canCommit && checked.problemCount > 0 && (
            <p className="note">
              {t('import.blocked', {
                count: checked.rejected,
                n: f.int(checked.rejected),
                shapes: boundary ? 'yes' : 'no',
                keep: canKeepGood ? 'yes' : 'no',
              })}
            </p>
          )}
          <button
            type="button"
            className="primary"
            data-testid="import-commit"
            disabled={!canCommit || busy || committed}
            onClick={() => run(false)}
          >
            {t('import.now')}
          </button>
          {commit.data && <ProgressBar job={commit.data} />}
          {commit.data?.error && <p className="error-banner">{jobError(commit.data)}</p>}
          {committed && commit.data?.result && <Success job={commit.data} />}
          {commit.data?.state === 'done' && <Downloads job={commit.data} />}
        </section>
      )}

      <PastImports />
    </main>
  );
}
