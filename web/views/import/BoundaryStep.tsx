// Step 2 of a boundary import: what the file is (format, coordinate system, features), and for each thing Hamkor reads
// (code, name, district or region, population) the field of the file it comes from, with a few of its values.
import { useFmt, useT } from '../../i18n/I18n.tsx';
import type { BoundaryPreview } from '../../queries/imports.ts';
import type { Choices } from './ColumnsStep.tsx';
import { roleLabel } from './labels.ts';

/** The fields Hamkor proposes for each role (those named as it names them). */
export const proposedFields = (p: BoundaryPreview): Choices => ({
  columns: Object.fromEntries(p.roles.map((r) => [r.name, r.proposed ?? ''])),
  values: {},
});

export function BoundaryStep({
  preview,
  choices,
  onChange,
}: {
  preview: BoundaryPreview;
  choices: Choices;
  onChange: (c: Choices) => void;
}) {
  const t = useT();
  const fmt = useFmt();
  const f = preview.file;
  // A region has no parent; a mahalla's is a district, a district's a region.
  const label = (role: string): string =>
    role === 'parent' && f.kind !== 'regions' ? t(`import.role.parent.${f.kind}`) : roleLabel(role, t);
  return (
    <>
      <ul className="import-counts" data-testid="import-boundary-file">
        <li>
          <b>{fmt.int(f.features)}</b> {t('import.shapes', { count: f.features })}
        </li>
        <li>
          {f.format === 'shapefile' ? 'Shapefile' : f.format.toUpperCase()}
          {f.encoding ? t('import.textIn', { encoding: f.encoding }) : ''}
        </li>
        <li>{t('import.coords', { crs: f.crs })}</li>
      </ul>
      <table className="import-table import-columns" data-testid="import-fields">
        <thead>
          <tr>
            <th>{t('import.need')}</th>
            <th>{t('import.fieldInFile')}</th>
            <th>{t('import.filledIn')}</th>
            <th>{t('import.example')}</th>
          </tr>
        </thead>
        <tbody>
          {preview.roles.map((r) => {
            const field = choices.columns[r.name] ?? '';
            const info = preview.fields.find((x) => x.field === field);
            return (
              <tr key={r.name}>
                <td>
                  <label htmlFor={`field-${r.name}`}>{label(r.name)}</label>
                  {r.required && <span className="import-required"> {t('import.required')}</span>}
                </td>
                <td>
                  <select
                    id={`field-${r.name}`}
                    data-testid={`import-field-${r.name}`}
                    value={field}
                    onChange={(e) =>
                      onChange({ ...choices, columns: { ...choices.columns, [r.name]: e.target.value } })
                    }
                  >
                    <option value="">{t('import.notInFile')}</option>
                    {preview.fields.map((x) => (
                      <option key={x.field} value={x.field}>
                        {x.field}
                      </option>
                    ))}
                  </select>
                </td>
                <td className="num">
                  {info ? t('import.filledOf', { n: fmt.int(info.filled), total: fmt.int(f.features) }) : ''}
                </td>
                <td className="muted">{info?.samples.join(', ') ?? ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
