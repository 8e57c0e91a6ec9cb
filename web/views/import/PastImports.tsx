// Provenance: every import committed into this database — when, who, which file (and its checksum), what it changed.
import { fmtInt } from '../../format.ts';
import { usePastImports } from '../../queries/imports.ts';
import { age, ageWords } from './provenance.ts';

export function PastImports() {
  const past = usePastImports();
  return (
    <section className="import-card" aria-labelledby="past-imports" data-testid="past-imports">
      <h3 id="past-imports">Imports into this database</h3>
      {past.error && <p className="error-banner">Could not load the list: {past.error.message}</p>}
      {past.data?.length === 0 && <p className="muted">None yet: everything shown is the generated demo data.</p>}
      {past.data && past.data.length > 0 && (
        <div className="import-scroll short">
          <table className="import-table">
            <thead>
              <tr>
                <th>When</th>
                <th>Who</th>
                <th>What</th>
                <th>File</th>
                <th title="SHA-256 of the file: the same number means the very same file">Checksum</th>
                <th>Rows read</th>
                <th>Added</th>
                <th>Updated</th>
                <th>Unchanged</th>
                <th>Left out</th>
              </tr>
            </thead>
            <tbody>
              {past.data.map((i) => (
                <tr key={i.id}>
                  <td>
                    {i.importedAt.slice(0, 16)} <span className="muted">({ageWords(age(i.importedAt))})</span>
                  </td>
                  <td>{i.importedBy}</td>
                  <td>{i.kind}</td>
                  <td>{i.file}</td>
                  <td title={i.sha256}>
                    <code>{i.sha256.slice(0, 12)}…</code>
                  </td>
                  <td className="num">{fmtInt(i.rowsRead)}</td>
                  <td className="num">{fmtInt(i.added)}</td>
                  <td className="num">{fmtInt(i.updated)}</td>
                  <td className="num">{fmtInt(i.unchanged)}</td>
                  <td className="num">{fmtInt(i.rejected)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
