/**
 * A Teams join link («https://teams.microsoft.com/l/meetup-join/19%3ameeting_…%40thread.v2/0?context=…»)
 * names the meeting's chat thread. Links differ in encoding, case of the escapes and the
 * context part from one copy to the next; the thread id does not, so that is what is compared.
 */
const THREAD = /19:meeting_[A-Za-z0-9_-]+@thread\.v2/;

export function meetingThreadOf(text: string | null | undefined): string | null {
  if (!text) return null;
  let decoded = text;
  // Links pasted from mail clients are sometimes encoded twice.
  for (let i = 0; i < 3 && /%[0-9a-f]{2}/i.test(decoded); i++) {
    try {
      decoded = decodeURIComponent(decoded);
    } catch {
      break;
    }
  }
  return THREAD.exec(decoded)?.[0] ?? null;
}
