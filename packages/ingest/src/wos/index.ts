export { readWosPlaintext } from './wos-plaintext.js'
export { readWosTabDelimited } from './wos-tabdelimited.js'
export { wosAddressCountry } from './wos-address.js'
export { wosCountryCode } from './wos-country-names.js'
