// Step 2 of an import: the file's first rows, then for each of our fields the file's column it is read from, and for
// coded fields (kind of offence, status…) which of the file's words means which of our codes.
import type { ImportMapping } from '../../../server/contract/imports.ts';
import type { Preview } from '../../queries/imports.ts';
import { useFmt, useT } from '../../i18n/I18n.tsx';
import { codeLabel, fieldLabel } from './labels.ts';

/** The choices of the form: our column → file header ('' = not in the file); our column → file word → code. */
export interface Choices {
  columns: Record<string, string>;
  values: Record<string, Record<string, string>>;
}

/** The choices Hamkor proposes: the headers it recognised, and the words it knows. */
export function proposed(p: Preview): Choices {
  const columns: Record<string, string> = {};
  const values: Record<string, Record<string, string>> = {};
  for (const c of p.columns) {
    columns[c.name] = c.proposed ?? '';
    if (c.known && c.proposed) values[c.name] = knownCodes(p, c.name, c.proposed);
  }
  return { columns, values };
}

/** For a coded column read from `header`: each of the header's words → the code Hamkor knows for it ('' if none). */
export function knownCodes(p: Preview, column: string, header: string): Record<string, string> {
  const known = p.columns.find((c) => c.name === column)?.known ?? {};
  const norm = (s: string): string => s.trim().toLowerCase().replace(/\s+/g, ' ');
  return Object.fromEntries((p.values[header] ?? []).map((v) => [v.value, known[norm(v.value)] ?? '']));
}

/** The mapping sent to the server: every column chosen, every word given a code. */
export function mappingOf(c: Choices): ImportMapping {
  const columns = Object.fromEntries(Object.entries(c.columns).filter(([, h]) => h !== ''));
  const values: ImportMapping['values'] = {};
  for (const [col, words] of Object.entries(c.values)) {
    if (!columns[col]) continue;
    const set = Object.entries(words).filter(([, code]) => code !== '');
    if (set.length > 0) values[col] = Object.fromEntries(set);
  }
  return { columns, values };
}

export function PreviewTable({ preview }: { preview: Preview }) {
  return (
    <div className="import-scroll" data-testid="import-preview">
      <table className="import-table">
        <thead>
          <tr>
            {preview.headers.map((h, i) => (
              <th key={i}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((r, i) => (
            <tr key={i}>
              {preview.headers.map((_, j) => (
                <td key={j}>{r[j] ?? ''}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ColumnsStep({
  preview,
  choices,
  onChange,
}: {
  preview: Preview;
  choices: Choices;
  onChange: (c: Choices) => void;
}) {
  const t = useT();
  const f = useFmt();
  const first = preview.rows[0] ?? [];
  const setColumn = (name: string, header: string): void => {
    const col = preview.columns.find((c) => c.name === name);
    const values = { ...choices.values };
    if (col?.known && header) values[name] = knownCodes(preview, name, header);
    else delete values[name];
    onChange({ columns: { ...choices.columns, [name]: header }, values });
  };
  const setValue = (name: string, word: string, code: string): void =>
    onChange({ ...choices, values: { ...choices.values, [name]: { ...choices.values[name], [word]: code } } });
  return (
    <>
      <table className="import-table import-columns" data-testid="import-columns">
        <thead>
          <tr>
            <th>{t('import.need')}</th>
            <th>{t('import.column')}</th>
            <th>{t('import.firstRow')}</th>
          </tr>
        </thead>
        <tbody>
          {preview.columns.map((c) => {
            const header = choices.columns[c.name] ?? '';
            const at = preview.headers.indexOf(header);
            return (
              <tr key={c.name}>
                <td>
                  <label htmlFor={`col-${c.name}`}>{fieldLabel(c.name, t)}</label>
                  {c.required && <span className="import-required"> {t('import.required')}</span>}
                </td>
                <td>
                  <select
                    id={`col-${c.name}`}
                    data-testid={`import-column-${c.name}`}
                    value={header}
                    onChange={(e) => setColumn(c.name, e.target.value)}
                  >
                    <option value="">{t('import.notInFile')}</option>
                    {preview.headers.map((h) => (
                      <option key={h} value={h}>
                        {h}
                      </option>
                    ))}
                  </select>
                </td>
                <td className="muted">{at >= 0 ? (first[at] ?? '') : ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {preview.columns
        .filter((c) => c.codes && choices.columns[c.name])
        .map((c) => (
          <section key={c.name} className="import-values" data-testid={`import-values-${c.name}`}>
            <h4>{t('import.valuesTitle', { field: fieldLabel(c.name, t), column: choices.columns[c.name] ?? '' })}</h4>
            <table className="import-table">
              <thead>
                <tr>
                  <th>{t('import.word')}</th>
                  <th>{t('import.rowsOfFirst', { n: f.int(preview.scanned) })}</th>
                  <th>{t('import.means')}</th>
                </tr>
              </thead>
              <tbody>
                {(preview.values[choices.columns[c.name] ?? ''] ?? []).map((v) => (
                  <tr key={v.value}>
                    <td>{v.value}</td>
                    <td className="num">{f.int(v.rows)}</td>
                    <td>
                      <select
                        aria-label={t('import.meansAria', { word: v.value })}
                        data-testid={`import-value-${c.name}-${v.value}`}
                        value={choices.values[c.name]?.[v.value] ?? ''}
                        onChange={(e) => setValue(c.name, v.value, e.target.value)}
                      >
                        <option value="">{t('import.notRecognised')}</option>
                        {(c.codes ?? []).map((code) => (
                          <option key={code} value={code}>
                            {codeLabel(c.name, code, t)}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))}
    </>
  );
}
