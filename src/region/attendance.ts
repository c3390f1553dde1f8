import type { Queryable } from '../platform/db/port.js';
import { attendanceBySector } from '../attendance/sql/attendance.js';
import type { AttendanceCount } from './domain/overview.js';

export interface Period {
  from: Date;
  to: Date;
}

/**
 * Attendance per plan item, municipality and sector, from the attendance capability
 * (src/attendance). An empty list, not null, when nothing has been recorded yet: the product
 * records attendance now, so the overview says «none recorded» rather than «not available».
 */
export async function attendanceOf(db: Queryable, networkIds: string[], period?: Period): Promise<AttendanceCount[] | null> {
  return attendanceBySector(db, { networkIds, ...(period ? { from: period.from, to: period.to } : {}) });
}
