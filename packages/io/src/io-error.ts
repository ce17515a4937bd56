import { MeridianError } from '@meridian/model'

/** System error codes in words: Node's own messages repeat the path and the call (`open '/x/y'`). */
const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  ENOSPC: 'no space left on the device',
  EMFILE: 'too many open files',
  ELOOP: 'too many levels of symbolic links',
  EIO: 'input/output error',
  Z_DATA_ERROR: 'the gzip data is damaged',
  Z_BUF_ERROR: 'the gzip data is cut short',
}

/** Why a file operation failed, in words, without the path Node puts in its messages. */
export function ioReason(cause: unknown): string {
  const code = (cause as { code?: unknown } | null)?.code
  if (typeof code === 'string' && REASONS[code]) return REASONS[code]
  return cause instanceof Error ? cause.message : String(cause)
}

/** `UNREADABLE_FILE` naming the file as the user gave it, with the reason in words. */
export function unreadableFile(name: string, cause: unknown): MeridianError {
  return new MeridianError('UNREADABLE_FILE', `cannot read "${name}": ${ioReason(cause)}`, { cause })
}
