// The admin page: users (add with a role and a given or generated password, change role, remove),
// API tokens (create, the secret shown once; revoke) and settings (public reading). The server
// decides what may be done (the last admin stays, say): its refusals are shown as they come.
import { ROLES } from '../../src/auth/roles.js';
import { api, ApiError, type ApiToken, type ApiUser, type Settings } from './api.js';
import { h, replaceChildren } from './dom.js';

export async function renderAdmin(container: HTMLElement, me: string): Promise<void> {
  const status = h('p', { class: 'muted', role: 'status', id: 'admin-status' });
  const secret = h('div', { class: 'secret', id: 'secret', role: 'alert', hidden: true });
  const usersBox = h('section', { class: 'admin-card', id: 'users', 'aria-labelledby': 'users-title' });
  const tokensBox = h('section', { class: 'admin-card', id: 'tokens', 'aria-labelledby': 'tokens-title' });
  const settingsBox = h('section', { class: 'admin-card', id: 'settings', 'aria-labelledby': 'settings-title' });

  const say = (text: string, error = false) => {
    status.textContent = text;
    status.className = error ? 'error' : 'muted';
  };
  /** A secret the server answers once (a generated password, a token): shown until dismissed, never again. */
  const showSecret = (what: string, value: string) => {
    replaceChildren(
      secret,
      h('strong', {}, what),
      h('p', { class: 'muted' }, 'Copy it now: it is shown this once and cannot be read again.'),
      h('code', { id: 'secret-value' }, value),
      h('button', { type: 'button', onclick: () => ((secret.hidden = true), replaceChildren(secret)) }, 'Done'),
    );
    secret.hidden = false;
  };
  /** Runs a change, says what happened (or why the server refused), and redraws from the server's state. */
  const act = async (work: () => Promise<string>) => {
    try {
      say(await work());
    } catch (error) {
      say(error instanceof Error ? error.message : String(error), true);
    }
    try {
      await refresh();
    } catch (error) {
      // An admin who just removed themselves, or gave up the role: the page starts again as who they are now.
      if (error instanceof ApiError && (error.status === 401 || error.status === 403)) location.reload();
      else say(error instanceof Error ? error.message : String(error), true);
    }
  };

  const roleSelect = (attributes: Record<string, string>, selected: ApiUser['role']) =>
    h('select', attributes, ...ROLES.map((role) => h('option', { value: role, selected: role === selected }, role)));

  const drawUsers = (users: ApiUser[]) => {
    const name = h('input', { name: 'name', required: true, maxlength: 64, autocomplete: 'off' });
    const role = roleSelect({ name: 'role' }, 'analyst');
    const password = h('input', { name: 'password', type: 'password', minlength: 12, autocomplete: 'new-password', placeholder: 'empty: generated' });
    const form = h('form', { class: 'admin-form', id: 'add-user' }, h('label', {}, 'Name', name), h('label', {}, 'Role', role), h('label', {}, 'Password', password), h('button', { type: 'submit' }, 'Add user'));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void act(async () => {
        const added = await api.addUser({ name: name.value, role: role.value as ApiUser['role'], ...(password.value ? { password: password.value } : {}) });
        if (added.password) showSecret(`Password of ${added.name}`, added.password);
        return `Added ${added.role} ${added.name}.`;
      });
    });
    const rows = users.map((user) => {
      const select = roleSelect({ 'aria-label': `role of ${user.name}`, name: 'role' }, user.role);
      select.addEventListener('change', () => void act(async () => `${user.name} is now ${(await api.setRole(user.name, select.value as ApiUser['role'])).role}.`));
      const remove = () => {
        if (!confirm(`Remove ${user.name}? Their sessions and API tokens stop working at once.`)) return;
        void act(async () => (await api.removeUser(user.name), `Removed ${user.name}.`));
      };
      return h(
        'tr',
        { 'data-user': user.name },
        h('td', { 'data-label': 'Name' }, user.name, user.name === me ? h('span', { class: 'muted' }, ' (you)') : null),
        h('td', { 'data-label': 'Role' }, select),
        h('td', {}, h('button', { type: 'button', class: 'reject', onclick: remove }, 'Remove')),
      );
    });
    replaceChildren(
      usersBox,
      h('h3', { id: 'users-title' }, 'Users'),
      h('div', { class: 'table-wrap' }, h('table', { class: 'admin-table' }, h('thead', {}, h('tr', {}, h('th', {}, 'Name'), h('th', {}, 'Role'), h('th', {}, ''))), h('tbody', {}, ...rows))),
      form,
    );
  };

  const drawTokens = (tokens: ApiToken[], users: ApiUser[]) => {
    const user = h('select', { name: 'user' }, ...users.map((u) => h('option', { value: u.name, selected: u.name === me }, u.name)));
    const label = h('input', { name: 'label', required: true, maxlength: 200, value: 'api' });
    const form = h('form', { class: 'admin-form', id: 'create-token' }, h('label', {}, 'User', user), h('label', {}, 'What it is for', label), h('button', { type: 'submit' }, 'Create token'));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void act(async () => {
        const created = await api.createToken(user.value, label.value);
        showSecret(`API token for ${created.user} (${created.label})`, created.token);
        return `Created token ${created.id} for ${created.user}.`;
      });
    });
    const rows = tokens.map((token) => {
      const revoke = () => {
        if (!confirm(`Revoke token ${token.id} of ${token.user}? Scripts using it stop working at once.`)) return;
        void act(async () => (await api.revokeToken(token.id), `Revoked token ${token.id}.`));
      };
      return h(
        'tr',
        { 'data-token': token.id },
        h('td', { 'data-label': 'Id' }, h('code', {}, token.id)),
        h('td', { 'data-label': 'User' }, token.user),
        h('td', { 'data-label': 'For' }, token.label),
        h('td', { 'data-label': 'Created' }, token.created_at.slice(0, 16).replace('T', ' ')),
        h('td', {}, h('button', { type: 'button', class: 'reject', onclick: revoke }, 'Revoke')),
      );
    });
    replaceChildren(
      tokensBox,
      h('h3', { id: 'tokens-title' }, 'API tokens'),
      h('p', { class: 'muted' }, 'Scripts send a token as Authorization: Bearer <token> and act as its user.'),
      tokens.length === 0
        ? h('p', { class: 'muted' }, 'No tokens.')
        : h('div', { class: 'table-wrap' }, h('table', { class: 'admin-table' }, h('thead', {}, h('tr', {}, h('th', {}, 'Id'), h('th', {}, 'User'), h('th', {}, 'For'), h('th', {}, 'Created'), h('th', {}, ''))), h('tbody', {}, ...rows))),
      form,
    );
  };

  const drawSettings = (settings: Settings) => {
    const publicRead = h('input', { type: 'checkbox', id: 'public-read', checked: settings.public_read });
    publicRead.addEventListener('change', () => void act(async () => ((await api.setSettings({ public_read: publicRead.checked })).public_read ? 'Accepted incidents are public.' : 'Only signed-in people read incidents.')));
    replaceChildren(
      settingsBox,
      h('h3', { id: 'settings-title' }, 'Settings'),
      h('label', { class: 'check' }, publicRead, 'Anyone, without signing in, may read accepted incidents and their reports'),
    );
  };

  async function refresh(): Promise<void> {
    const [{ users }, { tokens }, settings] = await Promise.all([api.users(), api.tokens(), api.settings()]);
    drawUsers(users);
    drawTokens(tokens, users);
    drawSettings(settings);
  }

  replaceChildren(container, h('h2', {}, 'Administration'), status, secret, h('div', { class: 'admin' }, usersBox, tokensBox, settingsBox));
  await refresh();
}
