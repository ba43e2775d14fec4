import { readFile } from 'node:fs/promises'
import openapiTS, { astToString } from 'openapi-typescript'
import { describe, expect, it } from 'vitest'

const OPENAPI = new URL('../../../src/DomainFlow.Server/openapi.json', import.meta.url)
const SCHEMA = new URL('./schema.d.ts', import.meta.url)

const normalize = (text: string) =>
  text
    .replace(/^\/\*\*[\s\S]*?\*\/\s*/, '') // the CLI's "auto-generated" banner
    .replace(/\s+/g, ' ')
    .trim()

describe('schema.d.ts', () => {
  it('is up to date with the server OpenAPI document (run `npm run gen:api` if not)', async () => {
    const generated = astToString(await openapiTS(JSON.parse(await readFile(OPENAPI, 'utf8'))))
    expect(normalize(await readFile(SCHEMA, 'utf8'))).toBe(normalize(generated))
  })
})
