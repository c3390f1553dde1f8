/**
 * The meeting events Teams sends the bot, checked at the edge. Teams writes these values in
 * PascalCase (Id, JoinUrl, MeetingType, Title, StartTime/EndTime); participant events in camelCase.
 */
import { text as textField, z } from '../shared/validation.js';

export const MEETING_START = 'application/vnd.microsoft.meetingStart';
export const MEETING_END = 'application/vnd.microsoft.meetingEnd';
export const PARTICIPANT_JOIN = 'application/vnd.microsoft.meetingParticipantJoin';
export const PARTICIPANT_LEAVE = 'application/vnd.microsoft.meetingParticipantLeave';

const text = (max: number) => z.string().min(1).max(max);

export const meetingStartValue = z.looseObject({
  Id: text(1000),
  JoinUrl: text(4000).optional(),
  Title: z.string().max(1000).optional(),
  MeetingType: z.string().max(100).optional(),
  StartTime: z.iso.datetime({ offset: true }),
});

export const meetingEndValue = z.looseObject({
  Id: text(1000),
  JoinUrl: text(4000).optional(),
  Title: z.string().max(1000).optional(),
  MeetingType: z.string().max(100).optional(),
  EndTime: z.iso.datetime({ offset: true }),
});

export const participantsValue = z.looseObject({
  members: z
    .array(
      z.looseObject({
        user: z.looseObject({ id: text(1024), aadObjectId: z.string().max(128).optional(), name: z.string().max(200).optional() }),
        meeting: z.looseObject({ inMeeting: z.boolean().optional(), role: z.string().max(50).optional() }).optional(),
      }),
    )
    .max(1000),
});

export type MeetingStartValue = z.infer<typeof meetingStartValue>;
export type MeetingEndValue = z.infer<typeof meetingEndValue>;
export type ParticipantsValue = z.infer<typeof participantsValue>;

/**
 * The side panel's query (GET /api/meetings/panel): the meeting chat's thread id and the meeting
 * id, as teams-js' getContext gives them. The lengths are those the meeting table allows.
 */
export const panelQuerySchema = z.object({
  chat: textField().min(1).max(1000),
  /** Absent or empty: Teams gave none (a chat tab before the meeting has been held). */
  meeting: textField().max(1000).optional(),
});
