import { describe, expect, it } from 'vitest'
import { kpiStatus, periodEnd } from './kpi-status.js'

const rising = { baseline: 10, baselineDate: '2020-12-31', target: 20, targetDate: '2030-12-31' }

describe('KPI status rule', () => {
  it('expects the straight line from baseline to target, clamped to the ends', () => {
    expect(kpiStatus({ ...rising, actual: 10, at: '2020-12-31' }).expected).toBe(10)
    expect(kpiStatus({ ...rising, actual: 10, at: '2019-06-01' }).expected).toBe(10)
    expect(kpiStatus({ ...rising, actual: 10, at: '2035-01-01' }).expected).toBe(20)
    expect(kpiStatus({ ...rising, actual: 10, at: '2025-12-31' }).expected).toBeCloseTo(15, 2)
  })

  it.each([
    [16, 'on-track'],
    [15.0014, 'on-track'],
    [14.2, 'at-risk'],
    [13.9, 'off-track'],
    [null, 'no-data'],
  ] as const)('rising target, actual %s in 2025: %s', (actual, status) => {
    expect(kpiStatus({ ...rising, actual, at: '2025-12-31' }).status).toBe(status)
  })

  it('a target below the baseline is met by going down', () => {
    const falling = { baseline: 20, baselineDate: '2020-12-31', target: 10, targetDate: '2030-12-31' }
    expect(kpiStatus({ ...falling, actual: 14, at: '2025-12-31' }).status).toBe('on-track')
    expect(kpiStatus({ ...falling, actual: 15.8, at: '2025-12-31' }).status).toBe('at-risk')
    expect(kpiStatus({ ...falling, actual: 17, at: '2025-12-31' }).status).toBe('off-track')
  })

  it('a target equal to the baseline is held: 10 % of the target below is at risk', () => {
    const hold = { baseline: 50, baselineDate: '2020-12-31', target: 50, targetDate: '2030-12-31' }
    expect(kpiStatus({ ...hold, actual: 51, at: '2025-01-01' }).status).toBe('on-track')
    expect(kpiStatus({ ...hold, actual: 46, at: '2025-01-01' }).status).toBe('at-risk')
    expect(kpiStatus({ ...hold, actual: 44, at: '2025-01-01' }).status).toBe('off-track')
  })

  it('no baseline, no status; a target date before the baseline expects the target at once', () => {
    expect(kpiStatus({ ...rising, baseline: null, actual: 3, at: '2025-01-01' })).toEqual({
      expected: null,
      status: 'no-data',
    })
    expect(kpiStatus({ ...rising, targetDate: '2019-01-01', actual: 20, at: '2020-01-01' })).toEqual({
      expected: 20,
      status: 'on-track',
    })
    expect(periodEnd('2018-2020')).toBe('2020-12-31')
    expect(periodEnd('2019')).toBe('2019-12-31')
  })
})
