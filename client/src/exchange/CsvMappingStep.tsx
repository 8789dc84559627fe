import { CSV_FIELD_LABEL, IMPORT_STATUS_LABEL } from '@meridian/exchange'
import type { CsvField, DateOrder, ImportStatus } from '@meridian/exchange'
import { Field, Input, Select } from '../ui/Field.js'
import { plural } from '../lib/plural.js'
import type { CsvImportState } from './useCsvImport.js'

const SAMPLES = 3

/** Step 2: what each column means (recognised headers preselected), dates, statuses. */
export function CsvMappingStep({ s }: { s: CsvImportState }) {
  const table = s.table!
  const unknown = s.plan?.unknownStatuses ?? []
  return (
    <div className="xc-mapping">
      <p className="xc-muted">
        {s.fileName}: {plural(table.rows.length, 'row')}, {plural(table.headers.length, 'column')}.
        Recognised columns are mapped already; change any of them.
      </p>
      <div className="xc-table-wrap">
        <table className="xc-table" aria-label="Column mapping">
          <thead>
            <tr>
              <th scope="col">Column</th>
              <th scope="col">First values</th>
              <th scope="col">Imports as</th>
            </tr>
          </thead>
          <tbody>
            {table.headers.map((h, i) => (
              <tr key={i} className={s.fields[i] === 'ignore' ? 'xc-table__ignored' : undefined}>
                <th scope="row">{h || <em>(no name)</em>}</th>
                <td className="xc-samples">
                  {table.rows
                    .slice(0, SAMPLES)
                    .map((r) => r.cells[i] ?? '')
                    .filter(Boolean)
                    .map((v) => (v.length > 40 ? `${v.slice(0, 40)}…` : v))
                    .join(' · ')}
                </td>
                <td>
                  <Select
                    aria-label={`Column ${h || i + 1} imports as`}
                    value={s.fields[i]}
                    onChange={(e) => s.setField(i, e.target.value as CsvField)}
                  >
                    {Object.entries(CSV_FIELD_LABEL).map(([k, label]) => (
                      <option key={k} value={k}>
                        {label}
                      </option>
                    ))}
                  </Select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="xc-row xc-row--fields">
        <Field label="Numeric dates">
          {(id) => (
            <Select
              id={id}
              value={s.dateOrder}
              onChange={(e) => s.setDateOrder(e.target.value as DateOrder)}
            >
              <option value="mdy">Month first (3/12/2026)</option>
              <option value="dmy">Day first (12/3/2026)</option>
            </Select>
          )}
        </Field>
        <Field label="Lane for rows without one">
          {(id) => (
            <Input
              id={id}
              value={s.defaultLane}
              maxLength={100}
              onChange={(e) => s.setDefaultLane(e.target.value)}
            />
          )}
        </Field>
      </div>
      {unknown.length > 0 ? (
        <div className="xc-statuses">
          <h3 className="xc-h3">Statuses to map</h3>
          {unknown.map((name) => (
            <div key={name} className="xc-status-row">
              <span>“{name}”</span>
              <Select
                aria-label={`Status ${name} means`}
                value={s.statuses[name] ?? ''}
                onChange={(e) => s.setStatus(name, e.target.value as ImportStatus)}
              >
                <option value="" disabled>
                  Choose…
                </option>
                {Object.entries(IMPORT_STATUS_LABEL).map(([k, label]) => (
                  <option key={k} value={k}>
                    {label}
                  </option>
                ))}
              </Select>
            </div>
          ))}
        </div>
      ) : null}
    </div>
  )
}
