export { affiliationCountry, normaliseName } from './affiliation-country.js'
