import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs'

/**
 * Reuse a generated file when its manifest (`<file>.manifest.json`) says it was made with the same
 * parameters and the file still has the size recorded; otherwise make it again with `make()`.
 */
export async function reuseOrMake(file, params, make) {
  const manifest = `${file}.manifest.json`
  if (existsSync(file) && existsSync(manifest)) {
    const saved = JSON.parse(readFileSync(manifest, 'utf8'))
    if (JSON.stringify(saved.params) === JSON.stringify(params) && statSync(file).size === saved.bytes)
      return { reused: true, ...saved.info }
  }
  const info = (await make()) ?? {}
  const bytes = statSync(file).size
  writeFileSync(manifest, JSON.stringify({ params, bytes, info, made: new Date().toISOString() }, null, 2))
  return { reused: false, ...info }
}
