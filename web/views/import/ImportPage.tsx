// The import page (analysts and administrators): load a department's own records, staff lists, territory assignment
// or boundaries from a file. 1 choose the kind and the file → 2 check the columns (fields) and words Hamkor proposes →
// 3 a check that changes nothing, with its report → 4 the import itself → what changed and a link to the map. Below:
// every import so far (provenance).
import { useEffect, useState } from 'react';
import { extensionsOf, isBoundaryKind, isRecordImportKind, type ImportKind } from '../../../server/contract/imports.ts';
import { fmtInt } from '../../format.ts';
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
import { KIND_GROUPS, KIND_LABELS, KIND_NOTES } from './labels.ts';
import { PastImports } from './PastImports.tsx';
import { Downloads, ProgressBar, ReportView } from './ReportView.tsx';
import { Success } from './Success.tsx';
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

  return (
    <main className="import-page" data-testid="import-page">
      <h2>Load your department’s own data</h2>
      <p className="muted">
        Records, staff lists and the territory assignment exported from your registry as a table: CSV (comma, semicolon
        or tab separated, UTF-8 or Windows-1251), Excel (.xlsx, the first sheet) or Parquet. Mahalla, district and
        region boundaries as a map file. Nothing changes until you press “Import now”; a file with a problem changes
        nothing (for incidents and applications you may choose to import the good rows only). Importing the same file
        twice adds nothing twice.
      </p>

      <section className="import-card" aria-labelledby="step-file">
        <h3 id="step-file">1. The file</h3>
        <div className="import-row">
          <label>
            What the file holds{' '}
            <select
              data-testid="import-kind"
              value={kind}
              onChange={(e) => {
                setKind(e.target.value as ImportKind);
                reset();
              }}
            >
              {KIND_GROUPS.map((g) => (
                <optgroup key={g.label} label={g.label}>
                  {g.kinds.map((k) => (
                    <option key={k} value={k}>
                      {KIND_LABELS[k]}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </label>
          <label>
            File{' '}
            <input
              type="file"
              data-testid="import-file"
              accept={extensionsOf(kind).join(',')}
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                reset();
              }}
            />
          </label>
          {boundary && (
            <label title="Only if the file does not say: a Shapefile without its .prj, a GeoJSON in metres">
              Coordinate system (EPSG code, only if the file does not say){' '}
              <input
                className="import-crs"
                data-testid="import-crs"
                inputMode="numeric"
                placeholder="e.g. 32642"
                value={crs}
                onChange={(e) => setCrs(e.target.value)}
              />
            </label>
          )}
          <button type="button" data-testid="import-upload" disabled={!file || upload.isPending} onClick={send}>
            {upload.isPending ? 'Sending…' : 'Show the file'}
          </button>
        </div>
        <p className="muted" data-testid="import-kind-note">
          {KIND_NOTES[kind]}
        </p>
        {upload.error && <p className="error-banner">The file was not accepted: {upload.error.message}</p>}
      </section>

      {preview?.shape === 'table' && (
        <section className="import-card" aria-labelledby="step-columns">
          <h3 id="step-columns">
            2. Check the columns: {preview.file.name} ({fmtInt(preview.file.bytes)} bytes
            {preview.file.format
              ? `, ${preview.file.format.encoding}${preview.file.format.bom ? ' with BOM' : ''}, separated by “${preview.file.format.delimiter === '\t' ? 'tab' : preview.file.format.delimiter}”`
              : ''}
            )
          </h3>
          <p className="muted">The first rows of your file:</p>
          <PreviewTable preview={preview} />
          <p className="muted">
            For each thing Hamkor needs, the column of your file it is read from. Hamkor has chosen what it recognised;
            change any choice that is wrong.
          </p>
          <ColumnsStep preview={preview} choices={choices} onChange={change} />
        </section>
      )}

      {preview?.shape === 'boundary' && (
        <section className="import-card" aria-labelledby="step-fields">
          <h3 id="step-fields">
            2. Check the fields: {preview.file.name} ({fmtInt(preview.file.bytes)} bytes)
          </h3>
          <p className="muted">
            For each thing Hamkor needs, the field of your file it is read from. Hamkor has chosen the fields named as
            it names them; choose the others from the list.
          </p>
          <BoundaryStep preview={preview} choices={choices} onChange={change} />
        </section>
      )}

      {preview && (
        <section className="import-card" aria-labelledby="step-check">
          <h3 id="step-check">3. Check the whole file (changes nothing)</h3>
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
              Import the good rows and leave out the rows with problems (otherwise one bad row stops the whole file; the
              rows left out can be downloaded with what is wrong in each)
            </label>
          )}
          <button type="button" data-testid="import-check" disabled={busy} onClick={() => run(true)}>
            Check the file
          </button>
          {start.error && <p className="error-banner">{start.error.message}</p>}
          {check.data && <ProgressBar job={check.data} onCancel={() => cancel.mutate(check.data?.id ?? '')} />}
          {check.data?.error && <p className="error-banner">{check.data.error}</p>}
          {check.data && <ReportView job={check.data} />}
        </section>
      )}

      {checked && (
        <section className="import-card" aria-labelledby="step-commit">
          <h3 id="step-commit">4. Import</h3>
          {!canCommit && checked.problemCount > 0 && (
            <p className="note">
              {fmtInt(checked.rejected)} {boundary ? 'shapes' : 'rows'} have problems, so the file would change nothing.
              Correct them in the file
              {canKeepGood ? ', or tick “Import the good rows” above and check again' : ' and send it again'}.
            </p>
          )}
          <button
            type="button"
            className="primary"
            data-testid="import-commit"
            disabled={!canCommit || busy || committed}
            onClick={() => run(false)}
          >
            Import now
          </button>
          {commit.data && <ProgressBar job={commit.data} />}
          {commit.data?.error && <p className="error-banner">{commit.data.error}</p>}
          {committed && commit.data?.result && <Success job={commit.data} />}
          {commit.data?.state === 'done' && <Downloads job={commit.data} />}
        </section>
      )}

      <PastImports />
    </main>
  );
}
