import { describe, expect, it } from 'vitest'
import { affiliationCountry } from './affiliation-country.js'

describe('affiliationCountry', () => {
  it.each([
    ['Dept X, Univ Y, Boston, MA 02115, USA.', 'US'],
    ['Beckman Institute, Urbana, IL 61801, United States', 'US'],
    ['Tsinghua University, Beijing 100084, People’s Republic of China', 'CN'],
    ['Dept of Physics, City University, Kowloon, Hong Kong, China', 'HK'],
    ['Universidade de Lisboa, 1049-001, Lisbon, Portugal', 'PT'],
    ['Seoul National University, Seoul, Republic of Korea. kim@snu.ac.kr.', 'KR'],
    ['Hospital, Madrid, Spain. Electronic address: x@y.es.', 'ES'],
    ['Harvard Medical School, Boston, Massachusetts.', 'US'],
    ['University of California, San Francisco, CA.', 'US'],
    ['University of Rochester Medical Center, Rochester, NY (JGD)', 'US'],
    ['University of Sydney, Sydney, New South Wales', 'AU'],
    ['Universität Wien, Wien, Österreich', 'AT'],
    ['Moscow State University, Moscow, Russian Federation', 'RU'],
    ['Univ Leeds, Leeds LS2 9JT, W Yorkshire, England', 'GB'],
    ['Peoples R China', 'CN'],
  ])('%s -> %s', (address, code) => {
    expect(affiliationCountry(address)).toBe(code)
  })

  it.each([['UCL Cancer Institute, UCL, London'], ['Omakase Consulting S.L.'], ['']])(
    '%s names no country',
    (address) => {
      expect(affiliationCountry(address)).toBeNull()
    },
  )
})
