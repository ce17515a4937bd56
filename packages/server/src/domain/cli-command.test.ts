import { describe as explain, indicator } from '@meridian/indicators'
import { expect, test } from 'vitest'
import { cliCommand } from './cli-command.js'

test('every option spelled out, in CLI flag form', () => {
  const method = explain(indicator('leadership'), { years: '2015-2020', byYear: true, role: 'first' })
  expect(cliCommand('leadership', method)).toBe(
    'meridian indicators leadership --years 2015-2020 --by-year --counting full --country-policy iso --role first --format json',
  )
})
