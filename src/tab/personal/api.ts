import { apiCall, networkPath } from '../api.js';
import type {
  PersonalOverviewResponse,
  PollVoteRequest,
  PollVoteResponse,
  ReflectionAnswerRequest,
  ReflectionAnswerResponse,
  RemindersResponse,
  ViewAccessResponse,
} from '../api-types.js';

/** The personal view's calls; answering uses the polls' and reflections' own routes. */
export const personalApi = {
  overview: (signal?: AbortSignal) => apiCall<PersonalOverviewResponse>('GET', '/api/me/overview', undefined, signal),
  access: (signal?: AbortSignal) => apiCall<ViewAccessResponse>('GET', '/api/me/access', undefined, signal),
  setReminders: (enabled: boolean) => apiCall<RemindersResponse>('PUT', '/api/me/reminders', { enabled }),
  vote: (networkId: string, pollId: string, body: PollVoteRequest) =>
    apiCall<PollVoteResponse>('PUT', `${networkPath(networkId)}/polls/${encodeURIComponent(pollId)}/vote`, body),
  answerReflection: (networkId: string, taskId: string, body: ReflectionAnswerRequest) =>
    apiCall<ReflectionAnswerResponse>('PUT', `${networkPath(networkId)}/reflections/${encodeURIComponent(taskId)}/answer`, body),
};
