// Step 2 of a boundary import: what the file is (format, coordinate system, features), and for each thing Hamkor reads
// (code, name, district or region, population) the field of the file it comes from, with a few of its values.
import { fmtInt } from '../../format.ts';
import type { BoundaryPreview } from '../../queries/imports.ts';
import type { Choices } from './ColumnsStep.tsx';
import { ROLE_LABELS } from './labels.ts';

/** The fields Hamkor proposes for each role (those named as it names them). */
export const proposedFields = (p: BoundaryPreview): Choices => ({
  columns: Object.fromEntries(p.roles.map((r) => [r.name, r.proposed ?? ''])),
  values: {},
});

const PARENT: Record<BoundaryPreview['file']['kind'], string> = {
  mahallas: 'District it belongs to (7-digit SOATO code)',
  districts: 'Region it belongs to (4-digit SOATO code)',
  regions: '',
};

export function BoundaryStep({
  preview,
  choices,
  onChange,
}: {
  preview: BoundaryPreview;
  choices: Choices;
  onChange: (c: Choices) => void;
}) {
  const f = preview.file;
  const label = (role: string): string => (role === 'parent' ? PARENT[f.kind] : (ROLE_LABELS[role] ?? role));
  return (
    <>
      <ul className="import-counts" data-testid="import-boundary-file">
        <li>
          <b>{fmtInt(f.features)}</b> shapes
        </li>
        <li>
          {f.format === 'shapefile' ? 'Shapefile' : f.format.toUpperCase()}
          {f.encoding ? `, text in ${f.encoding}` : ''}
        </li>
        <li>Coordinates: {f.crs}, turned into longitude and latitude</li>
      </ul>
      <table className="import-table import-columns" data-testid="import-fields">
        <thead>
          <tr>
            <th>What Hamkor needs</th>
            <th>Field in your file</th>
            <th>Filled in</th>
            <th>For example</th>
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
                  {r.required && <span className="import-required"> required</span>}
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
                    <option value="">— not in the file —</option>
                    {preview.fields.map((x) => (
                      <option key={x.field} value={x.field}>
                        {x.field}
                      </option>
                    ))}
                  </select>
                </td>
                <td className="num">{info ? `${fmtInt(info.filled)} of ${fmtInt(f.features)}` : ''}</td>
                <td className="muted">{info?.samples.join(', ') ?? ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
