// The compact selects of the planning views: one of a fixed set of choices (a status, a kind,
// a 1–5 score), or a person from the roadmap's resources. Read-only, they show the choice as
// text.
import type { Resource, ResourceId } from '@meridian/model'

interface ChoiceSelectProps<T extends string | number> {
  value: T
  choices: readonly T[]
  labelOf(choice: NoInfer<T>): string
  /** the accessible name, e.g. "Status of Payments outage" */
  label: string
  /** also on the read-only text */
  className?: string
  readOnly?: boolean
  onChange(value: NoInfer<T>): void
}

export function ChoiceSelect<T extends string | number>({
  value,
  choices,
  labelOf,
  label,
  className,
  readOnly = false,
  onChange,
}: ChoiceSelectProps<T>) {
  if (readOnly) return <span className={className}>{labelOf(value)}</span>
  return (
    <select
      className={`select pv-mini-select${className ? ` ${className}` : ''}`}
      aria-label={label}
      value={value}
      onChange={(e) => {
        const picked = choices.find((c) => String(c) === e.target.value)
        if (picked !== undefined) onChange(picked)
      }}
    >
      {choices.map((c) => (
        <option key={c} value={c}>
          {labelOf(c)}
        </option>
      ))}
    </select>
  )
}

interface ResourceSelectProps {
  value: ResourceId | null
  resources: readonly Resource[]
  label: string
  /** the choice for nobody, e.g. "No owner" */
  none: string
  /** shown for a value that names a resource no longer there */
  removed: string
  readOnly?: boolean
  onChange(value: ResourceId | null): void
}

export function ResourceSelect({
  value,
  resources,
  label,
  none,
  removed,
  readOnly = false,
  onChange,
}: ResourceSelectProps) {
  const name = value === null ? undefined : resources.find((r) => r.id === value)?.name
  if (readOnly) {
    return (
      <span className={name === undefined ? 'pv-muted' : ''}>
        {name ?? (value === null ? none : removed)}
      </span>
    )
  }
  const known = name !== undefined
  return (
    <select
      className="select pv-mini-select"
      aria-label={label}
      value={value ?? ''}
      onChange={(e) => onChange((e.target.value || null) as ResourceId | null)}
    >
      <option value="">{none}</option>
      {value !== null && !known && <option value={value}>{removed}</option>}
      {resources.map((r) => (
        <option key={r.id} value={r.id}>
          {r.name}
        </option>
      ))}
    </select>
  )
}
