// Provenance: every import committed into this database — when, who, which file (and its checksum), what it changed.
import { useFmt, useT } from '../../i18n/I18n.tsx';
import { useApiErrors } from '../../i18n/api-error.ts';
import { usePastImports } from '../../queries/imports.ts';
import { age, ageWords, whatLabel } from './provenance.ts';
import { TableDownload } from '../common/TableDownload.tsx';

/** The server's UTC time (YYYY-MM-DD HH:MM[:SS]) as an ISO moment, read at the browser's clock like the audit log's. */
const utcIso = (t: string): string => `${t.replace(' ', 'T').replace(/(\.\d+)?Z?$/, '')}Z`;

export function PastImports() {
  const past = usePastImports();
  const t = useT();
  const said = useApiErrors();
  const f = useFmt();
  return (
    <section className="import-card" aria-labelledby="past-imports" data-testid="past-imports">
      {past.data && past.data.length > 0 && (
        <TableDownload title={t('import.past')} what={['imports']} table="[data-testid=past-imports] table" id="past" />
      )}
      <h3 id="past-imports">{t('import.past')}</h3>
      {past.error && <p className="error-banner">{t('import.past.failed', { reason: said.error(past.error) })}</p>}
      {past.data?.length === 0 && <p className="muted">{t('import.past.none')}</p>}
      {past.data && past.data.length > 0 && (
        <div className="import-scroll short">
          <table className="import-table">
            <thead>
              <tr>
                <th>{t('import.past.when')}</th>
                <th>{t('import.past.who')}</th>
                <th>{t('import.past.what')}</th>
                <th>{t('import.past.file')}</th>
                <th title={t('import.past.checksum.title')}>{t('import.past.checksum')}</th>
                <th>{t('import.past.read')}</th>
                <th>{t('import.past.added')}</th>
                <th>{t('import.past.updated')}</th>
                <th>{t('import.past.unchanged')}</th>
                <th>{t('import.past.left')}</th>
              </tr>
            </thead>
            <tbody>
              {past.data.map((i) => (
                <tr key={i.id}>
                  <td>
                    {f.moment(utcIso(i.importedAt))} <span className="muted">({ageWords(age(i.importedAt), t)})</span>
                  </td>
                  <td>{i.importedBy}</td>
                  <td>{whatLabel(i.kind.replace(/_/g, ' '), t)}</td>
                  <td>{i.file}</td>
                  <td title={i.sha256}>
                    <code>{i.sha256.slice(0, 12)}…</code>
                  </td>
                  <td className="num">{f.int(i.rowsRead)}</td>
                  <td className="num">{f.int(i.added)}</td>
                  <td className="num">{f.int(i.updated)}</td>
                  <td className="num">{f.int(i.unchanged)}</td>
                  <td className="num">{f.int(i.rejected)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
