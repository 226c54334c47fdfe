// Who may do what. A role's permissions are a table, checked by one function on every route.
export const ROLES = ['viewer', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export type Permission =
  /** Read accepted incidents and the reports that tell them. */
  | 'read:accepted'
  /** Read every incident, whatever its review status. */
  | 'read:all'
  /** Accept, reject and correct incidents. */
  | 'review'
  /** Send reports to be read (POST /api/reports). */
  | 'ingest'
  /** Manage users, API tokens and settings. */
  | 'admin';

const PERMISSIONS: Record<Role, readonly Permission[]> = {
  viewer: ['read:accepted'],
  analyst: ['read:accepted', 'read:all', 'review', 'ingest'],
  admin: ['read:accepted', 'read:all', 'review', 'ingest', 'admin'],
};

/** Someone signed in, by session or token; `anonymous` reads accepted incidents only when the setting allows. */
export interface Principal {
  name: string;
  role: Role | 'anonymous';
  /** How the request was signed: a browser session must also carry its CSRF token on writes. */
  via: 'session' | 'token' | 'none';
}

export function can(principal: Principal, permission: Permission, publicRead: boolean): boolean {
  if (principal.role === 'anonymous') return permission === 'read:accepted' && publicRead;
  return PERMISSIONS[principal.role].includes(permission);
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
