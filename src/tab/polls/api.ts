import { ApiError, apiCall, getAuthHeaders, networkPath } from '../api.js';
import type {
  NewPoll,
  NewPollResponse,
  PollChangeResponse,
  PollListResponse,
  PollResultsResponse,
  RepeatPollRequest,
  RepeatPollResponse,
} from '../api-types.js';

const call = apiCall;

const base = (networkId: string) => `${networkPath(networkId)}/polls`;

/**
 * Downloads need the same sign-in headers as every call, so a plain link will not do: fetch the
 * file and hand the browser a blob with the server's file name.
 */
async function download(path: string): Promise<void> {
  const res = await fetch(path, { headers: await getAuthHeaders() });
  if (!res.ok) {
    const json = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
    throw new ApiError(res.status, json?.error?.code ?? `http_${res.status}`, json?.error?.message ?? '');
  }
  const name = /filename\*=UTF-8''([^;]+)/.exec(res.headers.get('content-disposition') ?? '')?.[1];
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name ? decodeURIComponent(name) : 'maling';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const pollApi = {
  list: (networkId: string, signal?: AbortSignal) => call<PollListResponse>('GET', base(networkId), undefined, signal),
  results: (networkId: string, pollId: string, signal?: AbortSignal) =>
    call<PollResultsResponse>('GET', `${base(networkId)}/${encodeURIComponent(pollId)}`, undefined, signal),
  create: (networkId: string, poll: NewPoll) => call<NewPollResponse>('POST', base(networkId), poll),
  close: (networkId: string, pollId: string) => call<PollChangeResponse>('POST', `${base(networkId)}/${encodeURIComponent(pollId)}/close`, {}),
  reopen: (networkId: string, pollId: string) => call<PollChangeResponse>('POST', `${base(networkId)}/${encodeURIComponent(pollId)}/reopen`, {}),
  repeat: (networkId: string, pollId: string, body: RepeatPollRequest) =>
    call<RepeatPollResponse>('POST', `${base(networkId)}/${encodeURIComponent(pollId)}/repeat`, body),
  download: (networkId: string, pollId: string, ext: 'csv' | 'xlsx') => download(`${base(networkId)}/${encodeURIComponent(pollId)}/export.${ext}`),
};
