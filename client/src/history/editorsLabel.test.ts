import { describe, expect, it } from 'vitest'
import { editorsLabel } from './editorsLabel.js'

const e = (...names: (string | null)[]) => names.map((name) => ({ name }))

describe('editorsLabel', () => {
  it('says nobody is known with a dash', () => {
    expect(editorsLabel([])).toEqual({ text: '—', full: 'No editors recorded' })
  })

  it('names two people and counts the rest', () => {
    expect(editorsLabel(e('Ana')).text).toBe('Edited by Ana')
    expect(editorsLabel(e('Ana', 'Ben')).text).toBe('Edited by Ana, Ben')
    expect(editorsLabel(e('Ana', 'Ben', 'Cy', null))).toEqual({
      text: 'Edited by Ana, Ben +2',
      full: 'Edited by Ana, Ben, Cy, someone unnamed',
    })
  })

  it('counts one name from two links once', () => {
    expect(editorsLabel(e('Ana', 'Ana', 'Ben')).text).toBe('Edited by Ana, Ben')
  })

  it('counts connections without a name', () => {
    expect(editorsLabel(e(null)).text).toBe('Edited by someone')
    expect(editorsLabel(e(null, null))).toEqual({
      text: 'Edited by 2 people',
      full: 'Edited by 2 unnamed',
    })
  })
})
