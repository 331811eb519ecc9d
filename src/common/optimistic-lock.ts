import { ConflictException } from '@nestjs/common';

/**
 * Updates carry the version the caller read. A different stored version means someone else changed the
 * record in between: refuse rather than overwrite their work.
 */
export function assertVersion(
  record: { version: number },
  expected: number | undefined,
  what = 'record',
): void {
  if (expected === undefined) return;
  if (record.version !== expected) {
    throw new ConflictException(
      `This ${what} was changed by someone else (version ${record.version}, you sent ${expected}). Reload it and try again.`,
    );
  }
}
