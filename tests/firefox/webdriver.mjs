// A minimal W3C WebDriver client for Firefox through geckodriver: plain HTTP with fetch, no
// client library. Firefox ESR runs headless with a fresh profile; the extension is installed as a
// temporary add-on from an unpacked folder (dist/firefox/, written by `./build.sh package`).

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
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

/** Starts geckodriver on a free port; resolves to `{ url, stop() }` once it listens. */
export async function startGeckodriver() {
  const child = spawn(GECKODRIVER, ['--port', '0', '--log', 'error'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise((resolve, reject) => {
    let seen = '';
    const onData = (chunk) => {
      seen += chunk;
      const match = seen.match(/Listening on ([\d.]+:\d+)/);
      if (match) resolve(`http://${match[1]}`);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`geckodriver exited (${code}): ${seen}`)));
    setTimeout(() => reject(new Error(`geckodriver did not start: ${seen}`)), 15000);
  });
  return {
    url,
    stop: () => new Promise((done) => {
      if (child.exitCode !== null) return done();
      child.on('exit', done);
      child.kill();
    }),
  };
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

  close() {
    return this.send('DELETE', '').catch(() => {});
  }
}
