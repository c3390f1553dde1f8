import type { Queryable } from '../platform/db/port.js';
import type { AttendanceCount } from './domain/overview.js';

export interface Period {
  from: Date;
  to: Date;
}

/**
 * Attendance per samling, municipality and sector, from the attendance capability. Null while
 * the product records no attendance, so the overview says so instead of showing zeros.
 */
export async function attendanceOf(_db: Queryable, _networkIds: string[], _period?: Period): Promise<AttendanceCount[] | null> {
  return null;
}
