// The API client, typed by the server's own contract (src/export/api.ts, src/serve/contract.ts).
import type { ApiReport, IncidentDetail, IncidentItem, IncidentPage } from '../../src/export/api.js';
import type { ExportRecord } from '../../src/export/index.js';
import type { FilterQuery, ListQuery } from '../../src/serve/contract.js';
import type { AddedUser, ApiToken, ApiUser, CreatedToken, Settings } from '../../src/serve/routes/admin.js';

export type { AddedUser, ApiToken, ApiUser, CreatedToken, Settings };
export type { ApiReport, ExportRecord, FilterQuery, IncidentDetail, IncidentItem, IncidentPage, ListQuery };

export interface Session {
  user: { name: string; role: 'viewer' | 'analyst' | 'admin' } | null;
  csrf_token: string | null;
  public_read: boolean;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

let csrfToken: string | null = null;

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
  if (response.status === 204) return undefined as T;
  const data = (await response.json()) as T & { error?: string };
  if (!response.ok) throw new ApiError(response.status, data.error ?? response.statusText);
  return data;
}

export function queryString(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

export const api = {
  async session(): Promise<Session> {
    const session = await call<Session>('GET', '/api/session');
    csrfToken = session.csrf_token;
    return session;
  },
  async signIn(name: string, password: string): Promise<Session> {
    const session = await call<Session>('POST', '/api/session', { name, password });
    csrfToken = session.csrf_token;
    return session;
  },
  async signOut(): Promise<void> {
    await call('DELETE', '/api/session');
    csrfToken = null;
  },
  incidents: (query: Partial<ListQuery>) => call<IncidentPage>('GET', `/api/incidents${queryString(query)}`),
  incident: (id: string) => call<IncidentDetail>('GET', `/api/incidents/${encodeURIComponent(id)}`),
  review: (id: string, action: 'accept' | 'reject') => call<IncidentDetail>('POST', `/api/incidents/${encodeURIComponent(id)}/${action}`),
  edit: (id: string, fields: Record<string, string | null>, reason: string) => call<IncidentDetail>('PATCH', `/api/incidents/${encodeURIComponent(id)}`, { fields, reason }),
  merge: (id: string, other: string, reason: string) => call<IncidentDetail>('POST', `/api/incidents/${encodeURIComponent(id)}/merge`, { other, reason }),
  split: (id: string, reportIds: string[], reason: string) => call<IncidentDetail>('POST', `/api/incidents/${encodeURIComponent(id)}/split`, { report_ids: reportIds, reason }),
  report: (id: string) => call<ApiReport>('GET', `/api/reports/${encodeURIComponent(id)}`),
  users: () => call<{ users: ApiUser[] }>('GET', '/api/users'),
  addUser: (user: { name: string; role: ApiUser['role']; password?: string }) => call<AddedUser>('POST', '/api/users', user),
  setRole: (name: string, role: ApiUser['role']) => call<ApiUser>('PATCH', `/api/users/${encodeURIComponent(name)}`, { role }),
  removeUser: (name: string) => call<void>('DELETE', `/api/users/${encodeURIComponent(name)}`),
  tokens: () => call<{ tokens: ApiToken[] }>('GET', '/api/tokens'),
  createToken: (user: string, label: string) => call<CreatedToken>('POST', '/api/tokens', { user, label }),
  revokeToken: (id: string) => call<void>('DELETE', `/api/tokens/${encodeURIComponent(id)}`),
  settings: () => call<Settings>('GET', '/api/settings'),
  setSettings: (settings: Settings) => call<Settings>('PUT', '/api/settings', settings),
  /** Every record matching the filters (the export stream), for the map and the timeline. */
  records: (filter: Partial<FilterQuery>) => call<ExportRecord[]>('GET', `/api/export${queryString({ ...filter, format: 'json' })}`),
};
