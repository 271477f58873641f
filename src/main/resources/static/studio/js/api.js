// The page's session and its calls to /api/v1, the same API every client uses (docs/studio.md).
// The access token lives only in this module's memory; each page load gets one through the
// HttpOnly refresh cookie (POST /api/v1/auth/session/refresh, with the page's CSRF token).

const SESSION = '/api/v1/auth/session';

/** A problem document answered by the API, or a network failure (status 0). */
export class ApiError extends Error {
  constructor(status, code, message, requestId, problem = {}) {
    super(message || code || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.requestId = requestId;
    this.problem = problem;
  }
}

let accessToken = null;
let expiresAt = 0;
let user = null;
let pending = null; // one refresh at a time within this page

function csrfToken() {
  return document.querySelector('meta[name="csrf-token"]')?.content ?? '';
}

async function problemOf(response) {
  const requestId = response.headers.get('X-Request-Id');
  let problem = {};
  try {
    problem = await response.json();
  } catch {
    // not JSON: keep the status
  }
  return new ApiError(response.status, problem.code ?? 'http_' + response.status,
      problem.detail ?? problem.title ?? response.statusText, problem.requestId ?? requestId, problem);
}

async function sessionCall(path, body) {
  let response;
  try {
    response = await fetch(SESSION + path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {'X-CSRF-Token': csrfToken(), ...(body ? {'Content-Type': 'application/json'} : {})},
      body: body ? JSON.stringify(body) : undefined,
    });
  } catch (e) {
    throw new ApiError(0, 'network', 'The server cannot be reached', null);
  }
  if (!response.ok) {
    throw await problemOf(response);
  }
  return response.status === 204 ? null : response.json();
}

function keep(answer) {
  accessToken = answer.accessToken;
  expiresAt = Date.now() + Math.max(30, answer.expiresIn - 30) * 1000;
  user = answer.user;
  return user;
}

function forget() {
  accessToken = null;
  expiresAt = 0;
  user = null;
}

/** The signed-in user ({id, email, name, role}), refreshing through the cookie when needed; null when signed out. */
export async function currentUser({force = false} = {}) {
  if (!force && accessToken && Date.now() < expiresAt) {
    return user;
  }
  if (!document.cookie.split('; ').includes('atelier_session=1')) {
    forget();
    return null; // never signed in here (or signed out): no refresh cookie to try
  }
  if (!pending) {
    pending = sessionCall('/refresh')
        .then(keep)
        .catch((e) => {
          forget();
          if (e.status === 401) {
            return null;
          }
          throw e;
        })
        .finally(() => { pending = null; });
  }
  return pending;
}

/** The user, or off to the sign-in page (coming back here afterwards). */
export async function requireUser() {
  const signedIn = await currentUser();
  if (!signedIn) {
    const next = location.pathname + location.search;
    location.assign('/sign-in?next=' + encodeURIComponent(next));
    return new Promise(() => {}); // the page is leaving
  }
  return signedIn;
}

export async function signIn(email, password) {
  return keep(await sessionCall('/login', {email, password}));
}

export async function signUp(name, email, password) {
  return keep(await sessionCall('/signup', {name, email, password}));
}

export async function signOut() {
  try {
    await sessionCall('/logout');
  } finally {
    forget();
  }
}

/** The Authorization header value, refreshed when due. */
export async function bearer() {
  await currentUser();
  if (!accessToken) {
    throw new ApiError(401, 'no_session', 'Not signed in', null);
  }
  return 'Bearer ' + accessToken;
}

/**
 * Calls the API. {@code body}: an object (sent as JSON), or FormData/Blob (sent as is).
 * Answers the parsed JSON (null for 204); throws ApiError with the problem's code otherwise.
 * A 401 refreshes once and tries again (the access token may have expired meanwhile).
 */
export async function api(path, {method = 'GET', body, headers = {}, signal, retried = false} = {}) {
  const init = {method, signal, headers: {Accept: 'application/json', ...headers}};
  init.headers.Authorization = await bearer();
  if (body instanceof FormData || body instanceof Blob) {
    init.body = body;
  } else if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers['Content-Type'] = 'application/json';
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    if (e.name === 'AbortError') {
      throw e;
    }
    throw new ApiError(0, 'network', 'The server cannot be reached', null);
  }
  if (response.status === 401 && !retried) {
    forget();
    if (await currentUser()) {
      return api(path, {method, body, headers, signal, retried: true});
    }
  }
  if (!response.ok) {
    throw await problemOf(response);
  }
  if (response.status === 204) {
    return null;
  }
  const type = response.headers.get('Content-Type') ?? '';
  return type.includes('json') ? response.json() : response;
}

/** A fresh Idempotency-Key for a POST that moves money or makes things. */
export function idempotencyKey() {
  return crypto.randomUUID();
}

export function problemText(e) {
  if (e instanceof ApiError) {
    const fields = (e.problem.errors ?? []).map((f) => `${f.field ?? f.parameter ?? ''} ${f.message ?? ''}`.trim());
    return [e.message, ...fields].filter(Boolean).join(' — ');
  }
  return String(e?.message ?? e);
}
