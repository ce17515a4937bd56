import { ERROR_CODES, MeridianError } from '@meridian/model'
import { expect, test } from 'vitest'
import { API_ERROR_CODES, ApiError, FieldError } from './api-error.js'
import { toErrorResponse } from './envelope.js'
import { HTTP_STATUS } from './http-status.js'

test('every code has a status, and errors keep their code', () => {
  for (const code of Object.values(ERROR_CODES)) {
    const response = toErrorResponse(new MeridianError(code, 'x'))
    expect(response.body.error.code).toBe(code)
    expect(response.status).toBe(HTTP_STATUS[code])
  }
  for (const code of Object.values(API_ERROR_CODES))
    expect(toErrorResponse(new ApiError(code, 'x')).status).toBe(HTTP_STATUS[code])
  expect(HTTP_STATUS).toMatchObject({
    BAD_OPTION: 400,
    NOT_FOUND: 404,
    STORE_UNAVAILABLE: 503,
    NOT_IMPLEMENTED: 501,
  })
})

test('field errors name the field; unknown failures hide their details', () => {
  expect(toErrorResponse(new FieldError('years', 'bad')).body.error).toEqual({
    code: 'BAD_OPTION',
    message: 'bad',
    field: 'years',
  })
  const internal = toErrorResponse(new Error('secret path /etc'))
  expect(internal.status).toBe(500)
  expect(internal.body.error.code).toBe('INTERNAL')
  expect(internal.body.error.message).not.toContain('secret')
})
