// A minimal W3C WebDriver client for Firefox through geckodriver: plain HTTP with fetch, no
// client library. Firefox ESR runs headless with a fresh profile; the extension is installed as a
// temporary add-on from an unpacked folder (dist/firefox/, written by `./build.sh package`).

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const FIREFOX = process.env.FIREFOX || '/usr/bin/firefox-esr';
export const GECKODRIVER = process.env.GECKODRIVER || [join(homedir(), '.cargo', 'bin', 'geckodriver'), '/usr/local/bin/geckodriver', '/usr/bin/geckodriver'].find(existsSync);

/** WebDriver's codes for modifier keys (W3C WebDriver, "Keyboard actions"). */
export const KEY = { Alt: '\uE00A', Shift: '\uE008', Escape: '\uE00C' };

/** Why the Firefox tests cannot run here, or null when they can. */
export function missingTools() {
  if (!existsSync(FIREFOX)) return `no Firefox at ${FIREFOX} (apt-get install firefox-esr)`;
  if (!GECKODRIVER) return 'no geckodriver (cargo install geckodriver)';
  return null;
}

/** A free TCP port on 127.0.0.1 (the OS picks it; geckodriver binds it right after). */
async function freePort() {
  const server = createServer();
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address();
  await new Promise((done) => server.close(done));
  return port;
}

/** Starts geckodriver; resolves to `{ url, stop() }` once it answers /status. */
export async function startGeckodriver(extraArgs = []) {
  const port = await freePort();
  const child = spawn(GECKODRIVER, ['--host', '127.0.0.1', '--port', String(port), '--log', 'error', ...extraArgs], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  const stop = () => new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done();
    child.on('exit', () => done());
    child.kill();
  });
  for (const deadline = Date.now() + 15000; ;) {
    if (child.exitCode !== null) throw new Error(`geckodriver exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/status`)).ok) return { url, stop };
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) {
      await stop();
      throw new Error('geckodriver did not answer within 15 s');
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** One WebDriver session: `send(method, path, body)` and the commands the tests use. */
export class Session {
  static async create(driverUrl, { prefs = {}, args = ['-headless'] } = {}) {
    const response = await fetch(`${driverUrl}/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        capabilities: {
          alwaysMatch: {
            browserName: 'firefox',
            'moz:firefoxOptions': { binary: FIREFOX, args, prefs },
          },
        },
      }),
    });
    const { value } = await response.json();
    if (!value.sessionId) throw new Error(`no session: ${JSON.stringify(value)}`);
    return new Session(driverUrl, value.sessionId);
  }

  constructor(driverUrl, id) {
    this.base = `${driverUrl}/session/${id}`;
  }

  async send(method, path, body) {
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const { value } = await response.json();
    if (value && value.error) throw new Error(`${method} ${path}: ${value.error}: ${value.message}`);
    return value;
  }

  /** Installs an unpacked add-on folder until the browser closes; returns its id. */
  installAddon(path) {
    return this.send('POST', '/moz/addon/install', { path, temporary: true });
  }

  navigate(url) {
    return this.send('POST', '/url', { url });
  }

  /** Runs `body` (a function body) in the page with `args`; returns its (awaited) result. */
  execute(body, ...args) {
    return this.send('POST', '/execute/async', {
      script: `const done = arguments[arguments.length - 1];
               Promise.resolve((async (...args) => { ${body} })(...Array.from(arguments).slice(0, -1)))
                 .then(done, (e) => done({ error: String(e) }));`,
      args,
    });
  }

  /** Presses a chord: every key goes down in order, then up in reverse order. */
  pressKeys(...keys) {
    const down = keys.map((value) => ({ type: 'keyDown', value }));
    const up = [...keys].reverse().map((value) => ({ type: 'keyUp', value }));
    return this.send('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions: [...down, ...up] }] })
      .then(() => this.send('DELETE', '/actions'));
  }

  /**
   * Presses a chord in the browser window itself rather than in the page. Key actions sent to the
   * page are synthesized in the content process and never reach the window's keyboard shortcuts
   * (checked on Firefox 153 ESR: the page saw Alt+Shift+R, the extension's command did not fire);
   * the same actions in the privileged "chrome" context go through the window's shortcut handling,
   * exactly like a person's key press. Needs geckodriver started with --allow-system-access.
   */
  async pressKeysInWindow(...keys) {
    await this.send('POST', '/moz/context', { context: 'chrome' });
    try {
      await this.pressKeys(...keys);
    } finally {
      await this.send('POST', '/moz/context', { context: 'content' });
    }
  }

  close() {
    return this.send('DELETE', '').catch(() => {});
  }
}
