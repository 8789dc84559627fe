import { useState } from 'react'
import type { Direction, Goal, GoalId, IndicatorInput } from '@meridian/model'

interface Props {
  goals: readonly Goal[]
  onAdd(input: IndicatorInput): void
  onClose(): void
}

function num(text: string): number | null {
  return text.trim() === '' || !Number.isFinite(Number(text)) ? null : Number(text)
}

/** A new key indicator: name, unit, baseline, target, the better direction and its goal. */
export function AddIndicator({ goals, onAdd, onClose }: Props) {
  const [name, setName] = useState('')
  const [unit, setUnit] = useState('')
  const [baseline, setBaseline] = useState('')
  const [target, setTarget] = useState('')
  const [direction, setDirection] = useState<Direction>('increase')
  const [goalId, setGoalId] = useState('')
  return (
    <form
      className="pv-card pv-card__pad gl-add-kpi"
      aria-label="New key indicator"
      onSubmit={(e) => {
        e.preventDefault()
        if (!name.trim()) return
        const base = num(baseline)
        onAdd({
          name: name.trim(),
          unit: unit.trim(),
          baseline: base,
          target: num(target),
          // Nothing measured yet: the card says "No data" until a value is recorded.
          current: null,
          direction,
          goalId: (goalId || null) as GoalId | null,
        })
        onClose()
      }}
    >
      <label className="field gl-add-kpi__name">
        <span className="field__label">Name</span>
        <input
          className="input"
          autoFocus
          value={name}
          onChange={(e) => setName(e.target.value)}
          placeholder="e.g. Weekly active teams"
        />
      </label>
      <label className="field">
        <span className="field__label">Unit</span>
        <input
          className="input"
          value={unit}
          onChange={(e) => setUnit(e.target.value)}
          placeholder="%, ms, teams"
        />
      </label>
      <label className="field">
        <span className="field__label">Baseline</span>
        <input
          className="input"
          type="number"
          step="any"
          value={baseline}
          onChange={(e) => setBaseline(e.target.value)}
        />
      </label>
      <label className="field">
        <span className="field__label">Target</span>
        <input
          className="input"
          type="number"
          step="any"
          value={target}
          onChange={(e) => setTarget(e.target.value)}
        />
      </label>
      <label className="field">
        <span className="field__label">Better when</span>
        <select
          className="select"
          value={direction}
          onChange={(e) => setDirection(e.target.value as Direction)}
        >
          <option value="increase">Higher</option>
          <option value="decrease">Lower</option>
        </select>
      </label>
      <label className="field">
        <span className="field__label">Goal</span>
        <select className="select" value={goalId} onChange={(e) => setGoalId(e.target.value)}>
          <option value="">None</option>
          {goals.map((g) => (
            <option key={g.id} value={g.id}>
              {g.title}
            </option>
          ))}
        </select>
      </label>
      <div className="gl-add-kpi__actions">
        <button type="button" className="btn btn--ghost" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="btn btn--primary" disabled={!name.trim()}>
          Add indicator
        </button>
      </div>
    </form>
  )
}
