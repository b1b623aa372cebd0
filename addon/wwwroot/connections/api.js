// The page's API client. In Jira (Connect) every call carries a context token from AP.context.getToken()
// (Authorization: JWT …); in Forge it goes through @forge/bridge's invokeRemote, which Atlassian forwards to this
// backend with a Forge Invocation Token; in the console the browser sends the console's session cookie.

/** An API refusal: `message` is the server's own text, shown to the user as is. */
export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export function createApi(config) {
  const tokens = config.mode === 'jira' ? contextTokens() : null;

  async function send(method, url, body, retried = false) {
    if (config.mode === 'forge') return sendThroughForge(method, url, body);
    const headers = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (tokens) headers.Authorization = `JWT ${await tokens.get()}`;
    let response;
    try {
      response = await fetch(url, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'same-origin',
        cache: 'no-store',
      });
    } catch {
      throw new ApiError(0, 'network', 'The app could not be reached. Check your network connection and try again.');
    }
    // A token can expire between our clock and the server's: one retry with a fresh one.
    if (response.status === 401 && tokens && !retried) {
      tokens.forget();
      return send(method, url, body, true);
    }
    const data = await readJson(response);
    if (!response.ok) {
      throw new ApiError(response.status, data?.error ?? `http_${response.status}`,
        typeof data?.message === 'string' && data.message ? data.message : `The request failed (HTTP ${response.status}).`);
    }
    return data;
  }

  const api = (path) => config.apiBase + path;
  return {
    get: (path) => send('GET', api(path)),
    post: (path, body = {}) => send('POST', api(path), body),
    patch: (path, body) => send('PATCH', api(path), body),
    delete: (path) => send('DELETE', api(path)),
    login: (username, password) => send('POST', config.loginUrl, { username, password }),
    logout: () => send('POST', config.logoutUrl, {}),
  };
}

// invokeRemote answers { status, headers, body } with the body already parsed; a refusal is an answer too.
async function sendThroughForge(method, path, body) {
  const { invokeRemote } = await import('./forge-bridge.js');
  let response;
  try {
    response = await invokeRemote({ path, method, body, headers: { Accept: 'application/json' } });
  } catch {
    throw new ApiError(0, 'network', 'The app could not be reached through Jira. Check your network connection and try again.');
  }
  const status = response?.status ?? 0;
  const data = status === 204 ? null : parsed(response?.body);
  if (status < 200 || status >= 300) {
    throw new ApiError(status, data?.error ?? `http_${status}`,
      typeof data?.message === 'string' && data.message ? data.message : `The request failed (HTTP ${status}).`);
  }
  return data;
}

function parsed(body) {
  if (typeof body !== 'string') return body ?? null;
  try {
    return body ? JSON.parse(body) : null;
  } catch {
    return null;
  }
}

async function readJson(response) {
  if (response.status === 204) return null;
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

// Context tokens live about 15 minutes: reuse one until a minute before its exp, and ask Jira only once
// when several calls need a token at the same moment.
function contextTokens() {
  let cached = null;
  let asking = null;
  return {
    async get() {
      if (cached && cached.exp - 60 > Date.now() / 1000) return cached.token;
      asking ??= askJiraForToken()
        .then((token) => {
          cached = { token, exp: expiryOf(token) };
          return token;
        })
        .finally(() => { asking = null; });
      return asking;
    },
    forget() { cached = null; },
  };
}

function askJiraForToken() {
  return new Promise((resolve, reject) => {
    const context = window.AP?.context;
    if (typeof context?.getToken !== 'function') {
      reject(new ApiError(0, 'no_jira_bridge',
        "This page works only inside Jira: Atlassian's all.js did not load, so the page cannot prove who you are. Open it from Jira's Apps menu, or reload."));
      return;
    }
    const timer = setTimeout(() => reject(new ApiError(0, 'no_token', 'Jira did not give this page a token in time. Reload the page.')), 10000);
    const done = (token) => {
      clearTimeout(timer);
      if (typeof token === 'string' && token) resolve(token);
      else reject(new ApiError(0, 'no_token', 'Jira did not give this page a token. Reload the page.'));
    };
    const withCallback = () => context.getToken(done);
    // Current all.js returns a promise; older versions only call back.
    let answer;
    try {
      answer = context.getToken();
    } catch {
      withCallback();
      return;
    }
    if (answer && typeof answer.then === 'function') answer.then(done, withCallback);
    else withCallback();
  });
}

function expiryOf(token) {
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const exp = JSON.parse(atob(payload.padEnd(payload.length + ((4 - (payload.length % 4)) % 4), '='))).exp;
    return typeof exp === 'number' ? exp : 0;
  } catch {
    return 0; // unreadable: never cached, a fresh token every time
  }
}
