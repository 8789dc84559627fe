import { formatDayLong } from '@meridian/model'
import { plural } from '../lib/plural.js'
import { Field, Input } from '../ui/Field.js'
import type { CsvImportState } from './useCsvImport.js'

const LISTED = 200

/** Step 3: what will be created, and every row that will not, by line and reason. */
export function CsvPreviewStep({ s }: { s: CsvImportState }) {
  const plan = s.plan!
  const { input, errors, skipped } = plan
  const itemsOf = new Map<string, number>()
  for (const item of input.items)
    if ('ref' in item.feature)
      itemsOf.set(item.feature.ref, (itemsOf.get(item.feature.ref) ?? 0) + 1)
  return (
    <div className="xc-preview-step">
      {s.canImportHere ? (
        <fieldset className="xc-target">
          <legend className="field__label">Import into</legend>
          <label className="xc-radio">
            <input
              type="radio"
              name="xc-target"
              checked={s.target === 'here'}
              onChange={() => s.setTarget('here')}
            />
            <span>This roadmap</span>
          </label>
          <label className="xc-radio">
            <input
              type="radio"
              name="xc-target"
              checked={s.target === 'new'}
              onChange={() => s.setTarget('new')}
            />
            <span>A new roadmap</span>
          </label>
          {s.target === 'new' ? (
            <Input
              aria-label="New roadmap title"
              value={s.newTitle}
              maxLength={200}
              onChange={(e) => s.setNewTitle(e.target.value)}
            />
          ) : null}
        </fieldset>
      ) : (
        <div className="xc-new-title">
          <Field label="New roadmap title">
            {(id) => (
              <Input
                id={id}
                value={s.newTitle}
                maxLength={200}
                onChange={(e) => s.setNewTitle(e.target.value)}
              />
            )}
          </Field>
        </div>
      )}
      <div className="xc-stats" data-testid="csv-summary">
        <div>
          <strong>{input.lanes.length}</strong> new {input.lanes.length === 1 ? 'lane' : 'lanes'}
        </div>
        <div>
          <strong>{input.features.length.toLocaleString('en-US')}</strong> features
        </div>
        <div>
          <strong>{input.items.length.toLocaleString('en-US')}</strong> backlog items
        </div>
        <div>
          <strong>{input.resources.length}</strong> new people
        </div>
      </div>
      {errors.length > 0 ? (
        <section className="xc-errors" aria-label="Rows with errors">
          <h3 className="xc-h3 xc-bad">{plural(errors.length, 'row')} cannot be imported</h3>
          <ul data-testid="csv-errors">
            {errors.slice(0, LISTED).map((e) => (
              <li key={`${e.line}-${e.reason}`}>
                <span className="xc-line">Line {e.line}</span> {e.reason}
              </li>
            ))}
            {errors.length > LISTED ? (
              <li className="xc-muted">…and {errors.length - LISTED} more</li>
            ) : null}
          </ul>
          <label className="xc-check">
            <input
              type="checkbox"
              checked={s.skipErrors}
              onChange={(e) => s.setSkipErrors(e.target.checked)}
            />
            Skip these rows and import the rest
          </label>
        </section>
      ) : null}
      {skipped.length > 0 ? (
        <p className="xc-muted">
          {plural(skipped.length, 'cancelled story', 'cancelled stories')} left out: backlog items
          have no cancelled state.
        </p>
      ) : null}
      <div className="xc-table-wrap">
        <table className="xc-table" aria-label="Features to create">
          <thead>
            <tr>
              <th scope="col">Lane</th>
              <th scope="col">Feature</th>
              <th scope="col">Dates</th>
              <th scope="col">Items</th>
            </tr>
          </thead>
          <tbody>
            {input.features.slice(0, LISTED).map((f) => (
              <tr key={f.ref}>
                <td>{laneName(s, f.lane)}</td>
                <th scope="row">{f.title}</th>
                <td className="xc-muted">
                  {f.start || f.end
                    ? `${f.start ? formatDayLong(f.start) : '…'} – ${f.end ? formatDayLong(f.end) : '…'}`
                    : 'undated'}
                </td>
                <td>{itemsOf.get(f.ref) ?? 0}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {input.features.length > LISTED ? (
        <p className="xc-muted">…and {input.features.length - LISTED} more features</p>
      ) : null}
    </div>
  )
}

function laneName(s: CsvImportState, lane: { ref: string } | { id: string }): string {
  if ('id' in lane) return s.lanes.find((l) => l.id === lane.id)?.name ?? ''
  return s.plan?.input.lanes.find((l) => l.ref === lane.ref)?.name ?? ''
}
