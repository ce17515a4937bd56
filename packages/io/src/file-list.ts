import { readdir, stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { unreadableFile } from './io-error.js'

/** A file to read: the name reports give it (as the user wrote it) and where it is. */
export interface ListedFile {
  readonly name: string
  readonly at: string
}

/**
 * The files the user named: a directory stands for every file under it (recursively, in name order; names
 * starting with a dot left out). A path that does not exist is `UNREADABLE_FILE`.
 */
export async function listFiles(paths: readonly string[], cwd: string): Promise<ListedFile[]> {
  const files: ListedFile[] = []
  for (const name of paths) {
    const at = resolve(cwd, name)
    const info = await stat(at).catch((cause: unknown) => {
      throw unreadableFile(name, cause)
    })
    if (info.isDirectory()) files.push(...(await walk(name, at)))
    else files.push({ name, at })
  }
  return files
}

async function walk(name: string, at: string): Promise<ListedFile[]> {
  const entries = await readdir(at, { withFileTypes: true }).catch((cause: unknown) => {
    throw unreadableFile(name, cause)
  })
  const files: ListedFile[] = []
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (entry.name.startsWith('.')) continue
    const child = { name: join(name, entry.name), at: join(at, entry.name) }
    if (entry.isDirectory()) files.push(...(await walk(child.name, child.at)))
    else if (entry.isFile()) files.push(child)
    // A link is followed to a file, not to a directory (a link back up would never end).
    else if (entry.isSymbolicLink() && (await stat(child.at).catch(() => null))?.isFile()) files.push(child)
  }
  return files
}
